/**
 * Relation agreement between two annotators of one document. A relation of A matches a relation
 * of B when their types are equal and both ends correspond through the overlap span matching
 * (A.from is matched to B.from and A.to to B.to); matching is one to one. Per type,
 * F1 = 2·matched / (|A's relations of the type| + |B's|). Pure.
 */
import type { Relation } from '../model/types';

/** Relation counts of one type: A's, B's and matched (added up over documents). */
export type RelationCounts = { a: number; b: number; matched: number };

/**
 * Counts one document's relations into `counts` (in place), per type.
 * @param a A's relations
 * @param b B's relations
 * @param partner for each of A's matched annotation ids, the id of B's annotation it is matched to
 */
export function countRelations(
  counts: Map<string, RelationCounts>,
  a: readonly Relation[],
  b: readonly Relation[],
  partner: ReadonlyMap<string, string>,
): void {
  const of = (type: string): RelationCounts => {
    let c = counts.get(type);
    if (c === undefined) counts.set(type, (c = { a: 0, b: 0, matched: 0 }));
    return c;
  };
  // B's relations not yet matched, by type and ends (a multiset: duplicates match once each).
  const open = new Map<string, number>();
  // Length-prefixed, so that no two (type, from, to) give the same key whatever characters they hold.
  const key = (type: string, from: string, to: string) => `${type.length}:${type}${from.length}:${from}${to}`;
  for (const r of b) {
    of(r.type).b += 1;
    const k = key(r.type, r.from, r.to);
    open.set(k, (open.get(k) ?? 0) + 1);
  }
  for (const r of a) {
    const c = of(r.type);
    c.a += 1;
    const from = partner.get(r.from);
    const to = partner.get(r.to);
    if (from === undefined || to === undefined) continue;
    const k = key(r.type, from, to);
    const left = open.get(k) ?? 0;
    if (left === 0) continue;
    open.set(k, left - 1);
    c.matched += 1;
  }
}
