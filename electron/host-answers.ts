/**
 * The browser host's answers as JSON bytes (#14). getDocument's answers for long documents are
 * kept per document object: the workspace answers the same object for as long as a document's
 * article and layer are unchanged (the store replaces them on every change, never edits them), so
 * a long article is serialised once per version, not at every open; and a document the window
 * asked to be read ahead is serialised then, before anyone opens it. What is kept is bounded
 * (the least recently used goes first); short answers, and every other answer, are serialised as
 * they are sent.
 */
import type { ClaimdeskApi, Envelope } from '../shared/api';

/** Answers shorter than this are not kept: serialising them costs less than a millisecond. */
const MIN_KEPT_BYTES = 256 * 1024;
/** At most this much is kept in all (a long article's answer is about 3.7 MB per MB of text). */
const MAX_KEPT_BYTES = 64 * 1024 * 1024;

/** Kept answers, least recently used first (a Map keeps insertion order). */
const kept = new Map<object, Buffer>();
let keptBytes = 0;
const OK_PREFIX = Buffer.from('{"ok":true,"value":');
const SUFFIX = Buffer.from('}');

/** A document's JSON: the kept bytes, or serialised now (and kept when long). */
function documentJson(doc: object): Buffer {
  const hit = kept.get(doc);
  if (hit !== undefined) {
    kept.delete(doc); // now the most recently used
    kept.set(doc, hit);
    return hit;
  }
  const bytes = Buffer.from(JSON.stringify(doc));
  if (bytes.length < MIN_KEPT_BYTES || bytes.length > MAX_KEPT_BYTES) return bytes;
  kept.set(doc, bytes);
  keptBytes += bytes.length;
  for (const [oldest, old] of kept) {
    if (keptBytes <= MAX_KEPT_BYTES) break;
    kept.delete(oldest);
    keptBytes -= old.length;
  }
  return bytes;
}

/** The body of an answer to `method`: JSON.stringify(envelope), getDocument's from its kept bytes. */
export function answerBody(method: string, envelope: Envelope<unknown>): Buffer | string {
  if (method !== 'getDocument' || !envelope.ok || typeof envelope.value !== 'object' || envelope.value === null) return JSON.stringify(envelope);
  return Buffer.concat([OK_PREFIX, documentJson(envelope.value), SUFFIX]);
}

/**
 * After an answered readAhead (its argument already checked): serialises each document it read,
 * one after another; one that cannot be read is left out (opening it says why).
 */
export async function serialiseAhead(api: ClaimdeskApi, arg: { docIds: readonly string[]; layer?: string }): Promise<void> {
  for (const docId of arg.docIds) {
    try {
      documentJson(await api.getDocument(arg.layer === undefined ? { docId } : { docId, layer: arg.layer }));
    } catch {
      // Left out: its open reads it again and says what went wrong.
    }
  }
}
