/**
 * The noun phrase that does the reporting: found walking back from a verb to its subject
 * ("Christopher Hill, the top U.S. envoy, said"), or forward after an inverted verb, "according
 * to" or a passive's "by" ("said a spokesman for the ministry"), and how it identifies the
 * source (named, described, anonymous, pronoun). Works on a block's tokens; bounded walks only.
 */
import {
  ANONYMOUS_MARKERS,
  ANONYMOUS_NOUNS,
  SOURCE_NOUNS,
  CLAUSE_WORDS,
  DETERMINERS,
  NOUN_PHRASE_LINKS,
  PRONOUNS,
  TIME_WORDS,
  TITLES,
  VERB_FORMS,
  VERB_MODIFIERS,
} from '../lexicon';
import { opensAnonymityClause } from './anonymity';
import type { Token } from './tokens';

/**
 * A noun phrase: tokens `[from, to)`, how it names its source, whether an apposition was taken
 * in, and the relative word before it when it is the subject of an object relative clause
 * ("which critics said was flawed": the content opens at "which").
 */
export type NounPhrase = Readonly<{ from: number; to: number; identification: Identification; hasApposition: boolean; relative?: number }>;

/** How a source is identified, by the default schema's values. */
export type Identification = 'named' | 'described' | 'anonymous' | 'pronoun';

