/**
 * One cue's attribution in its sentence: who reports (the source) and what (the content). The
 * constructions, tried in this order:
 * - according to: "According to X, …" / "…, according to X." / "In a new poll, …"
 * - passive-by: "it was reported by X that …" / "The plan was criticized by X." / "X is expected to …"
 * - inverted: "“…,” said X." / "…, said X, the envoy."
 * - shared subject: "X visited the site and said …" / "X told a rally, saying …"
 * - subject–verb: "X said (that) …", "X told reporters …", "…, X said.", "The plan, X said, is …",
 *   "X said: “…”" (the content is then the quotation), "which critics said was flawed",
 *   "X told national broadcaster NHK. “…”" (the quotation opening the next sentence; else none).
 * A time right after the verb ("said Sunday it…") is never an inverted source, nor is the object of "told".
 * A content stops before the sentence's own closing attribution (", he added"). Returns null when
 * no construction fits: a cue without content is no suggestion (precision first).
 */
import { OBJECT_VERBS, PASSIVE_AUXILIARIES, TIME_WORDS, VERB_FORMS } from '../lexicon';
import {
  clauseEnd,
  contentBefore,
  contentFrom,
  endsClause,
  FINAL,
  isBoundary,
  isClosingMark,
  isTimeAt,
  MAX_SKIP,
  parenthetical,
  PREPOSITIONS,
  reportingTail,
  skipAdjuncts,
  span,
  type Content,
  type SentenceView,
} from './content';
import type { Cue } from './cues';
import { phraseAfter, subjectBefore, type NounPhrase } from './noun-phrase';

export type { Content, SentenceView } from './content';

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
/** Verbs whose inverted form does not exist: the phrase after them is their object ("…, told national broadcaster NHK"). */
const NEVER_INVERTED = new Set(['tell', 'inform', 'assure']);
/** The longest opening phrase before a comma and the subject ("In Tokyo, Aso told NHK."), in tokens: no content. */
const MAX_OPENING = 4;
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us', 'you', 'reporters', 'journalists']);

/**
 * The attribution of `cue` in the sentence, or null when no construction fits.
 * @param isOn whether a rule is switched on (passive-by is decided here)
 * @param previous the source of the sentence's previous attribution, which a verb sharing its subject takes ("Trump told a rally, saying…")
 */
export function attributionOf(view: SentenceView, cue: Cue, isOn: (rule: string) => boolean, previous: NounPhrase | null = null): Attribution | null {
  const { tokens } = view;
  if (cue.rule === 'according-to') return accordingTo(view, cue);
  const auxiliary = tokens[cue.from - 1];
  if (auxiliary && cue.from - 1 >= view.from && PASSIVE_AUXILIARIES.has(auxiliary.lower)) {
    if (!isOn('passive-by')) return null;
    if (tokens[cue.to]?.lower === 'by') return passiveBy(view, cue, cue.from - 1);
    return EXPECTATIONS.has(cue.base) && tokens[cue.to]?.lower === 'to' ? expectation(view, cue) : null;
  }
  const before = tokens[cue.from - 1];
  // "…, said Sunday it would…" is no inversion (a time is no source), nor "…, told NHK" (what follows "told" is its object).
  const canInvert = !isTimeAt(view, cue.to) && !NEVER_INVERTED.has(cue.base);
  if (before && cue.from > view.from && canInvert && (before.text === ',' || isClosingMark(view, cue.from - 1))) {
    const source = phraseAfter(tokens, cue.to, view.to, view.options);
    // "…,” said X, a professor of economics who…": the source ends the clause or a comma follows it.
    // After a quotation's closing mark the verb is its attribution whatever follows its source ("…,” said Fiorina during the debate).
    const afterQuote = isClosingMark(view, cue.from - 1);
    const content = source && (afterQuote || endsClause(view, source.to) || tokens[source.to]?.text === ',') ? contentBefore(view, cue.from) : null;
    if (source && content) return { cue, source, content, rule: cue.rule };
  }
  const afterComma = before?.text === ',' || (isClosingMark(view, cue.from - 1) && tokens[cue.from - 2]?.text === ',');
  if (before && cue.from > view.from && (COORDINATORS.has(before.lower) || (afterComma && tokens[cue.from]!.lower.endsWith('ing')))) {
    return sharedSubject(view, cue, cue.from - 1, previous);
  }
  const source = subjectBefore(tokens, cue.from, view.from, view.options);
  if (!source) return null;
  const content = source.relative !== undefined ? span(view, source.relative, clauseEnd(view, cue.to)) : contentOfSubjectVerb(view, cue, source);
  return content ? { cue, source, content, rule: cue.rule } : null;
}

