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
 *
 * The store writes files as bytes (prettyJsonBytes): the same text, UTF-8 encoded, from a cache of
 * each object's bytes, so that a save of a 1 MB document's layer (10,000 annotations) neither joins
 * the whole text nor encodes it again, only copies the kept bytes into one buffer (#14).
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

/** A piece of the output: text, or the UTF-8 bytes of a text. */
type Piece = string | Uint8Array;

/** Where the texts of cached objects and of long strings come from: as strings, or as bytes. */
type Texts = Readonly<{
  /** The cached text of an object, or undefined when it was never written. */
  known: (value: object) => Piece | undefined;
  cached: (value: object) => Piece;
  long: (s: string) => Piece;
}>;

const written = new WeakMap<object, string>();
const writtenBytes = new WeakMap<object, Uint8Array>();
let lastLong = '';
let lastLongText = '""';
/** lastLongText as bytes, once asked for (null: not yet, or the long string changed). */
let lastLongBytes: Uint8Array | null = null;

const AS_TEXT: Texts = { known: (value) => written.get(value), cached: cachedText, long: quoteLong };
const AS_BYTES: Texts = { known: (value) => writtenBytes.get(value), cached: cachedBytes, long: quoteLongBytes };

/** The bytes of the short texts between cached pieces (brackets, commas, indentation, keys): few distinct ones, encoded once. */
const shortBytes = new Map<string, Uint8Array>();
const SHORT_TEXT = 64;
const SHORT_TEXTS_KEPT = 4096;

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
  return piecesOf(value, AS_TEXT).join('');
}

/**
 * prettyJson's text as UTF-8 bytes (what a file of it holds), from the bytes kept of each object
 * below the top two levels: a save that changes a few annotations encodes only those.
 * @param value as for prettyJson
 * @returns the bytes of JSON.stringify(value, null, 2)
 * @throws TypeError as prettyJson
 */
export function prettyJsonBytes(value: unknown): Buffer {
  return concatPieces(piecesOf(value, AS_BYTES));
}

/** The pieces of `value`'s text, cached ones from `texts`. @throws TypeError as prettyJson */
function piecesOf(value: unknown, texts: Texts): Piece[] {
  const out: Piece[] = [];
  if (!write(value, '', 0, out, texts)) throw new TypeError(`prettyJson: JSON has no text for ${typeof value}`);
  return out;
}

/** The pieces as one buffer: texts encoded (short ones once, see shortBytes), bytes copied. */
function concatPieces(pieces: readonly Piece[]): Buffer {
  const parts: Uint8Array[] = [];
  let text = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      text += piece;
      continue;
    }
    if (text !== '') parts.push(bytesOfText(text));
    text = '';
    parts.push(piece);
  }
  if (text !== '') parts.push(bytesOfText(text));
  return Buffer.concat(parts);
}

function bytesOfText(text: string): Uint8Array {
  if (text.length > SHORT_TEXT) return Buffer.from(text);
  let bytes = shortBytes.get(text);
  if (bytes === undefined) {
    if (shortBytes.size >= SHORT_TEXTS_KEPT) shortBytes.clear(); // keys and indentation are few; anything else is not worth keeping
    bytes = Buffer.from(text);
    shortBytes.set(text, bytes);
  }
  return bytes;
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
  if (typeof value === 'object' && value !== null && isPlain(value)) await fill(value, 0, pause, stringSlice, AS_TEXT);
  return prettyJson(value);
}

/**
 * prettyJsonBytes, with pauses while it fills its cache, as prettyJsonInSlices does for the text.
 * @returns the bytes of JSON.stringify(value, null, 2)
 * @throws TypeError as prettyJson
 */
export async function prettyJsonBytesInSlices(value: unknown, pause: Pause, stringSlice = STRING_SLICE): Promise<Buffer> {
  if (typeof value === 'object' && value !== null && isPlain(value)) await fill(value, 0, pause, stringSlice, AS_BYTES);
  return prettyJsonBytes(value);
}

/** Puts the texts (or bytes) `texts` will need for the members of `value` (at `depth`) into its cache, with pauses. */
async function fill(value: object, depth: number, pause: Pause, stringSlice: number, texts: Texts): Promise<void> {
  for (const member of Array.isArray(value) ? (value as unknown[]) : Object.values(value)) {
    if (typeof member === 'string') {
      if (member.length >= LONG_STRING && member !== lastLong) await quoteLongInSlices(member, pause, stringSlice);
    } else if (typeof member !== 'object' || member === null) {
      continue;
    } else if (depth + 1 < CACHED_DEPTH) {
      if (isPlain(member)) await fill(member, depth + 1, pause, stringSlice, texts);
    } else if (texts.known(member) === undefined && isPlain(member)) {
      // Looked up first, as in write.
      texts.cached(member);
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
  lastLongBytes = null;
}

/**
 * Appends the text of `value`, on a line indented by `indent`, to `out`.
 * @returns false where JSON.stringify skips the value (undefined, a function, a symbol)
 */
function write(value: unknown, indent: string, depth: number, out: Piece[], texts: Texts): boolean {
  // Looked up first: a save keeps all but a few of a document's annotations, each known plain since it was cached.
  const known = depth >= CACHED_DEPTH && typeof value === 'object' && value !== null ? texts.known(value) : undefined;
  if (known !== undefined) {
    out.push(known);
    return true;
  }
  if (typeof value === 'object' && value !== null && isPlain(value)) {
    if (depth < CACHED_DEPTH) writeMembers(value, indent, depth, out, texts);
    else out.push(texts.cached(value));
    return true;
  }
  if (typeof value === 'string' && value.length >= LONG_STRING) {
    out.push(texts.long(value));
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
function writeMembers(value: object, indent: string, depth: number, out: Piece[], texts: Texts): void {
  const inner = indent + '  ';
  const start = out.length;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      out.push(i === 0 ? `[\n${inner}` : `,\n${inner}`);
      if (!write(value[i], inner, depth + 1, out, texts)) out.push('null');
    }
    out.push(out.length === start ? '[]' : `\n${indent}]`);
    return;
  }
  for (const [key, member] of Object.entries(value)) {
    const at = out.length;
    out.push(at === start ? `{\n${inner}` : `,\n${inner}`, JSON.stringify(key), ': ');
    if (!write(member, inner, depth + 1, out, texts)) out.length = at;
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
    text = textAtCachedDepth(value);
    written.set(value, text);
  }
  return text;
}

/** The UTF-8 bytes of cachedText(value), kept by identity in the same way (the text itself is not kept). */
function cachedBytes(value: object): Uint8Array {
  let bytes = writtenBytes.get(value);
  if (bytes === undefined) {
    bytes = Buffer.from(textAtCachedDepth(value));
    writtenBytes.set(value, bytes);
  }
  return bytes;
}

/**
 * JSON.stringify's text of a plain object or array at CACHED_DEPTH. It indents it as it would two
 * levels down, wrapped in two arrays whose brackets are then cut off: much faster than moving its
 * lines right afterwards.
 */
function textAtCachedDepth(value: object): string {
  return JSON.stringify([[value]], null, 2).slice(WRAP_START.length, -WRAP_END.length);
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
    lastLongBytes = null;
  }
  return lastLongText;
}

/** quoteLong's text as bytes, encoded once while the long string stays the same. */
function quoteLongBytes(s: string): Uint8Array {
  const text = quoteLong(s);
  lastLongBytes ??= Buffer.from(text);
  return lastLongBytes;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
