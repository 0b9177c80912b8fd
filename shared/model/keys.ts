/**
 * The one home of the rules for identifiers and for user strings used as keys. Ids name files
 * (document ids) or are written into exports (annotation and relation ids), so each has a
 * strict character set and length, checked wherever one enters: the API, every import, and
 * every file read from disk. Labels, relation types and attribute names are the user's own
 * words, so they are only ever keys of Maps or of null-prototype records (`counter`): a label
 * named `constructor` or `__proto__` is counted like any other. Pure.
 */

/** A document id: lowercase hex (a prefix of the source's SHA-256), 6 to 64 digits. It names the document's files. */
export const DOC_ID_PATTERN = /^[0-9a-f]{6,64}$/;
/** The longest annotation or relation id. */
export const MAX_ITEM_ID_LENGTH = 100;
/**
 * An annotation or relation id: 1 to 100 characters that may stand in an IRI unescaped (letters,
 * digits and `-._~:/?#[]@!$&()*+,;=%`), so ids of other tools' W3C files fit and none carries
 * spaces, quotes, control characters or a line break into an export.
 */
export const ITEM_ID_PATTERN = /^[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]{1,100}$/;
/** The longest label, relation type or attribute name. */
export const MAX_NAME_LENGTH = 100;

/** True when `id` is a well-formed document id. */
export const isDocId = (id: unknown): id is string => typeof id === 'string' && DOC_ID_PATTERN.test(id);

/** True when `id` is a well-formed annotation or relation id. */
export const isItemId = (id: unknown): id is string => typeof id === 'string' && ITEM_ID_PATTERN.test(id);

/** True when `name` can be a label, relation type or attribute name: 1 to 100 characters, not blank, no control characters. */
export const isName = (name: unknown): name is string =>
  typeof name === 'string' && name.length <= MAX_NAME_LENGTH && name.trim() !== '' && !hasControlCharacter(name);

/** True when `text` holds a C0 control character or DEL (a line break or NUL in a label would break exports). */
function hasControlCharacter(text: string): boolean {
  // A loop over code units: checked for every label and attribute name of every file read, so no allocation.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** A record of counts keyed by user strings, with no prototype: `constructor` or `__proto__` is a key like any other. */
export type Counter = Record<string, number>;

/** A new empty counter (null prototype). */
export function counter(): Counter {
  return Object.create(null) as Counter;
}

/** A record with no prototype, for other values keyed by user strings. */
export function keyedRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Adds `by` to `key`'s count. */
export function bump(counts: Counter, key: string, by = 1): void {
  counts[key] = countOf(counts, key) + by;
}

/** `key`'s count, 0 when absent; safe on any record (an inherited property is never read). */
export function countOf(counts: Readonly<Record<string, number>>, key: string): number {
  return Object.hasOwn(counts, key) ? counts[key]! : 0;
}
