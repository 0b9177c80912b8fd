/**
 * Lanes for stacked underlines: overlapping spans get different lanes (0, 1, 2, …) so each
 * one's underline sits at its own depth and stays visible and clickable. A span added later
 * takes the lowest lane its overlapping neighbours leave free; a whole document is laid out
 * in one pass sorted by start. Pure.
 */

/** A span in any unit; only `start < end` matters. */
export type LaneSpan = Readonly<{ start: number; end: number }>;

/**
 * The lowest lane not in `used`.
 * @returns 0 when `used` is empty
 */
export function lowestFreeLane(used: Iterable<number>): number {
  const taken = new Set(used);
  let lane = 0;
  while (taken.has(lane)) lane++;
  return lane;
}

/**
 * Lanes for a whole set of spans in one sweep (by start, longer first), each the lowest lane
 * not used by a span it overlaps (shares at least one character with), nor by an overlapping
 * span of `placed` (spans laid out before, which keep their lanes).
 * @returns one lane per input span, in input order
 */
export function assignLanes(spans: readonly LaneSpan[], placed: readonly (LaneSpan & Readonly<{ lane: number }>)[] = []): number[] {
  const order = spans.map((_, i) => i);
  order.sort((a, b) => spans[a]!.start - spans[b]!.start || spans[b]!.end - spans[a]!.end || a - b);
  const lanes = new Array<number>(spans.length).fill(0);
  let active: { end: number; lane: number }[] = [];
  for (const i of order) {
    const { start, end } = spans[i]!;
    active = active.filter((a) => a.end > start);
    const fixed = placed.filter((p) => p.start < end && p.end > start).map((p) => p.lane);
    const lane = lowestFreeLane([...active.map((a) => a.lane), ...fixed]);
    lanes[i] = lane;
    active.push({ end, lane });
  }
  return lanes;
}
