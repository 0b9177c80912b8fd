/**
 * The browser host's answers as JSON bytes (#14). getDocument's are kept per document object: the
 * workspace answers the same object for as long as a document's article and layer are unchanged
 * (the store replaces them on every change, never edits them), so a long article is serialised
 * once per version, not at every open; and a document the window asked to be read ahead is
 * serialised then, before anyone opens it. Every other answer is serialised as it is sent.
 */
import type { ClaimdeskApi, Envelope } from '../shared/api';

const documentBytes = new WeakMap<object, Buffer>();
const OK_PREFIX = Buffer.from('{"ok":true,"value":');
const SUFFIX = Buffer.from('}');

/** A document's JSON, serialised the first time it is asked for. */
function documentJson(doc: object): Buffer {
  let bytes = documentBytes.get(doc);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(doc));
    documentBytes.set(doc, bytes);
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
