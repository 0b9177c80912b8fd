/**
 * Anonymity clauses ("who asked not to be named", "declined to be identified", "spoke on
 * condition of anonymity"): their verb is no cue, and the person they follow is an anonymous
 * source of the sentence's reporting verb (noun-phrase.ts). Reads a block's tokens only.
 */
import { ANONYMITY_CLAUSES } from '../lexicon';
import type { Token } from './tokens';

/**
 * Whether the words from token `i` ask for anonymity ("asked not to be named", "declined to be
 * identified", "spoke on condition of anonymity"): such a verb is no cue.
 */
export function opensAnonymityClause(tokens: readonly Token[], i: number): boolean {
  const words = tokens
    .slice(i, i + 6)
    .map((t) => t.lower)
    .join(' ');
  return ANONYMITY_CLAUSES.some((c) => words === c || words.startsWith(`${c} `));
}
