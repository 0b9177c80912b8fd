/**
 * The suggestion engine: rules over an article that propose claims, their sources and cues, and
 * the links between them (the rules and what each does: rules/index.ts). Pure and synchronous
 * per step; `suggestSteps` yields after about WINDOW characters of work so that the service can
 * give its event loop a turn on long articles. Three passes:
 * 1. quotations over every block (a quotation may run over several paragraphs);
 * 2. attributions, window by window (a very long block is cut at sentence ends), then the
 *    quotations no construction introduced (a continuation of the claim before, or a claim alone);
 * 3. pronoun coreference.
 */
import type { SuggestInput, SuggestionSet } from './types';
import { Collector } from './rules/collector';
import { linkPronouns } from './rules/coref';
import { cuePhrases } from './rules/cues';
import { isHeadline } from './rules/headline';
import { QuoteScanner, type Quotation } from './rules/quotes';
import { attributeWindow, WINDOW, windows, type PassContext } from './rules/sentence-pass';

export { RULES, type RuleName } from './rules/index';

/** Runs the rules, yielding after each WINDOW or so characters of work; returns the suggestions. */
export function* suggestSteps(input: SuggestInput): Generator<void, SuggestionSet, void> {
  const { text, blocks } = input;
  const isOn = (rule: string) => !input.disabledRules?.has(rule);
  const out = new Collector();
  const quotes: Quotation[] = [];
  const scanner = new QuoteScanner(isOn('multi-paragraph-quote'));
  let work = 0;
  for (const [i, block] of blocks.entries()) {
    quotes.push(...scanner.scan(text, block, blocks[i + 1]));
    work += block.end - block.start;
    if (work >= WINDOW * 2) {
      work = 0;
      yield;
    }
  }
  quotes.sort((a, b) => a.start - b.start);
  yield;
  const lexicon = isOn('lexicon') ? input.lexicon : undefined;
  const names = new Set(lexicon?.sources.map((s) => s.toLowerCase()) ?? []);
  const context: PassContext = {
    text,
    quotes,
    phrases: cuePhrases(lexicon?.cues ?? []),
    options: { names, maxNameWords: Math.max(0, ...[...names].map((n) => n.split(/\s+/).length)), withApposition: isOn('apposition') },
    isOn,
    out,
    used: new Set(),
  };
  for (const [index, block] of blocks.entries()) {
    const headline = isHeadline(text, block, index);
    for (const [start, end] of windows(text, block)) {
      attributeWindow(context, start, end, headline);
      work += end - start;
      if (work >= WINDOW) {
        work = 0;
        yield;
      }
    }
  }
  yield;
  if (isOn('pronoun-coref')) yield* linkPronouns(out, text);
  // Sorting thousands of suggestions is a step of its own.
  yield;
  return out.result();
}

/** Runs the rules over the whole article at once (tests, the CLI's workers, short articles). */
export function suggest(input: SuggestInput): SuggestionSet {
  const steps = suggestSteps(input);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
