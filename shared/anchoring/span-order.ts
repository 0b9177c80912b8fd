/**
 * Document order for annotations, for moving between them with Tab / Shift+Tab (or j / k):
 * by start, then the longer (enclosing) span first, then by id so equal spans have a stable
 * order. Finding a neighbour is one linear pass, no sort. Pure.
 */

/** What ordering needs of an annotation. */
export type SpanKey = Readonly<{ id: string; start: number; end: number }>;

/** Compares two spans in document order. */
export function compareSpans(a: SpanKey, b: SpanKey): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The span right after (`direction` 1) or right before (-1) `from` in document order.
 * @param from a span, or a caret offset: then 1 finds the first span starting at or after
 *   it and -1 the last span starting before it
 * @param include only spans it accepts are considered
 * @returns the neighbour, or null when there is none in that direction
 */
export function adjacentSpan<T extends SpanKey>(spans: readonly T[], from: SpanKey | number, direction: 1 | -1, include?: (span: T) => boolean): T | null {
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
