/**
 * Moving between candidates with Tab / Shift+Tab: to the next or previous one still undecided,
 * in the candidates' text order. Pure.
 */
import type { Candidate } from './types';
import { UNDECIDED_STATES } from './types';

/**
 * The undecided candidate after (`direction` 1) or before (-1) the one with key `fromKey`.
 * @param fromKey the current candidate's key; null (or a key no longer there) starts before the
 *   first candidate going forward, after the last going back
 * @returns the neighbour, or null when there is no undecided one in that direction
 */
export function adjacentUndecided(candidates: readonly Candidate[], fromKey: string | null, direction: 1 | -1): Candidate | null {
  const at = fromKey === null ? -1 : candidates.findIndex((c) => c.key === fromKey);
  const from = at === -1 ? (direction === 1 ? -1 : candidates.length) : at;
  for (let i = from + direction; i >= 0 && i < candidates.length; i += direction)
    if (UNDECIDED_STATES.has(candidates[i]!.state)) return candidates[i]!;
  return null;
}
