/**
 * Train/dev/test splits by document: seeded and reproducible (the same documents, ratios and
 * seed give the same split on any machine), duplicates (same content key) always in one split,
 * and optionally stratified so that every split with a share gets documents that have claims.
 * Pure: the content key (a hash of the text) is computed by the caller.
 */
import { SPLIT_NAMES, type SplitName } from './report';

/** What the split needs to know of a document. */
export type SplitItem = Readonly<{ id: string; contentKey: string; hasClaims: boolean }>;

/** Ratios of the three splits, e.g. [80, 10, 10]; need not sum to 100. */
export type SplitRatios = readonly [number, number, number];

/**
 * Parses "80/10/10" (or "0.8/0.1/0.1", or two parts "90/10" with no test split).
 * @returns the ratios, or null when the text is not two or three non-negative numbers with a positive sum
 */
export function parseSplitRatios(text: string): SplitRatios | null {
  const parts = text.split('/').map((p) => p.trim());
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return null;
  const [a = 0, b = 0, c = 0] = parts.map(Number);
  return a + b + c > 0 ? [a, b, c] : null;
}

/** mulberry32: a small, well-known 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates with the given random source. */
function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** How many of `n` items each split gets: largest remainder, ties to the earlier split. */
function allocate(n: number, ratios: SplitRatios): [number, number, number] {
  const sum = ratios[0] + ratios[1] + ratios[2];
  const exact = ratios.map((r) => (n * r) / sum);
  const counts = exact.map(Math.floor) as [number, number, number];
  let left = n - counts[0] - counts[1] - counts[2];
  const order: (0 | 1 | 2)[] = [0, 1, 2];
  order.sort((a, b) => exact[b]! - counts[b]! - (exact[a]! - counts[a]!) || a - b);
  for (const i of order) {
    if (left === 0) break;
    counts[i] += 1;
    left -= 1;
  }
  return counts;
}

/**
 * Assigns documents to splits. Documents are grouped by content key (duplicates travel
 * together), groups are ordered by key, shuffled with the seed, and cut by the ratios; with
 * `stratify`, groups with claims and groups without are cut separately, and a split with a
 * positive ratio that got no claims takes one claim group from the split that has the most.
 * @returns the split of each document id
 */
export function assignSplits(items: readonly SplitItem[], ratios: SplitRatios, seed: number, stratify: boolean): Map<string, SplitName> {
  const groups = new Map<string, { ids: string[]; hasClaims: boolean }>();
  for (const item of items) {
    const g = groups.get(item.contentKey);
    if (g) {
      g.ids.push(item.id);
      g.hasClaims ||= item.hasClaims;
    } else groups.set(item.contentKey, { ids: [item.id], hasClaims: item.hasClaims });
  }
  // Order by key first, so the result does not depend on the order documents were listed in.
  const ordered = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
  const random = seededRandom(seed);
  const strata = stratify ? [ordered.filter((g) => g.hasClaims), ordered.filter((g) => !g.hasClaims)] : [ordered];
  const buckets: (typeof ordered)[][] = strata.map((stratum) => {
    const shuffled = shuffle(stratum, random);
    const counts = allocate(shuffled.length, ratios);
    return [shuffled.slice(0, counts[0]), shuffled.slice(counts[0], counts[0] + counts[1]), shuffled.slice(counts[0] + counts[1])];
  });
  if (stratify) {
    const claims = buckets[0]!;
    for (let s = 0; s < 3; s++) {
      if (ratios[s]! <= 0 || claims[s]!.length > 0) continue;
      const donor = [0, 1, 2].filter((d) => claims[d]!.length > 1).sort((a, b) => claims[b]!.length - claims[a]!.length)[0];
      if (donor !== undefined) claims[s]!.push(claims[donor]!.pop()!);
    }
  }
  const result = new Map<string, SplitName>();
  for (const stratum of buckets)
    stratum.forEach((bucket, s) => {
      for (const g of bucket) for (const id of g.ids) result.set(id, SPLIT_NAMES[s]!);
    });
  return result;
}
