/**
 * Cues in a sentence: reporting verbs in any form (with their particle when they need one:
 * "called for"), "according to", and the cue phrases of the workspace lexicon. Tokens inside a
 * quotation are never cues. The rule that owns a cue is decided here, once.
 */
import {
  DETERMINERS,
  DOCUMENT_NOUNS,
  PRONOUNS,
  NOT_CUES,
  SOURCE_NOUNS,
  NOUN_LIKE_VERBS,
  PARTICLE_VERBS,
  PASSIVE_AUXILIARIES,
  SAY_VERBS,
  VERB_FORMS,
  VERB_OPENERS,
  inflect,
  type CueClass,
} from '../lexicon';
import { opensAnonymityClause } from './anonymity';
import type { Token } from './tokens';

/** A cue: tokens `[from, to)`, its verb's lemma ('according to' for that phrase), class, and the rule that owns it. */
export type Cue = Readonly<{ from: number; to: number; base: string; cueClass: CueClass; rule: CueRule }>;

/** The rules that start from a cue. */
export type CueRule = 'said-clause' | 'reporting-verb-clause' | 'according-to' | 'lexicon' | 'headline';

/** Verbs that name ("called it “a disaster”"): a cue without their particle after a name or a pronoun, or when a quotation opens within this many tokens. */
const NAMING_REACH = 8;
const NAMING_VERBS = new Set(['call']);

/** Where the tokens stand: body text, a headline, or a headline in Title Case. */
export type TextMode = 'body' | 'headline' | 'title-case';

/** The workspace's cue phrases, as token lists by first word. */
export type CuePhrases = ReadonlyMap<string, readonly (readonly string[])[]>;

