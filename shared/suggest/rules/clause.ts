/**
 * One cue's attribution in its sentence: who reports (the source) and what (the content). The
 * constructions, tried in this order:
 * - according to: "According to X, …" / "…, according to X."
 * - passive-by: "it was reported by X that …" / "The plan was criticized by X."
 * - inverted: "“…,” said X." / "…, said X, the envoy."
 * - subject–verb: "X said (that) …", "X told reporters …", "…, X said.", "The plan, X said, is …",
 *   "X said: “…”" (the content is then the quotation).
 * Returns null when a construction does not fit: a cue with no source and no content is no
 * suggestion (precision first).
 */
import { OBJECT_VERBS, TIME_WORDS, VERB_FORMS } from '../lexicon';
import type { Cue } from './cues';
import { phraseAfter, subjectBefore, type NounPhrase, type PhraseOptions } from './noun-phrase';
import type { Quotation } from './quotes';
import type { Token } from './tokens';

/** A sentence with what the constructions read: its tokens `[from, to)` of the block's list, and the quotations by mark. */
export type SentenceView = Readonly<{
  tokens: readonly Token[];
  from: number;
  to: number;
  /** The quotation whose opening or closing mark is token `i`, if any. */
  quoteAt: (i: number) => Quotation | undefined;
  options: PhraseOptions;
}>;

/** What is reported: bounds (UTF-16), the quotation when it is one, and whether an indirect content quotes in part. */
export type Content = Readonly<{ start: number; end: number; quote: Quotation | null; isMixed: boolean }>;

/** One attribution: its cue, source (null when the construction names none) and content, and the rule that found it. */
export type Attribution = Readonly<{ cue: Cue; source: NounPhrase | null; content: Content; rule: string }>;

/** Conjunctions that join a second verb to a subject's first ("… and said"). */
const COORDINATORS = new Set(['and', 'but']);
/** Words that open a sentence's adverbial phrase, which ends at a comma before the subject ("When asked, …", "Although …, …"). */
const OPENING_WORDS = new Set([
  'when',
  'while',
  'although',
  'though',
  'as',
  'if',
  'because',
  'since',
  'asked',
  'speaking',
  'for',
  'from',
  'with',
  'by',
  'under',
  'like',
  'unlike',
  'despite',
]);
const PASSIVE_AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'be']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us', 'you', 'reporters', 'journalists']);
/** Prepositions that open a phrase between a verb and its content ("said in a statement that", "told CNN on Sunday"). */
const PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'over', 'via', 'through', 'last', 'this', 'earlier', 'late']);
/** The longest phrase skipped between a verb and its content, in tokens. */
const MAX_SKIP = 9;
const FINAL = /^[.!?;]$/;

/**
 * The attribution of `cue` in the sentence, or null when no construction fits.
 * @param isOn whether a rule is switched on (passive-by is decided here)
 */
export function attributionOf(view: SentenceView, cue: Cue, isOn: (rule: string) => boolean): Attribution | null {
  const { tokens } = view;
  if (cue.rule === 'according-to') return accordingTo(view, cue);
  const auxiliary = tokens[cue.from - 1];
  if (auxiliary && cue.from - 1 >= view.from && PASSIVE_AUXILIARIES.has(auxiliary.lower)) {
    return isOn('passive-by') && tokens[cue.to]?.lower === 'by' ? passiveBy(view, cue, cue.from - 1) : null;
  }
  const before = tokens[cue.from - 1];
  if (before && cue.from > view.from && (before.text === ',' || isClosingMark(view, cue.from - 1))) {
    const source = phraseAfter(tokens, cue.to, view.to, view.options);
    // "…,” said X, a professor of economics who…": the source ends the clause or a comma follows it.
    const content = source && (endsClause(view, source.to) || tokens[source.to]?.text === ',') ? contentBefore(view, cue.from) : null;
    if (source && content) return { cue, source, content, rule: cue.rule };
  }
  if (before && cue.from > view.from && (COORDINATORS.has(before.lower) || (before.text === ',' && tokens[cue.from]!.lower.endsWith('ing')))) {
    return sharedSubject(view, cue, cue.from - 1);
  }
  const source = subjectBefore(tokens, cue.from, view.from, view.options);
  if (!source) return null;
  const content = contentOfSubjectVerb(view, cue, source);
  return content ? { cue, source, content, rule: cue.rule } : null;
}

/**
 * "Clinton thanked her supporters and said …", "Trump attacked the plan, saying …": the verb
 * shares the sentence's subject (its first noun phrase, after an opening phrase that ends at a comma).
 */
