/**
 * One-to-one matching of two annotators' spans of one label, and the F1 of a matching. Pure;
 * sorts and sweeps, never compares every span with every other.
 *
 * - Exact: a span of A matches a span of B with the same [start, end). matched = Σ over distinct
 *   ranges of min(count in A, count in B).
 * - Overlap: spans match when they share at least one character. Among all overlapping pairs, a
 *   greedy maximum matching takes pairs in order of: larger overlap (characters shared) first,
 *   then smaller boundary distance |Δstart| + |Δend|, then position (the pair's two ranges, the
 *   earlier first, compared by start then end), then list order; a pair is taken when
 *   neither span is taken yet. Every key but the last is symmetric in A and B, so swapping the
 *   annotators yields the same number of matches.
 *
 *   F1 = 2·matched / (|A| + |B|), null when |A| + |B| = 0.
 */

/** What matching needs of a span. */
export type SpanRange = Readonly<{ start: number; end: number }>;

/** A matched pair: indices into A's and B's lists. */
export type Match = readonly [a: number, b: number];

const byRange = (x: SpanRange, y: SpanRange) => x.start - y.start || x.end - y.end;

/**
 * How many spans match exactly (same start and end), one to one.
 * @param a one annotator's spans of a label
 * @param b the other's
 */
export function countExactMatches(a: readonly SpanRange[], b: readonly SpanRange[]): number {
  const x = [...a].sort(byRange);
  const y = [...b].sort(byRange);
  let i = 0;
  let j = 0;
  let matched = 0;
  while (i < x.length && j < y.length) {
    const c = byRange(x[i]!, y[j]!);
    if (c === 0) matched += 1;
    if (c <= 0) i += 1;
    if (c >= 0) j += 1;
  }
  return matched;
}

/** An overlapping pair; `lo` and `hi` are its two ranges in (start, end) order, whichever side each is from. */
type Candidate = Readonly<{
  a: number;
  b: number;
  overlap: number;
  distance: number;
  loStart: number;
  loEnd: number;
  hiStart: number;
  hiEnd: number;
}>;

const compareCandidates = (x: Candidate, y: Candidate): number =>
  y.overlap - x.overlap ||
  x.distance - y.distance ||
  x.loStart - y.loStart ||
  x.loEnd - y.loEnd ||
  x.hiStart - y.hiStart ||
  x.hiEnd - y.hiEnd ||
  x.a - y.a ||
  x.b - y.b;

function candidate(a: number, b: number, x: SpanRange, y: SpanRange): Candidate | null {
  const overlap = Math.min(x.end, y.end) - Math.max(x.start, y.start);
  if (overlap <= 0) return null;
  const [lo, hi] = byRange(x, y) <= 0 ? [x, y] : [y, x];
  const distance = Math.abs(x.start - y.start) + Math.abs(x.end - y.end);
  return { a, b, overlap, distance, loStart: lo.start, loEnd: lo.end, hiStart: hi.start, hiEnd: hi.end };
}

/** Every pair (one span of A, one of B) that overlaps: a sweep by start with the spans still open on each side. */
function overlappingPairs(a: readonly SpanRange[], b: readonly SpanRange[]): Candidate[] {
  const events = [...a.map((s, i) => ({ s, i, side: 0 })), ...b.map((s, i) => ({ s, i, side: 1 }))].sort(
    (x, y) => x.s.start - y.s.start || x.side - y.side,
  );
  const open: [{ s: SpanRange; i: number }[], { s: SpanRange; i: number }[]] = [[], []];
  const out: Candidate[] = [];
  for (const e of events) {
    const other = open[1 - e.side]!.filter((o) => o.s.end > e.s.start);
    open[1 - e.side] = other;
    for (const o of other) {
      const c = e.side === 0 ? candidate(e.i, o.i, e.s, o.s) : candidate(o.i, e.i, o.s, e.s);
      if (c !== null) out.push(c);
    }
    open[e.side]!.push({ s: e.s, i: e.i });
  }
  return out;
}

/**
 * The overlap matching of two annotators' spans of one label (see the module comment).
 * @returns the matched pairs as indices into `a` and `b`, in the order they were taken
 */
export function matchOverlapping(a: readonly SpanRange[], b: readonly SpanRange[]): Match[] {
  const takenA = new Uint8Array(a.length);
  const takenB = new Uint8Array(b.length);
  const out: Match[] = [];
  for (const c of overlappingPairs(a, b).sort(compareCandidates)) {
    if (takenA[c.a] || takenB[c.b]) continue;
    takenA[c.a] = 1;
    takenB[c.b] = 1;
    out.push([c.a, c.b]);
  }
  return out;
}

/**
 * F1 of a one-to-one matching: 2·matched / (sizeA + sizeB).
 * @returns null when neither side has anything (0 / 0)
 */
export function f1(matched: number, sizeA: number, sizeB: number): number | null {
  return sizeA + sizeB === 0 ? null : (2 * matched) / (sizeA + sizeB);
}
