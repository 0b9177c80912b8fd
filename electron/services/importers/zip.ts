/**
 * A small, careful reader of ZIP archives for the parts of a .docx that mammoth does not expose
 * (docProps/core.xml, and the document and comment parts to see whether there are tracked
 * changes or comments). It reads the central directory only: stored and deflated entries, no
 * ZIP64, no encryption, every offset and size checked against the buffer, every inflation capped.
 * It never writes and never touches disk; anything malformed is a ZipError.
 */
import { inflateRawSync } from 'node:zlib';

/** A malformed or unsupported archive; the message says what is wrong. */
export class ZipError extends Error {
  override name = 'ZipError';
}

/** The largest entry inflated (core.xml is a few hundred bytes; a document part a few megabytes). */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535 bytes. */
const MAX_END_RECORD_SEARCH = 22 + 0xffff;

type Entry = Readonly<{ method: number; compressedSize: number; size: number; localOffset: number; flags: number }>;

/**
 * The entries of an archive, read from its central directory.
 * @returns a function that gives an entry's bytes by its path, or null when there is no such entry
 * @throws ZipError when the archive is malformed, encrypted or uses an unsupported feature
 */
export function readZip(bytes: Uint8Array): (path: string) => Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (directoryOffset + directorySize > end) throw new ZipError('the central directory lies outside the archive');
  const entries = new Map<string, Entry>();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    need(view, at, 46);
    if (view.getUint32(at, true) !== CENTRAL_FILE_HEADER) throw new ZipError('a central directory entry is damaged');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    need(view, at + 46, nameLength);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return (path) => {
    const entry = entries.get(path);
    return entry === undefined ? null : entryBytes(bytes, view, path, entry);
  };
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - MAX_END_RECORD_SEARCH; at--) if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  throw new ZipError('it is not a ZIP archive, or it is cut short (no central directory)');
}

function entryBytes(bytes: Uint8Array, view: DataView, path: string, entry: Entry): Uint8Array {
  if ((entry.flags & 1) !== 0) throw new ZipError(`${path} is encrypted`);
  if (entry.size > MAX_ENTRY_BYTES) throw new ZipError(`${path} is larger than ${MAX_ENTRY_BYTES} bytes`);
  const at = entry.localOffset;
  need(view, at, 30);
  if (view.getUint32(at, true) !== LOCAL_FILE_HEADER) throw new ZipError(`the entry ${path} is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  need(view, start, entry.compressedSize);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipError(`${path} uses compression method ${entry.method}, which Claimdesk does not read`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
  } catch (error) {
    throw new ZipError(`${path} cannot be decompressed (${(error as Error).message})`, { cause: error });
  }
}

function need(view: DataView, at: number, length: number): void {
  if (at < 0 || at + length > view.byteLength) throw new ZipError('the archive is cut short');
}