function sharedSubject(view: SentenceView, cue: Cue, before: number): Attribution | null {
  const { tokens } = view;
  let k = view.from;
  while (k < before && (!tokens[k]!.isWord || COORDINATORS.has(tokens[k]!.lower) || TIME_WORDS.has(tokens[k]!.lower))) k++;
  const first = tokens[k];
  if (first && (PREPOSITIONS.has(first.lower) || OPENING_WORDS.has(first.lower) || /(?:ing|ed)$/.test(first.lower))) {
    const comma = tokens.findIndex((t, i) => i > k && i < before && t.text === ',');
    if (comma === -1 || comma - k > MAX_SKIP * 2) return null;
    k = comma + 1;
  }
  const phrase = phraseAfter(tokens, k, before, view.options);
  if (!phrase) return null;
  // The subject ends before its own verb ("The mayor visited the site and said…"): a reporting verb form or a past tense.
  let end = phrase.from + 1;
  while (end < phrase.to && !VERB_FORMS.has(tokens[end]!.lower) && !/^\p{Ll}+ed$/u.test(tokens[end]!.text)) end++;
  const source = end < phrase.to ? { ...phrase, to: end, hasApposition: false } : phrase;
  if (source.to >= before || !tokens[source.to]!.isWord) return null;
  let at = skipAdjuncts(view, cue.to);
  if (tokens[at]?.lower === 'that') at++;
  if (tokens[at]?.text === ':' || tokens[at]?.text === ',') at++;
  const content = contentFrom(view, at);
  return content ? { cue, source, content, rule: cue.rule } : null;
}

/** "According to X, …" (the content after X) or "…, according to X" (the content before). */
function accordingTo(view: SentenceView, cue: Cue): Attribution | null {
  const source = phraseAfter(view.tokens, cue.to, view.to, view.options) ?? wordsAfter(view, cue.to);
  if (!source) return null;
  const isFirst = cue.from === view.from || !view.tokens.slice(view.from, cue.from).some((t) => t.isWord);
  const content = isFirst ? contentFrom(view, view.tokens[source.to]?.text === ',' ? source.to + 1 : source.to) : contentBefore(view, cue.from);
  return content ? { cue, source, content, rule: 'according-to' } : null;
}

/** "according to new research", "according to data released Friday": the words up to the next comma or the sentence's end, when no phrase opens there. */
function wordsAfter(view: SentenceView, at: number): NounPhrase | null {
  let end = at;
  while (end < view.to && end - at < MAX_SKIP + 3 && view.tokens[end]!.text !== ',' && !FINAL.test(view.tokens[end]!.text)) end++;
  const first = view.tokens[at];
  if (end === at || !first?.isWord || (end < view.to && view.tokens[end]!.text !== ',' && !FINAL.test(view.tokens[end]!.text))) return null;
  return { from: at, to: end, identification: 'described', hasApposition: false };
}

/** "It was reported by X that …" (the content after X) or "The plan was criticized by X" (the subject is the content). */
function passiveBy(view: SentenceView, cue: Cue, auxiliary: number): Attribution | null {
  const source = phraseAfter(view.tokens, cue.to + 1, view.to, view.options);
  if (!source) return null;
  const subject = view.tokens.slice(view.from, auxiliary).filter((t) => t.isWord);
  let content: Content | null;
  if (subject.length === 1 && subject[0]!.lower === 'it') {
    let at = source.to;
    if (view.tokens[at]?.text === ',') at++;
    if (view.tokens[at]?.lower === 'that') at++;
    content = contentFrom(view, at);
  } else {
    content = span(view, view.from, auxiliary);
  }
  return content ? { cue, source, content, rule: 'passive-by' } : null;
}

/** The content of "X said (that) …", "…, X said.", "…, X said, …" and "X said: “…”". */
function contentOfSubjectVerb(view: SentenceView, cue: Cue, source: NounPhrase): Content | null {
  const { tokens } = view;
  let at = cue.to;
  if (OBJECT_VERBS.has(cue.base) && tokens[at] && !isBoundary(view, at) && tokens[at]!.lower !== 'that') {
    const object = OBJECT_PRONOUNS.has(tokens[at]!.lower)
      ? at + 1
      : (phraseAfter(tokens, at, view.to, { ...view.options, withApposition: false })?.to ?? at);
    at = object;
  }
  at = skipAdjuncts(view, at);
  if (tokens[at]?.lower === 'that') at++;
  const isAfterComma = source.from > view.from && (tokens[source.from - 1]!.text === ',' || isClosingMark(view, source.from - 1));
  if (endsClause(view, at)) return isAfterComma ? contentBefore(view, source.from) : null;
  if (tokens[at]?.text === ',' && isAfterComma) return parenthetical(view, source.from, at + 1);
  if (tokens[at]?.text === ':' || tokens[at]?.text === ',') at++;
  return contentFrom(view, at);
}

