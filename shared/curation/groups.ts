/**
 * Candidates side by side: the candidates that compete with one another (see competes) gathered
 * into groups, so a panel can show the rival variants of one place next to each other and a
 * candidate nobody rivals on its own. Pure.
 */
import { competes } from './candidates';
import type { Candidate } from './types';

/**
 * The candidates in groups of rivals: two candidates share a group when a chain of competing
 * candidates joins them.
 * @param candidates in text order (as curationCandidates gives them)
 * @returns the groups, each in text order, ordered by their first candidate; every candidate in exactly one
 */
export function rivalGroups(candidates: readonly Candidate[]): Candidate[][] {
  const parent = candidates.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // One sweep in start order over the candidates not yet ended (candidates are in start order).
  let open: number[] = [];
  candidates.forEach((c, i) => {
    open = open.filter((j) => candidates[j]!.end > c.start);
    for (const j of open) if (competes(candidates[j]!, c)) parent[root(i)] = root(j);
    open.push(i);
  });
  const groups = new Map<number, Candidate[]>();
  candidates.forEach((c, i) => {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(c);
    else groups.set(r, [c]);
  });
  return [...groups.values()]; // a Map keeps the order its groups were first met in: their first candidates' order
}
