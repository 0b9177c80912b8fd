/**
 * The one order of spans, reading order as nested markup has it: by start, then the enclosing
 * (longer) span before the spans it holds, then by id (code units), so that equal ranges have a
 * stable order. Files are written in it, lists and tables show it, Tab moves through it and
 * exports number spans by it. Pure.
 */

/** What ordering needs of a span. */
export type SpanKey = Readonly<{ id: string; start: number; end: number }>;

/** Compares two spans in document order. */
export function compareSpans(a: SpanKey, b: SpanKey): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The spans in document order (a new array). */
export function inTextOrder<T extends SpanKey>(spans: readonly T[]): T[] {
  return [...spans].sort(compareSpans);
}