/**
 * "Clinton thanked her supporters and said …", "Trump attacked the plan, saying …": the verb
 * shares the sentence's subject (its first noun phrase, after an opening phrase that ends at a comma).
 */
function sharedSubject(view: SentenceView, cue: Cue, before: number, previous: NounPhrase | null): Attribution | null {
  const { tokens } = view;
  const source = (previous && previous.to <= before ? previous : null) ?? firstSubject(view, before);
  if (!source) return null;
  let at = skipAdjuncts(view, cue.to);
  if (tokens[at]?.lower === 'that') at++;
  if (tokens[at]?.text === ':' || tokens[at]?.text === ',') at++;
  const content = contentFrom(view, at);
  return content ? { cue, source, content, rule: cue.rule } : null;
}

/** The sentence's subject: its first noun phrase (after an opening phrase that ends at a comma), ending before its own verb. */
function firstSubject(view: SentenceView, before: number): NounPhrase | null {
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
  return source.to >= before || !tokens[source.to]!.isWord ? null : source;
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

/** Verbs whose passive without an agent reports an expectation: "X is expected to …", "X is believed to …". */
const EXPECTATIONS = new Set(['expect', 'believe', 'think', 'say']);

/** "Trump is expected to win": the whole clause is the claim, "is expected" its cue, and no one is named. */
function expectation(view: SentenceView, cue: Cue): Attribution | null {
  const content = span(view, view.from, reportingTail(view, cue.to));
  return content ? { cue: { ...cue, from: cue.from - 1 }, source: null, content, rule: 'passive-by' } : null;
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
  const hasObject = at > cue.to;
  at = skipAdjuncts(view, at);
  if (tokens[at]?.lower === 'that') at++;
  const isAfterComma =
    source.from > view.from &&
    (tokens[source.from - 1]!.text === ',' || isClosingMark(view, source.from - 1)) &&
    !isOpeningPhrase(view, source.from - 1);
  if (endsClause(view, at)) return isAfterComma ? contentBefore(view, source.from) : hasObject ? nextSentenceQuote(view) : null;
  if (tokens[at]?.text === ',' && isAfterComma) {
    // "“…,” Hill told a rally, saying …": a second verb after the comma starts its own attribution.
    return VERB_FORMS.has(tokens[at + 1]?.lower ?? '') ? contentBefore(view, source.from) : parenthetical(view, source.from, at + 1);
  }
  // "Hill said:" ending its paragraph introduces the quotation that opens the next one.
  const next = view.nextQuote;
  if (tokens[at]?.text === ':' && at + 1 === view.to && next) return { start: next.start, end: next.end, quote: next, isMixed: false };
  if (tokens[at]?.text === ':' || tokens[at]?.text === ',') at++;
  return contentFrom(view, at);
}

/** Whether the tokens before the comma `comma` are only a short opening phrase ("In Tokyo", "On Sunday", "When asked"), which reports nothing. */
function isOpeningPhrase(view: SentenceView, comma: number): boolean {
  const first = view.tokens[view.from];
  if (!first || comma - view.from > MAX_OPENING || view.tokens[comma]!.text !== ',') return false;
  return PREPOSITIONS.has(first.lower) || OPENING_WORDS.has(first.lower);
}

/**
 * "Aso told national broadcaster NHK. “We can't alter our stance.”": a verb with its object and
 * nothing else reports the quotation that opens the next sentence (or the next paragraph); null when none does.
 */
function nextSentenceQuote(view: SentenceView): Content | null {
  const opening = view.to < view.tokens.length ? view.quoteAt(view.to) : undefined;
  const quote = opening && opening.start === view.tokens[view.to]!.start ? opening : view.to === view.tokens.length ? view.nextQuote : undefined;
  return quote ? { start: quote.start, end: quote.end, quote, isMixed: false } : null;
}