/** The longest noun phrase the walks take, in tokens. */
const MAX_PHRASE = 9;
/** The longest apposition taken in, in tokens. */
const MAX_APPOSITION = 10;
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us']);
/** Adverbs set off by commas between a subject and its verb ("Smith, however, said"). */
const DISCOURSE_WORDS = new Set([
  'however',
  'meanwhile',
  'though',
  'too',
  'also',
  'instead',
  'nonetheless',
  'nevertheless',
  'moreover',
  'furthermore',
]);
/** Relative pronouns that are a reporting verb's subject: "…, who said", "the report, which found". */
const RELATIVE_PRONOUNS = new Set(['who', 'which']);
/** Relative words whose clause reports through its subject: "which critics said was flawed". */
const OBJECT_RELATIVES = new Set(['which']);
/** Words before a subject that make its clause a question or a relative clause. */
const QUESTION_WORDS = new Set(['what', 'how', 'which', 'who', 'whom', 'why', 'whether', 'do', 'does', 'did', 'that']);
/** A possessive ends no subject: "his remarks", "Clinton’s plans" (the verb is a noun there). */
const POSSESSIVES = new Set(['’s', "'s", '’', 'his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** Options of the walks: which source names the workspace knows, and whether appositions are taken in. */
export type PhraseOptions = Readonly<{ names: ReadonlySet<string>; maxNameWords: number; withApposition: boolean }>;

/** Whether a token may be part of a noun phrase (not a clause word, punctuation or a verb modifier). */
function isPhraseWord(t: Token): boolean {
  if (t.text === '’s' || t.text === "'s" || t.text === '&' || t.text === '-') return true;
  return t.isWord && !CLAUSE_WORDS.has(t.lower) && !VERB_MODIFIERS.has(t.lower);
}

/** Whether a token may open a noun phrase: a determiner, a capital, a number, a pronoun or a title. */
function canOpen(t: Token): boolean {
  return DETERMINERS.has(t.lower) || t.isCapital || /^\d/.test(t.text) || PRONOUNS.has(t.lower) || TITLES.has(t.lower) || isBareNoun(t);
}

/** A lower-case plural or group noun that is a source alone ("officials", "critics", "police"). */
function isBareNoun(t: Token): boolean {
  return (
    t.isWord &&
    !t.isCapital &&
    (ANONYMOUS_NOUNS.has(t.lower) || (t.lower.endsWith('s') && !t.lower.endsWith('ss') && !VERB_FORMS.has(t.lower))) &&
    !CLAUSE_WORDS.has(t.lower)
  );
}

/** Whether a token can end a noun phrase (its head): a word that is not a determiner, link or verb form. */
function canHead(t: Token): boolean {
  return (
    t.isWord &&
    !DETERMINERS.has(t.lower) &&
    !NOUN_PHRASE_LINKS.has(t.lower) &&
    !CLAUSE_WORDS.has(t.lower) &&
    !VERB_MODIFIERS.has(t.lower) &&
    !t.lower.endsWith('ly')
  );
}

/**
 * The subject of the verb at `verb`, walking back over auxiliaries and adverbs, then over the
 * noun phrase, and over an apposition between commas when the phrase before it is a name.
 * @param lo the first token the walk may take (the sentence's start)
 * @returns the phrase, or null when what stands before the verb is not a noun phrase
 */
export function subjectBefore(tokens: readonly Token[], verb: number, lo: number, options: PhraseOptions): NounPhrase | null {
  let j = verb - 1;
  while (j >= lo && (VERB_MODIFIERS.has(tokens[j]!.lower) || /^\p{Ll}+ly$/u.test(tokens[j]!.text))) j--;
  // "Song Min-soon, the adviser, however, told…": a discourse adverb between commas is not an apposition.
  const isAside = tokens[j]?.text === ',' && DISCOURSE_WORDS.has(tokens[j - 1]?.lower ?? '') && tokens[j - 2]?.text === ',';
  if (isAside) j -= 2;
  if (j < lo) return null;
  const anonymous = anonymousBefore(tokens, j, lo);
  if (anonymous) return anonymous;
  const known = knownNameEnding(tokens, j, lo, options);
  if (known) return known;
  const last = tokens[j]!;
  const phrase = APPOSITION_MARKS.has(last.text)
    ? (appositionBefore(tokens, j, lo, options) ?? (isAside ? phraseEnding(tokens, j - 1, lo) : null))
    : RELATIVE_PRONOUNS.has(last.lower)
      ? relativePronoun(j)
      : phraseEnding(tokens, skipParenthesis(tokens, j, lo), lo);
  // "what they want", "which he said runs…", "do you think": a question or a relative clause, not a report.
  if (!phrase) return null;
  const before = tokens[phrase.from - 1]?.lower ?? '';
  // "a bill, which critics said was flawed": the relative word opens the content the subject reports.
  if (OBJECT_RELATIVES.has(before) && phrase.identification !== 'pronoun' && phrase.from - 1 >= lo) return { ...phrase, relative: phrase.from - 1 };
  return QUESTION_WORDS.has(before) ? null : phrase;
}

/** The longest "who asked not to be named because …" between a person and the verb, in tokens. */
const MAX_ANONYMITY = 20;

/**
 * "A person who asked not to be named because the talks are private said": the person with the
 * clause that asks for anonymity (ending at token `j`, before the verb), an anonymous source.
 */
function anonymousBefore(tokens: readonly Token[], j: number, lo: number): NounPhrase | null {
  for (let who = j - 1; who > lo && j - who <= MAX_ANONYMITY; who--) {
    if (FINAL_MARKS.has(tokens[who]!.text)) return null;
    if (tokens[who]!.lower !== 'who' || !opensAnonymityClause(tokens, who + 1)) continue;
    const end = tokens[j]!.text === ',' ? j : j + 1;
    const person = phraseEnding(tokens, tokens[who - 1]!.text === ',' ? who - 2 : who - 1, lo);
    return person && person.identification !== 'pronoun' ? { from: person.from, to: end, identification: 'anonymous', hasApposition: true } : null;
  }
  return null;
}

/** Marks that end a sentence or a clause: an anonymity clause never runs over them. */
const FINAL_MARKS = new Set(['.', '!', '?', ';', ':', '“', '”', '"']);

/** A plain noun phrase whose last token is `j`; null when it does not open or end like one. */
function phraseEnding(tokens: readonly Token[], j: number, lo: number): NounPhrase | null {
  const head = tokens[j]!;
  if (PRONOUNS.has(head.lower)) return { from: j, to: j + 1, identification: 'pronoun', hasApposition: false };
  if (!canHead(head) || POSSESSIVES.has(head.lower) || /['’]s?$/.test(head.lower)) return null;
  let k = j;
  while (k - 1 >= lo && j - (k - 1) < MAX_PHRASE && (isPhraseWord(tokens[k - 1]!) || isInnerLink(tokens, k - 1))) k--;
  // A phrase opens on a determiner, a capital or a bare noun, never on a link ("of the agency").
  while (k < j && (NOUN_PHRASE_LINKS.has(tokens[k]!.lower) || !canOpen(tokens[k]!))) k++;
  if (!canOpen(tokens[k]!)) return null;
  if (PRONOUNS.has(tokens[k]!.lower) && k < j) return null;
  return { from: k, to: j + 1, identification: identify(tokens, k, j + 1), hasApposition: false };
}

/** "of", "for", "and"… inside a phrase: between two phrase words ("head of the agency", "Smith and Jones"). */
function isInnerLink(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  if (t.lower === 'and') return Boolean(tokens[k - 1]?.isCapital && tokens[k + 1]?.isCapital);
  return NOUN_PHRASE_LINKS.has(t.lower) && k > 0 && isPhraseWord(tokens[k - 1]!);
}

/**
 * "Christopher Hill, the top U.S. envoy, said", "Sen. Lindsey Graham, R-S.C., a candidate, said",
 * "Rachel Berg, a teacher from Monsey, New York, said": a name followed by appositions between
 * commas, the last ending at the comma `comma`. Walks back comma by comma while what follows
 * each comma reads like an apposition, and stops at the first comma with a name before it.
 */
function appositionBefore(tokens: readonly Token[], comma: number, lo: number, options: PhraseOptions): NounPhrase | null {
  for (let open = comma - 1; open >= lo && comma - open <= MAX_APPOSITION * 3; open--) {
    const t = tokens[open]!;
    if (t.text === ';' || t.text === ':' || t.text === '”' || t.text === '“' || t.text === '"') return null;
    if (!APPOSITION_MARKS.has(t.text)) continue;
    if (!opensApposition(tokens, open + 1)) return null;
    const name = phraseEnding(tokens, skipParenthesis(tokens, open - 1, lo), lo);
    if (!name || name.identification !== 'named') continue;
    if (!options.withApposition) return name;
    return { from: name.from, to: comma, identification: identify(tokens, name.from, comma), hasApposition: true };
  }
  return null;
}

/** The marks around an apposition: commas, or dashes ("Jason Sims — a teacher — says"). */
const APPOSITION_MARKS = new Set([',', '—', '–']);

/** Clause words that may still open an apposition: "at the institute", "who…", "which sits within range…" (after a name only). */
const APPOSITION_OPENERS = new Set(['who', 'which', 'at', 'of', 'from', 'with', 'now', 'then', 'herself', 'himself', 'also']);

/**
 * Whether an apposition may open at token `i`: any word but a clause word or an auxiliary ("the
 * envoy", "R-S.C.", "ranking member of…", "at the institute", "who…"). Generous: the walk takes it
 * only after a name, and a source a few words too long still points at the right phrase.
 */
function opensApposition(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) return false;
  return t.isWord && (!CLAUSE_WORDS.has(t.lower) || APPOSITION_OPENERS.has(t.lower)) && !VERB_MODIFIERS.has(t.lower);
}

/** "Sen. Rob Portman (R-Ohio)": the index before a parenthesis that ends at `k` (or `k` when there is none). */
function skipParenthesis(tokens: readonly Token[], k: number, lo: number): number {
  if (tokens[k]?.text !== ')') return k;
  for (let i = k - 1; i >= lo && k - i <= MAX_PHRASE; i--) if (tokens[i]!.text === '(') return i - 1;
  return k;
}

/**
 * "the Mexican president, who said": the relative pronoun is the source, as news corpora tag it
 * (its antecedent is the phrase before; the pronoun is what the clause's verb has for subject).
 */
function relativePronoun(who: number): NounPhrase {
  return { from: who, to: who + 1, identification: 'pronoun', hasApposition: false };
}

/** A workspace source name ending at `j` (the longest), or null. */
function knownNameEnding(tokens: readonly Token[], j: number, lo: number, options: PhraseOptions): NounPhrase | null {
  for (let n = Math.min(options.maxNameWords * 2, j - lo + 1); n >= 1; n--) {
    const from = j - n + 1;
    const text = tokens
      .slice(from, j + 1)
      .map((t) => t.lower)
      .join(' ');
    if (options.names.has(text)) return { from, to: j + 1, identification: identify(tokens, from, j + 1), hasApposition: false };
  }
  return null;
}

/**
 * The noun phrase opening at `at` (after an inverted verb, "according to" or a passive's "by"),
 * with an apposition after a comma when the sentence ends or goes on after it.
 * @param hi the end of the sentence's tokens
 * @returns the phrase, or null when none opens there
 */
export function phraseAfter(tokens: readonly Token[], at: number, hi: number, options: PhraseOptions): NounPhrase | null {
  const first = tokens[at];
  if (!first || (!canOpen(first) && !describesName(tokens, at, hi)) || OBJECT_PRONOUNS.has(first.lower)) return null;
  if (PRONOUNS.has(first.lower)) return { from: at, to: at + 1, identification: 'pronoun', hasApposition: false };
  let k = at + 1;
  // "said Japan on Sunday": a link before a time word ends the phrase (the time is no part of the source).
  const isLinkOn = (k: number) => isInnerLink(tokens, k) && tokens[k + 1]?.isWord === true && !TIME_WORDS.has(tokens[k + 1]!.lower);
  while (k < hi && k - at < MAX_PHRASE && (isPhraseWord(tokens[k]!) || isLinkOn(k))) k++;
  while (k > at + 1 && !canHead(tokens[k - 1]!)) k--;
  if (!canHead(tokens[k - 1]!)) return null;
  const phrase: NounPhrase = { from: at, to: k, identification: identify(tokens, at, k), hasApposition: false };
  if (!options.withApposition || tokens[k]?.text !== ',' || !tokens[k + 1] || !DETERMINERS.has(tokens[k + 1]!.lower)) return phrase;
  let end = k + 1;
  while (end < hi && end - k <= MAX_APPOSITION * 2 && tokens[end]!.text !== ',' && !/^[.;:!?”"]$/.test(tokens[end]!.text)) end++;
  // An apposition has no verb of its own: "…, the envoy will stay" is a clause, not an apposition.
  if (end - k > MAX_APPOSITION * 2 || tokens.slice(k + 1, end).some((t) => VERB_MODIFIERS.has(t.lower))) return phrase;
  return { ...phrase, to: end, hasApposition: true };
}

/** The most words of a description before a name ("political scientist Dossym Satpayev"). */
const MAX_DESCRIPTION = 3;

/** "says political scientist Dossym Satpayev": lower-case phrase words that lead to a name within a few tokens. */
function describesName(tokens: readonly Token[], at: number, hi: number): boolean {
  for (let k = at; k < hi && k - at <= MAX_DESCRIPTION; k++) {
    const t = tokens[k]!;
    if (t.isCapital) return k > at;
    if (!isPhraseWord(t) || NOUN_PHRASE_LINKS.has(t.lower)) return false;
  }
  return false;
}

/** How the phrase `[from, to)` identifies its source. */
export function identify(tokens: readonly Token[], from: number, to: number): Identification {
  const words = tokens.slice(from, to);
  if (words.length === 1 && PRONOUNS.has(words[0]!.lower)) return 'pronoun';
  const after = tokens
    .slice(from, Math.min(tokens.length, to + 8))
    .map((t) => t.lower)
    .join(' ');
  if (ANONYMOUS_MARKERS.some((m) => after.includes(m))) return 'anonymous';
  // A capital after the phrase's first word (or a first word that is no determiner or title) names it.
  const named = words.some(
    (t, i) =>
      t.isCapital && (i > 0 || (!DETERMINERS.has(t.lower) && !TITLES.has(t.lower) && !ANONYMOUS_NOUNS.has(t.lower) && !SOURCE_NOUNS.has(t.lower))),
  );
  if (named) return 'named';
  const head = words[words.length - 1]?.lower ?? '';
  return head === 'source' || head === 'sources' || head === 'insiders' ? 'anonymous' : 'described';
}
