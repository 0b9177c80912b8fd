/**
 * The attribution rules over one stretch of a block (a window, so that a very long block is cut
 * into pieces the service can interleave with its other work): tokens, sentences, cues, and
 * each cue's attribution proposed. Which quotations lie in the window is given (the quotation
 * pass ran over the whole article first, so a quotation that goes on in the next paragraph has
 * its end already).
 */
import type { Block } from '../../model/types';
import { attributionOf, type SentenceView } from './clause';
import type { Collector } from './collector';
import { findCues, type CuePhrases } from './cues';
import { headlineColon, isTitleCase } from './headline';
import type { NounPhrase, PhraseOptions } from './noun-phrase';
import { proposeAttribution, proposeUnintroducedQuote, type ProposedClaim } from './propose';
import type { Quotation } from './quotes';
import { sentences, tokenize, type Token } from './tokens';

/** The most blank text between a paragraph and the next one's opening quotation. */
const MAX_GAP = 8;

/** A window is cut after this many characters (at the next sentence end), so that each step of work stays short. */
export const WINDOW = 5_000;

/** What the pass reads besides the text: the quotations in text order, the workspace lexicon, and the rule switch. */
export type PassContext = Readonly<{
  text: string;
  quotes: readonly Quotation[];
  phrases: CuePhrases;
  options: PhraseOptions;
  isOn: (rule: string) => boolean;
  out: Collector;
  /** The quotations some attribution took as (part of) its content; the others are settled by proposeUnintroducedQuote. */
  used: Set<Quotation>;
}>;

/** The windows of a block: `[start, end)` pieces of at most about WINDOW characters, cut after a sentence end. */
export function windows(text: string, block: Block): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  let start = block.start;
  while (block.end - start > WINDOW) {
    const cut = cutAfter(text, start + WINDOW, block.end);
    out.push([start, cut]);
    start = cut;
  }
  out.push([start, block.end]);
  return out;
}

/** The first sentence end (or else space) at or after `from`; `end` when there is none. */
function cutAfter(text: string, from: number, end: number): number {
  const sentenceEnd = /[.!?]["”’)]*\s/g;
  sentenceEnd.lastIndex = from;
  const m = sentenceEnd.exec(text);
  if (m && m.index < end && m.index - from < WINDOW) return m.index + m[0].length;
  const space = text.indexOf(' ', from);
  return space !== -1 && space < end ? space + 1 : end;
}

/**
 * Runs the attribution rules over the window `[start, end)`.
 * @param isHeadline whether the window is the article's headline (rule 'headline')
 */
export function attributeWindow(context: PassContext, start: number, end: number, isHeadline: boolean): void {
  const { out, isOn } = context;
  const tokens = tokenize(context.text, start, end);
  const byMark = new Map<number, Quotation>();
  const inQuote = new Uint8Array(tokens.length);
  markQuotes(tokens, quotesIn(context.quotes, start, end), byMark, inQuote);
  const quoteAt = (i: number) => byMark.get(tokens[i]?.start ?? -1);
  const claims: ProposedClaim[] = [];
  const next = quotesIn(context.quotes, end, end + MAX_GAP)[0];
  const nextQuote = next && /^\s*$/.test(context.text.slice(end, next.start)) ? next : undefined;
  for (const sentence of sentences(tokens)) {
    const isLast = sentence.to === tokens.length;
    const view: SentenceView = {
      tokens,
      from: sentence.from,
      to: sentence.to,
      quoteAt,
      options: context.options,
      ...(isLast && nextQuote ? { nextQuote } : {}),
    };
    // Contents proposed in this sentence: a belief or other non-speech verb inside one ("said they want…") is the reported speech's, not a second attribution.
    const contents: Array<readonly [number, number]> = [];
    let previous: NounPhrase | null = null;
    const headline = isHeadline && isOn('headline');
    const colon = headline ? headlineColon(view) : null;
    const colonClaim = colon && proposeAttribution(out, tokens, colon, isOn);
    if (colonClaim) {
      claims.push(colonClaim);
      continue;
    }
    for (const cue of findCues(
      tokens,
      sentence.from,
      sentence.to,
      inQuote,
      context.phrases,
      !headline ? 'body' : isTitleCase(view) ? 'title-case' : 'headline',
    )) {
      if (cue.cueClass !== 'communication' && contents.some(([s, e]) => s <= tokens[cue.from]!.start && tokens[cue.from]!.end <= e)) continue;
      const found = attributionOf(view, cue, isOn, previous);
      const claim = found && proposeAttribution(out, tokens, found, isOn);
      if (!found || !claim) continue;
      claims.push(claim);
      previous = found.source ?? previous;
      contents.push([found.content.start, found.content.end]);
      for (const q of quotesIn(context.quotes, found.content.start, found.content.end)) context.used.add(q);
    }
  }
  settleQuotes(context, start, end, claims);
}

/**
 * The quotations that end in this window and no attribution took: each continues the attributed
 * claim just before it in the window, or stands alone, or is left (proposeUnintroducedQuote).
 * A quotation is settled in the window where it ends, once any construction after it was seen.
 */
function settleQuotes(context: PassContext, start: number, end: number, claims: ProposedClaim[]): void {
  claims.sort((a, b) => a.start - b.start);
  let c = 0;
  let before: ProposedClaim | null = null;
  for (const quote of quotesIn(context.quotes, start, end)) {
    if (quote.end > end || quote.end <= start || context.used.has(quote)) continue;
    while (c < claims.length && claims[c]!.end <= quote.start) before = claims[c++]!;
    proposeUnintroducedQuote(context.out, context.text, quote, before, context.isOn);
  }
}

/** The quotations that overlap `[start, end)` (quotations never overlap each other, so they are in order of both bounds). */
function quotesIn(quotes: readonly Quotation[], start: number, end: number): Quotation[] {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: Quotation[] = [];
  for (let i = lo; i < quotes.length && quotes[i]!.start < end; i++) out.push(quotes[i]!);
  return out;
}

/** Records each quotation's marks by offset, and flags the tokens inside a quotation (marks included): they are never cues. */
function markQuotes(tokens: readonly Token[], quotes: readonly Quotation[], byMark: Map<number, Quotation>, inQuote: Uint8Array): void {
  let q = 0;
  for (const quote of quotes) {
    byMark.set(quote.start, quote);
    byMark.set(quote.end - 1, quote);
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (q < quotes.length && quotes[q]!.end <= t.start) q++;
    const quote = quotes[q];
    if (quote && quote.start <= t.start && t.end <= quote.end) inQuote[i] = 1;
  }
}
