/**
 * The suggestion engine: rules over an article's blocks that propose claims, their sources and
 * cues, and the links between them. Pure and synchronous per block; `suggestSteps` yields after
 * each block so that the service can give its event loop a turn on long articles.
 *
 * Baseline rules (#15 grows them): a direct quotation in double quotes followed or preceded by
 * "<Source> said/says/told" in the same block.
 */
import type { Block } from '../model/types';
import { suggestionKey, type SuggestedLink, type Suggestion, type SuggestInput, type SuggestionSet } from './types';

const QUOTE = /["“]([^"“”]{2,}?)["”]/g;
const AFTER = /^[,.!?]?\s*(he|she|they|[A-Z][\p{L}'’.-]+(?: [A-Z][\p{L}'’.-]+){0,3})\s+(said|says|told)\b/u;
const BEFORE = /\b([A-Z][\p{L}'’.-]+(?: [A-Z][\p{L}'’.-]+){0,3}|He|She|They)\s+(said|says|told)[,:]?\s*$/u;

/** Proposes for one block; `add` receives spans (deduplicated by key) and links. */
function suggestBlock(text: string, block: Block, input: SuggestInput, out: Collector): void {
  const body = text.slice(block.start, block.end);
  const on = (rule: string) => !input.disabledRules?.has(rule);
  if (!on('direct-quote')) return;
  for (const m of body.matchAll(QUOTE)) {
    const start = block.start + m.index;
    const end = start + m[0].length;
    const claim = out.span('Claim', start, end, { quote_form: 'direct' }, 'direct-quote');
    const after = AFTER.exec(text.slice(end, block.end));
    const before = after ? null : BEFORE.exec(text.slice(block.start, start));
    if (after) {
      const sourceStart = end + after[0].indexOf(after[1]!);
      const cueStart = end + after[0].lastIndexOf(after[2]!);
      out.attribution(
        claim,
        out.span('Source', sourceStart, sourceStart + after[1]!.length, {}, 'direct-quote'),
        out.span('Cue', cueStart, cueStart + after[2]!.length, { cue_class: 'communication' }, 'direct-quote'),
      );
    } else if (before) {
      const from = block.start + before.index;
      const cueStart = from + before[0].indexOf(before[2]!, before[1]!.length);
      out.attribution(
        claim,
        out.span('Source', from, from + before[1]!.length, {}, 'direct-quote'),
        out.span('Cue', cueStart, cueStart + before[2]!.length, { cue_class: 'communication' }, 'direct-quote'),
      );
    }
  }
}

/** Collects spans by key (the first rule to propose a span keeps it) and links. */
class Collector {
  readonly spans = new Map<string, Suggestion>();
  readonly links: SuggestedLink[] = [];
  span(label: string, start: number, end: number, attributes: Suggestion['attributes'], rule: string): string {
    const key = suggestionKey(label, start, end);
    if (!this.spans.has(key)) this.spans.set(key, { key, label, start, end, attributes, rule });
    return key;
  }
  attribution(claim: string, source: string | null, cue: string | null): void {
    if (source) this.links.push({ type: 'attributed_to', from: claim, to: source });
    if (cue) this.links.push({ type: 'has_cue', from: claim, to: cue });
  }
  result(): SuggestionSet {
    const suggestions = [...this.spans.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    return { suggestions, links: this.links };
  }
}

/** Runs the rules block by block, yielding after each; returns the suggestions. */
export function* suggestSteps(input: SuggestInput): Generator<void, SuggestionSet, void> {
  const out = new Collector();
  for (const block of input.blocks) {
    suggestBlock(input.text, block, input, out);
    yield;
  }
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