/** Skips time words and a short prepositional phrase that ends at "that", a comma, a colon or a quotation. */
function skipAdjuncts(view: SentenceView, from: number): number {
  const { tokens } = view;
  let at = from;
  while (at < view.to && TIME_WORDS.has(tokens[at]!.lower)) at++;
  if (!PREPOSITIONS.has(tokens[at]?.lower ?? '')) return at;
  for (let k = at + 1; k < view.to && k - at <= MAX_SKIP; k++) {
    const t = tokens[k]!;
    if (t.lower === 'that' || t.text === ':' || t.text === ',' || FINAL.test(t.text) || isOpeningMark(view, k)) return k;
    if (!t.isWord && t.text !== '’s' && t.text !== "'s") return at;
  }
  return at;
}

/** "The plan, he said, is dead." / "“Part one,” he said, “part two.”": one content around the parenthetical source and cue. */
function parenthetical(view: SentenceView, source: number, resume: number): Content | null {
  const first = contentBefore(view, source);
  const rest = contentFrom(view, resume);
  if (!first || !rest) return first ?? rest;
  const quote = first.quote && rest.quote ? { ...first.quote, end: rest.quote.end } : null;
  return { start: first.start, end: rest.end, quote, isMixed: !quote && (first.isMixed || rest.isMixed || Boolean(first.quote || rest.quote)) };
}

/** The content ending before token `end` (a comma or a closing mark before the source or cue): a quotation, or the clause from the sentence's start. */
function contentBefore(view: SentenceView, end: number): Content | null {
  let k = end - 1;
  if (view.tokens[k]?.text === ',' || view.tokens[k]?.text === '—') k--;
  const quote = k >= view.from ? view.quoteAt(k) : undefined;
  if (quote && quote.end === view.tokens[k]!.end) return { start: quote.start, end: quote.end, quote, isMixed: false };
  return span(view, view.from, k + 1);
}

/** The content from token `at` to the end of the sentence: a quotation when one opens there and runs to the end, else the clause. */
function contentFrom(view: SentenceView, at: number): Content | null {
  const quote = view.quoteAt(at);
  if (quote && quote.start === view.tokens[at]?.start && endsClause(view, tokenAfter(view, quote.end))) {
    return { start: quote.start, end: quote.end, quote, isMixed: false };
  }
  return span(view, at, reportingTail(view, at));
}

/** The longest tail a sentence's own attribution takes ("…, he added."), in tokens. */
const MAX_TAIL = 8;

/**
 * Where the content starting at `at` ends: before a closing ", he added" / ", aides said" (the
 * sentence's own attribution, which another cue proposes), else at the sentence's end.
 */
function reportingTail(view: SentenceView, at: number): number {
  for (let k = view.to - 1; k > at && view.to - k <= MAX_TAIL + 2; k--) {
    const t = view.tokens[k]!;
    if (t.text !== ',') continue;
    const tail = view.tokens.slice(k + 1, view.to).filter((x) => !FINAL.test(x.text));
    const isTail = tail.length <= MAX_TAIL && tail.some((x) => !x.isCapital && VERB_FORMS.get(x.lower)?.cueClass === 'communication');
    // A comma inside a quotation ("a “disgrace,” aides said") ends with the quotation's closing mark.
    return !isTail ? view.to : isClosingMark(view, k + 1) ? k + 2 : k;
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
function span(view: SentenceView, from: number, to: number): Content | null {
  let end = to;
  while (end > from && FINAL.test(view.tokens[end - 1]!.text)) end--;
  while (end > from && view.tokens[end - 1]!.text === ',') end--;
  const words = view.tokens.slice(from, end).filter((t) => t.isWord).length;
  if (words < 2 || from >= end) return null;
  const isMixed = view.tokens.slice(from, end).some((_, i) => view.quoteAt(from + i) !== undefined);
  return { start: view.tokens[from]!.start, end: view.tokens[end - 1]!.end, quote: null, isMixed };
}

/** Whether nothing but final punctuation (and time words) follows token `at` in the sentence. */
function endsClause(view: SentenceView, at: number): boolean {
  let k = skipAdjuncts(view, at);
  while (k < view.to && (FINAL.test(view.tokens[k]!.text) || isClosingMark(view, k))) k++;
  return k >= view.to;
}

/** Whether token `i` is a comma, colon or a quotation mark: no object stands there. */
function isBoundary(view: SentenceView, i: number): boolean {
  const t = view.tokens[i]!;
  return t.text === ',' || t.text === ':' || FINAL.test(t.text) || view.quoteAt(i) !== undefined;
}

function isClosingMark(view: SentenceView, i: number): boolean {
  return view.quoteAt(i)?.end === view.tokens[i]?.end;
}

function isOpeningMark(view: SentenceView, i: number): boolean {
  return view.quoteAt(i)?.start === view.tokens[i]?.start;
}
