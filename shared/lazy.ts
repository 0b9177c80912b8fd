/** Values made on first use instead of at module load. Pure: no DOM, no clock. */

/**
 * Wraps `make` so that it runs once, on the first call, and every call returns that value. For
 * objects that cost time to create and are not needed to show the window's first screen: an Intl
 * formatter or collator takes milliseconds each (its locale data), paid by bundle evaluation when
 * made at module load (#14).
 * @returns a function returning the one value `make` made
 */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
