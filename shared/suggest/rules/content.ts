/**
 * What a cue reports, read off its sentence: the clause after the verb (past its object, time
 * words and a short prepositional phrase), the clause or quotation before it, one content around
 * a parenthetical attribution, and where a content stops (before the sentence's own closing
 * attribution, at a relative clause's comma). Shared by the constructions of clause.ts.
 */
import { TIME_WORDS, VERB_FORMS } from '../lexicon';
import type { Quotation } from './quotes';
import type { PhraseOptions } from './noun-phrase';
import type { Token } from './tokens';

/** A sentence with what the constructions read: its tokens `[from, to)` of the block's list, and the quotations by mark. */
export type SentenceView = Readonly<{
  tokens: readonly Token[];
  from: number;
  to: number;
  /** The quotation whose opening or closing mark is token `i`, if any. */
  quoteAt: (i: number) => Quotation | undefined;
  options: PhraseOptions;
  /** The quotation that opens the next paragraph, when this is its paragraph's last sentence. */
  nextQuote?: Quotation;
}>;

/** What is reported: bounds (UTF-16), the quotation when it is one, and whether an indirect content quotes in part. */
export type Content = Readonly<{ start: number; end: number; quote: Quotation | null; isMixed: boolean }>;

/** Prepositions that open a phrase between a verb and its content ("said in a statement that", "told CNN on Sunday"). */
export const PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'over', 'via', 'through', 'last', 'this', 'earlier', 'late']);
/** The longest phrase skipped between a verb and its content, in tokens. */
export const MAX_SKIP = 9;
/** Punctuation that ends a sentence or a clause. */
export const FINAL = /^[.!?;]$/;

/**
 * Skips time words ("said Tuesday night"), a preposition before time words ("said on Monday"),
 * and a short prepositional phrase that ends at "that", a comma, a colon or a quotation.
 */
export function skipAdjuncts(view: SentenceView, from: number): number {
  const { tokens } = view;
  let at = from;
  while (at < view.to && TIME_WORDS.has(tokens[at]!.lower)) at++;
  if (at + 1 < view.to && PREPOSITIONS.has(tokens[at]!.lower) && TIME_WORDS.has(tokens[at + 1]!.lower)) {
    at++;
    while (at < view.to && TIME_WORDS.has(tokens[at]!.lower)) at++;
  }
  if (!PREPOSITIONS.has(tokens[at]?.lower ?? '')) return at;
  for (let k = at + 1; k < view.to && k - at <= MAX_SKIP; k++) {
    const t = tokens[k]!;
    if (t.lower === 'that' || t.text === ':' || t.text === ',' || FINAL.test(t.text) || isOpeningMark(view, k)) return k;
    if (!t.isWord && t.text !== '’s' && t.text !== "'s") return at;
  }
  return at;
}

/**
 * Whether a time expression opens at token `at` ("Sunday", "Tuesday night", "last week",
 * "yesterday"): after a verb it is never an inverted source. A capitalised time word before
 * another capitalised word is a name ("Sunday Times").
 */
export function isTimeAt(view: SentenceView, at: number): boolean {
  const t = view.tokens[at];
  if (!t || at >= view.to || !TIME_WORDS.has(t.lower)) return false;
  const next = view.tokens[at + 1];
  return !(t.isCapital && next?.isCapital && !TIME_WORDS.has(next.lower));
}

/** "The plan, he said, is dead." / "“Part one,” he said, “part two.”": one content around the parenthetical source and cue. */
export function parenthetical(view: SentenceView, source: number, resume: number): Content | null {
  const first = contentBefore(view, source);
  const rest = contentFrom(view, resume);
  if (!first || !rest) return first ?? rest;
  const quote = first.quote && rest.quote ? { ...first.quote, end: rest.quote.end } : null;
  return { start: first.start, end: rest.end, quote, isMixed: !quote && (first.isMixed || rest.isMixed || Boolean(first.quote || rest.quote)) };
}

