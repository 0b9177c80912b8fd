/**
 * Cues in a sentence: reporting verbs in any form (with their particle when they need one:
 * "called for"), "according to", and the cue phrases of the workspace lexicon. Tokens inside a
 * quotation are never cues. The rule that owns a cue is decided here, once.
 */
import { NOUN_LIKE_VERBS, PARTICLE_VERBS, SAY_VERBS, VERB_FORMS, VERB_OPENERS, inflect, type CueClass } from '../lexicon';
import type { Token } from './tokens';

/** A cue: tokens `[from, to)`, its verb's lemma ('according to' for that phrase), class, and the rule that owns it. */
export type Cue = Readonly<{ from: number; to: number; base: string; cueClass: CueClass; rule: CueRule }>;

/** The rules that start from a cue. */
export type CueRule = 'said-clause' | 'reporting-verb-clause' | 'according-to' | 'lexicon';

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
 */
export function findCues(tokens: readonly Token[], from: number, to: number, inQuote: Uint8Array, phrases: CuePhrases): Cue[] {
  const out: Cue[] = [];
  for (let i = from; i < to; i++) {
    if (inQuote[i]) continue;
    const cue = lexiconCue(tokens, i, to, phrases) ?? builtInCue(tokens, i, to);
    if (!cue) continue;
    out.push(cue);
    i = cue.to - 1;
  }
  return out;
}

/** A reporting verb or "according to" at `i`. */
function builtInCue(tokens: readonly Token[], i: number, to: number): Cue | null {
  const t = tokens[i]!;
  if (t.lower === 'according' && tokens[i + 1]?.lower === 'to')
    return { from: i, to: i + 2, base: 'according to', cueClass: 'communication', rule: 'according-to' };
  const verb = t.isCapital ? undefined : VERB_FORMS.get(t.lower);
  if (!verb || (NOUN_LIKE_VERBS.has(verb.base) && isNounForm(t.lower, verb.base) && !VERB_OPENERS.has(tokens[i - 1]?.lower ?? ''))) return null;
  const particles = PARTICLE_VERBS[verb.base];
  const rule: CueRule = SAY_VERBS.has(verb.base) ? 'said-clause' : 'reporting-verb-clause';
  if (!particles) return { from: i, to: i + 1, ...verb, rule };
  const next = tokens[i + 1];
  return next && i + 1 < to && particles.includes(next.lower) ? { from: i, to: i + 2, ...verb, rule } : null;
}

/** Whether a form is a noun-like verb's base or -s form ("report", "reports"), which is a noun more often than not. */
function isNounForm(form: string, base: string): boolean {
  const [, third] = inflect(base).forms;
  return form === base || form === third;
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