/** Indexes cue phrases by their first word; longer phrases first. */
export function cuePhrases(cues: readonly string[]): CuePhrases {
  const map = new Map<string, string[][]>();
  for (const cue of cues) {
    const words = cue.toLowerCase().match(/[\p{L}\p{N}]+(?:['’\-.&][\p{L}\p{N}]+)*|\S/gu) ?? [];
    if (words.length === 0) continue;
    const list = map.get(words[0]!) ?? [];
    list.push(words);
    map.set(words[0]!, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
}

/**
 * The cues of the tokens `[from, to)`, left to right, not overlapping.
 * @param inQuote whether each token of the block lies inside a quotation
 * @param mode body text, a headline, or a Title Case headline (capitalised verbs are cues there)
 */
export function findCues(
  tokens: readonly Token[],
  from: number,
  to: number,
  inQuote: Uint8Array,
  phrases: CuePhrases,
  mode: TextMode = 'body',
): Cue[] {
  const out: Cue[] = [];
  for (let i = from; i < to; i++) {
    if (inQuote[i]) continue;
    const cue = lexiconCue(tokens, i, to, phrases) ?? builtInCue(tokens, i, from, to, inQuote, mode) ?? verbBeforeThat(tokens, i, from);
    if (!cue) continue;
    out.push(cue);
    i = cue.to - 1;
  }
  return out;
}

/**
 * Whether a noun-like verb's base or -s form at `i` is a verb: after a pronoun or an auxiliary
 * ("they report", "will claim"), after a common source noun ("residents fear") or after a document
 * that can show or find ("polls show", "the study finds").
 */
function isVerbAfter(tokens: readonly Token[], i: number, from: number): boolean {
  const before = tokens[i - 1];
  if (!before || i - 1 < from) return false;
  if (VERB_OPENERS.has(before.lower) || DOCUMENT_NOUNS.has(before.lower) || SOURCE_NOUNS.has(before.lower)) return true;
  // "Trump claims", "Clinton hopes": after a name inside the sentence, unless the form is a noun far more often ("the Iowa contests").
  return before.isCapital && i - 1 > from && !NOUNS_AFTER_NAMES.has(tokens[i]!.lower);
}

/** Noun-like forms that stay nouns after a name ("the Iowa contests", "the Benghazi attack", "the New York state"). */
const NOUNS_AFTER_NAMES = new Set(
  'state states attack attacks report reports contest contests plan plans question questions comment comments remark remarks support order orders call calls point points show shows answer'.split(
    ' ',
  ),
);

/** Prepositions after a past participle that make it an adjective ("stressed by", "worried about", "alarmed over"), not a reporting verb. */
const PARTICIPLE_PREPOSITIONS = new Set(['by', 'about', 'over']);
/** Words before a participle that make it a clause's verb, not an adjective ("as reported by", "when asked about", "…, asked about"). */
const PARTICIPLE_OPENERS = new Set(['as', 'when', 'if', 'once', ',']);

/**
 * "transformers already stressed by the heat", "voters worried about the economy": a past
 * participle before a preposition (not its particle, not after a passive's auxiliary, which
 * passive-by reads) is an adjective and reports no clause.
 */
function isAdjectivalParticiple(tokens: readonly Token[], i: number, from: number, particles: readonly string[] | undefined): boolean {
  const next = tokens[i + 1]?.lower ?? '';
  if (!/ed$/.test(tokens[i]!.lower) || !PARTICIPLE_PREPOSITIONS.has(next) || particles?.includes(next)) return false;
  // "Asked about the plan, he said…", "as reported by X", "when asked about": a clause of its own, read elsewhere.
  const before = i > from ? tokens[i - 1]!.lower : '';
  return before !== '' && !PASSIVE_AUXILIARIES.has(before) && !PARTICIPLE_OPENERS.has(before);
}

/** Verbs that report only with a complement after them ("appears to", "seems that"). */
const COMPLEMENT_VERBS = new Set(['seem', 'appear']);

/** The longest "In a new CNN poll of likely voters," opening a sentence, in tokens. */
const MAX_IN_DOCUMENT = 10;

/** "In a CNN poll, Clinton leads": a short phrase naming a poll, survey or report, then a comma. */
function inDocument(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to && k - from <= MAX_IN_DOCUMENT; k++) {
    const t = tokens[k]!;
    if (t.text === ',') return k > from && tokens.slice(from, k).some((x) => DOCUMENT_NOUNS.has(x.lower));
    if (!t.isWord && t.text !== '’s' && t.text !== "'s" && t.text !== '-') return false;
  }
  return false;
}

/** A reporting verb or "according to" at `i` (the sentence starts at `from`). */
function builtInCue(tokens: readonly Token[], i: number, from: number, to: number, quotes: Uint8Array, mode: TextMode): Cue | null {
  const t = tokens[i]!;
  if (t.lower === 'according' && tokens[i + 1]?.lower === 'to')
    return { from: i, to: i + 2, base: 'according to', cueClass: 'communication', rule: 'according-to' };
  if (t.lower === 'in' && i === from && inDocument(tokens, i + 1, to))
    return { from: i, to: i + 1, base: 'in', cueClass: 'communication', rule: 'according-to' };
  // In a Title Case headline every word is capitalised; in any headline a noun-like form is a verb more often than in body text ("Skywriters blast Trump").
  const verb = (t.isCapital && mode !== 'title-case') || NOT_CUES.has(t.lower) ? undefined : VERB_FORMS.get(t.lower);
  if (!verb || (mode === 'body' && NOUN_LIKE_VERBS.has(verb.base) && isNounForm(t.lower, verb.base) && !isVerbAfter(tokens, i, from))) return null;
  // "Cracks were appearing" is no report; "he appears to think", "it seems that" are.
  if (COMPLEMENT_VERBS.has(verb.base) && !['to', 'that'].includes(tokens[i + 1]?.lower ?? '')) return null;
  // "who asked not to be named": anonymity, not a report.
  if (opensAnonymityClause(tokens, i)) return null;
  const particles = PARTICLE_VERBS[verb.base];
  if (isAdjectivalParticiple(tokens, i, from, particles)) return null;
  const rule: CueRule = SAY_VERBS.has(verb.base) ? 'said-clause' : 'reporting-verb-clause';
  if (!particles) return { from: i, to: i + 1, ...verb, rule };
  const next = tokens[i + 1];
  if (next && i + 1 < to && particles.includes(next.lower)) return { from: i, to: i + 2, ...verb, rule };
  if (!NAMING_VERBS.has(verb.base)) return null;
  // "Sanders called the suspension “arbitrary”", "Trump called her a liar": a quotation follows closely, or a name or pronoun names.
  const before = tokens[i - 1];
  const isNamer = before !== undefined && i - 1 >= from && (before.isCapital || PRONOUNS.get(before.lower) === 'person') && t.lower !== 'call';
  return isNamer || quotes.slice(i + 1, Math.min(to, i + 1 + NAMING_REACH)).includes(1) ? { from: i, to: i + 1, ...verb, rule } : null;
}

/** Whether a form is a noun-like verb's base or -s form ("report", "reports"), which is a noun more often than not. */
function isNounForm(form: string, base: string): boolean {
  const [, third] = inflect(base).forms;
  return form === base || form === third;
}

/**
 * A past-tense verb the lists lack, right before "that" and right after a name or a pronoun
 * ("Smith hinted that…", "she conceded that…"): a reporting verb in news more often than not.
 */
function verbBeforeThat(tokens: readonly Token[], i: number, from: number): Cue | null {
  const t = tokens[i]!;
  const subject = tokens[i - 1];
  if (tokens[i + 1]?.lower !== 'that' || t.isCapital || !/^\p{Ll}{3,}ed$/u.test(t.text) || !subject || i - 1 < from) return null;
  if (!(subject.isCapital || PRONOUNS.get(subject.lower) === 'person' || PRONOUNS.get(subject.lower) === 'group') || DETERMINERS.has(subject.lower))
    return null;
  return { from: i, to: i + 1, base: t.lower, cueClass: 'other', rule: 'reporting-verb-clause' };
}

/** A workspace cue phrase opening at `i` (the longest). */
function lexiconCue(tokens: readonly Token[], i: number, to: number, phrases: CuePhrases): Cue | null {
  for (const words of phrases.get(tokens[i]!.lower) ?? []) {
    if (i + words.length > to || !words.every((w, k) => tokens[i + k]!.lower === w)) continue;
    const verb = VERB_FORMS.get(words[0]!);
    // A phrase that is only a built-in verb form stays the built-in rule's: the lexicon adds what the lists lack.
    if (words.length === 1 && verb) return null;
    return { from: i, to: i + words.length, base: verb?.base ?? words.join(' '), cueClass: verb?.cueClass ?? 'communication', rule: 'lexicon' };
  }
  return null;
}
