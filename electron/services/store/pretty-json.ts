/**
 * `JSON.stringify(value, null, 2)`, byte for byte, made cheap for a store whose objects are
 * immutable: a save changes a few annotations of a 1 MB document and keeps the rest, so each
 * annotation's text is kept from the save before, and the last long string (the article text)
 * is escaped once.
 *
 * The top two levels (the document, its arrays and small objects) are walked on every call and
 * may be changed in place. Below them, each object or array is written by JSON.stringify in one
 * go and its text cached by identity: such an object must never be changed in place after it
 * was written (operations make new annotations; index rows are replaced), or it would be
 * written as it was. The cache holds each text for as long as its object lives.
 * prettyJsonInSlices does the same for a first write of a long article, filling the cache with
 * pauses so that the event loop keeps turning.
 */
import type { Pause } from './time-slice';

/**
 * The depth of the objects whose text is cached (an annotation, a block, an index row). Always
 * written at this depth, hence at the same indentation, their text can be reused as is.
 */
const CACHED_DEPTH = 2;
/** What JSON.stringify(x, null, 2) writes around x when x is wrapped in CACHED_DEPTH arrays. */
const WRAP_START = '[\n  [\n    ';
const WRAP_END = '\n  ]\n]';
/** Strings at least this long are remembered once escaped (only the last one: the article text). */
const LONG_STRING = 4096;
/** Characters of a long string escaped at once by prettyJsonInSlices. */
const STRING_SLICE = 1 << 20;

const written = new WeakMap<object, string>();
let lastLong = '';
let lastLongText = '""';

/**
 * Serializes `value` exactly as `JSON.stringify(value, null, 2)` does.
 * @param value JSON data whose objects below the top two levels are never changed in place
 *   after they were serialized. Undefined members are skipped and undefined array items written
 *   as null, as JSON.stringify does. Anything but plain objects and arrays (a Date, a boxed
 *   number) is left to JSON.stringify and not cached; a toJSON method is then called with the
 *   key '' rather than its member's name.
 * @returns the pretty-printed text
 * @throws TypeError when JSON.stringify has no text for `value` itself (undefined, a function),
 *   or where it throws (a circular structure, a BigInt)
 */
export function prettyJson(value: unknown): string {
  const out: string[] = [];
  if (!write(value, '', 0, out)) throw new TypeError(`prettyJson: JSON has no text for ${typeof value}`);
  return out.join('');
}

/**
 * prettyJson, with pauses while it fills the cache (each object below the top two levels not
 * written before, and a long string in slices), so that a first write of a 20 MB article keeps
 * the event loop turning; only the final joining of the text is done in one piece.
 * @param value as for prettyJson
 * @param pause called between pieces of work
 * @param stringSlice characters of a long string escaped at once, at least 2 (tests make it small)
 * @returns the pretty-printed text, as JSON.stringify(value, null, 2)
 * @throws TypeError as prettyJson
 */
export async function prettyJsonInSlices(value: unknown, pause: Pause, stringSlice = STRING_SLICE): Promise<string> {
  if (typeof value === 'object' && value !== null && isPlain(value)) await fill(value, 0, pause, stringSlice);
  return prettyJson(value);
}

/** Puts the texts prettyJson will need for the members of `value` (at `depth`) into the cache, with pauses. */
async function fill(value: object, depth: number, pause: Pause, stringSlice: number): Promise<void> {
  for (const member of Array.isArray(value) ? (value as unknown[]) : Object.values(value)) {
    if (typeof member === 'string') {
      if (member.length >= LONG_STRING && member !== lastLong) await quoteLongInSlices(member, pause, stringSlice);
    } else if (typeof member !== 'object' || member === null || !isPlain(member)) {
      continue;
    } else if (depth + 1 < CACHED_DEPTH) {
      await fill(member, depth + 1, pause, stringSlice);
    } else if (!written.has(member)) {
      cachedText(member);
      await pause();
    }
  }
}

/** Escapes a long string a slice at a time and remembers it as the last one. */
async function quoteLongInSlices(s: string, pause: Pause, stringSlice: number): Promise<void> {
  const parts: string[] = [];
  for (let at = 0; at < s.length;) {
    let end = Math.min(at + stringSlice, s.length);
    // Never cut a surrogate pair: its halves alone would be escaped.
    if (end < s.length && isHighSurrogate(s.charCodeAt(end - 1))) end -= 1;
    parts.push(JSON.stringify(s.slice(at, end)).slice(1, -1));
    at = end;
    await pause();
  }
  lastLongText = `"${parts.join('')}"`;
  lastLong = s;
}

/**
 * Appends the text of `value`, on a line indented by `indent`, to `out`.
 * @returns false where JSON.stringify skips the value (undefined, a function, a symbol)
 */
function write(value: unknown, indent: string, depth: number, out: string[]): boolean {
  if (typeof value === 'object' && value !== null && isPlain(value)) {
    if (depth < CACHED_DEPTH) writeMembers(value, indent, depth, out);
    else out.push(cachedText(value));
    return true;
  }
  if (typeof value === 'string' && value.length >= LONG_STRING) {
    out.push(quoteLong(value));
    return true;
  }
  // Numbers (NaN and the infinities as null), booleans, null, short strings, and objects that
  // are not plain data; undefined for undefined, functions and symbols; a BigInt throws.
  const text: string | undefined = JSON.stringify(value, null, 2);
  if (text === undefined) return false;
  out.push(indented(text, indent));
  return true;
}

/** Appends an object or array member by member (members JSON has no text for are skipped). */
function writeMembers(value: object, indent: string, depth: number, out: string[]): void {
  const inner = indent + '  ';
  const start = out.length;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      out.push(i === 0 ? `[\n${inner}` : `,\n${inner}`);
      if (!write(value[i], inner, depth + 1, out)) out.push('null');
    }
    out.push(out.length === start ? '[]' : `\n${indent}]`);
    return;
  }
  for (const [key, member] of Object.entries(value)) {
    const at = out.length;
    out.push(at === start ? `{\n${inner}` : `,\n${inner}`, JSON.stringify(key), ': ');
    if (!write(member, inner, depth + 1, out)) out.length = at;
  }
  out.push(out.length === start ? '{}' : `\n${indent}}`);
}

/** True for an array or an object literal (as JSON.parse makes them) without a toJSON method. */
function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return (Array.isArray(value) || proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** The text of a plain object or array at CACHED_DEPTH: from the cache, or written and cached. */
function cachedText(value: object): string {
  let text = written.get(value);
  if (text === undefined) {
    // JSON.stringify indents it as it would two levels down, wrapped in two arrays whose
    // brackets are then cut off: much faster than moving its lines right afterwards.
    text = JSON.stringify([[value]], null, 2).slice(WRAP_START.length, -WRAP_END.length);
    written.set(value, text);
  }
  return text;
}

/** JSON text moved right by `indent` (its only line breaks are between tokens: strings escape theirs). */
function indented(text: string, indent: string): string {
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

/** A long string's JSON text: escaped again only when it is not the last one. */
function quoteLong(s: string): string {
  if (s !== lastLong) {
    lastLongText = JSON.stringify(s);
    lastLong = s;
  }
  return lastLongText;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
