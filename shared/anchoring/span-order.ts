/**
 * Moving between annotations with Tab / Shift+Tab (or j / k) in document order (see
 * model/spans.ts). Finding a neighbour is one linear pass, no sort. Pure.
 */

import { compareSpans, type SpanKey } from '../model/spans';

/**
 * The span right after (`direction` 1) or right before (-1) `from` in document order.
 * @param from a span, or a caret offset: then 1 finds the first span starting at or after
 *   it and -1 the last span starting before it
 * @param include only spans it accepts are considered
 * @returns the neighbour, or null when there is none in that direction
 */
export function adjacentSpan<T extends SpanKey>(
  spans: readonly T[],
  from: SpanKey | number,
  direction: 1 | -1,
  include?: (span: T) => boolean,
): T | null {
  // A caret sorts before every span that starts at it (the enclosing one comes first).
  const key: SpanKey = typeof from === 'number' ? { id: '', start: from, end: Number.POSITIVE_INFINITY } : from;
  let best: T | null = null;
  for (const span of spans) {
    if (include && !include(span)) continue;
    const c = compareSpans(span, key);
    if (direction === 1 ? c <= 0 : c >= 0) continue;
    if (best === null || (direction === 1 ? compareSpans(span, best) < 0 : compareSpans(span, best) > 0)) best = span;
  }
  return best;
}