/** The content ending before token `end` (a comma or a closing mark before the source or cue): a quotation, or the clause from the sentence's start. */
export function contentBefore(view: SentenceView, end: number): Content | null {
  let k = end - 1;
  if (view.tokens[k]?.text === ',' || view.tokens[k]?.text === '—') k--;
  const quote = k >= view.from ? view.quoteAt(k) : undefined;
  if (quote && quote.end === view.tokens[k]!.end) return { start: quote.start, end: quote.end, quote, isMixed: false };
  return span(view, view.from, k + 1);
}

/** The content from token `at` to the end of the sentence: a quotation when one opens there and runs to the end, else the clause. */
export function contentFrom(view: SentenceView, at: number): Content | null {
  const quote = view.quoteAt(at);
  if (quote && quote.start === view.tokens[at]?.start && endsClause(view, tokenAfter(view, quote.end))) {
    return { start: quote.start, end: quote.end, quote, isMixed: false };
  }
  return span(view, at, reportingTail(view, at));
}

/** The end of a relative clause: its first comma, or the sentence's end. */
export function clauseEnd(view: SentenceView, from: number): number {
  for (let k = from; k < view.to; k++) if (view.tokens[k]!.text === ',') return k;
  return view.to;
}

/** The longest tail a sentence's own attribution takes ("…, said Alan Smith, a professor of politics at Emory."), in tokens. */
const MAX_TAIL = 22;
/** The farthest a tail's verb stands from its comma ("…, the former envoy said"), in tokens. */
const MAX_TAIL_VERB = 4;

/**
 * Where the content starting at `at` ends: before a closing ", he added" / ", aides said" /
 * ", said X, apposition" (the sentence's own attribution, which another cue proposes), else at
 * the sentence's end.
 */
export function reportingTail(view: SentenceView, at: number): number {
  for (let k = view.to - 1; k > at && view.to - k <= MAX_TAIL + 2; k--) {
    if (view.tokens[k]!.text !== ',') continue;
    const head = view.tokens.slice(k + 1, Math.min(view.to, k + 1 + MAX_TAIL_VERB));
    if (!head.some((x) => !x.isCapital && VERB_FORMS.get(x.lower)?.cueClass === 'communication')) continue;
    // A comma inside a quotation ("a “disgrace,” aides said") ends with the quotation's closing mark.
    return isClosingMark(view, k + 1) ? k + 2 : k;
  }
  return view.to;
}

/** The index of the first token at or after offset `offset` in the sentence (its end when none). */
function tokenAfter(view: SentenceView, offset: number): number {
  let k = view.from;
  while (k < view.to && view.tokens[k]!.start < offset) k++;
  return k;
}

/** The clause of tokens `[from, to)` without final punctuation; null when it has fewer than two words. */
export function span(view: SentenceView, from: number, to: number): Content | null {
  let end = to;
  while (end > from && FINAL.test(view.tokens[end - 1]!.text)) end--;
  while (end > from && view.tokens[end - 1]!.text === ',') end--;
  const words = view.tokens.slice(from, end).filter((t) => t.isWord).length;
  if (words < 2 || from >= end) return null;
  const isMixed = view.tokens.slice(from, end).some((_, i) => view.quoteAt(from + i) !== undefined);
  return { start: view.tokens[from]!.start, end: view.tokens[end - 1]!.end, quote: null, isMixed };
}

/** Whether nothing but final punctuation (and time words) follows token `at` in the sentence. */
export function endsClause(view: SentenceView, at: number): boolean {
  let k = skipAdjuncts(view, at);
  while (k < view.to && (FINAL.test(view.tokens[k]!.text) || view.tokens[k]!.text === ')' || isClosingMark(view, k))) k++;
  return k >= view.to;
}

/** Whether token `i` is a comma, colon or a quotation mark: no object stands there. */
export function isBoundary(view: SentenceView, i: number): boolean {
  const t = view.tokens[i]!;
  return t.text === ',' || t.text === ':' || FINAL.test(t.text) || view.quoteAt(i) !== undefined;
}

/** Whether token `i` is a quotation's closing mark. */
export function isClosingMark(view: SentenceView, i: number): boolean {
  return view.quoteAt(i)?.end === view.tokens[i]?.end;
}

/** Whether token `i` is a quotation's opening mark. */
function isOpeningMark(view: SentenceView, i: number): boolean {
  return view.quoteAt(i)?.start === view.tokens[i]?.start;
}
