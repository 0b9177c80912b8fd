/**
 * Turns the bytes of an article file into one JavaScript string every format importer can
 * trust: binary files (images, archives, PDFs) are refused, a byte-order mark is honoured
 * and stripped, invalid sequences become U+FFFD with a warning, line endings become "\n" and
 * stray control characters are removed. It never parses the format and never touches disk.
 */
import type { Pause } from '../store/time-slice';
import { ImportError } from './types';

/** A source decoded to text, with what the user should know about the decoding. */
export type DecodedSource = Readonly<{ text: string; warnings: readonly string[] }>;

/** Leading bytes of file types people drop on an importer by mistake. */
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x50, 0x4b, 0x03, 0x04], // ZIP, and so docx/xlsx/epub
  [0x1f, 0x8b], // gzip
  [0x7f, 0x45, 0x4c, 0x46], // ELF executable
];

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Bytes decoded at once; a pause may follow each slice. */
const DECODE_SLICE = 1 << 20;

/** How many characters the control-character check looks at: binary shows at once. */
const SNIFF_LENGTH = 64 * 1024;
/** Above this share of control characters a file is binary, whatever its name says. */
const MAX_CONTROL_SHARE = 0.1;
/** Above this share of controls plus replaced bytes an invalid "text" file is binary. */
const MAX_GARBAGE_SHARE = 0.3;

/** C0 controls and DEL, except tab, line feed, vertical tab, form feed and carriage return. */
// eslint-disable-next-line no-control-regex -- matching control characters is this regex's job
const STRAY_CONTROLS = /[\u0001-\u0008\u000e-\u001f\u007f]/g;

/**
 * Decodes an article file's bytes.
 * @param name the file name, used in messages
 * @param bytes the whole file
 * @returns the text (LF line endings, no BOM, no NUL or stray controls) and warnings
 * @throws ImportError when the file is binary, or empty or whitespace only
 */
export async function decodeSource(name: string, bytes: Uint8Array, pause: Pause, sliceBytes = DECODE_SLICE): Promise<DecodedSource> {
  if (hasBinarySignature(bytes)) throw binaryError(name);
  const { text: decoded, invalidWarning } = await decodeBytes(bytes, pause, sliceBytes);
  if (looksBinary(decoded, invalidWarning !== undefined)) throw binaryError(name);
  const warnings: string[] = invalidWarning === undefined ? [] : [invalidWarning];
  const withoutControls = decoded.replace(STRAY_CONTROLS, '');
  const removed = decoded.length - withoutControls.length;
  if (removed > 0) warnings.push(`${removed} control character${removed === 1 ? ' was' : 's were'} removed`);
  const text = withoutControls.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new ImportError(`${name} is empty: it contains no text to import`);
  return { text, warnings };
}

/** Whether the file starts like a known binary format. */
function hasBinarySignature(bytes: Uint8Array): boolean {
  return BINARY_SIGNATURES.some((signature) => startsWith(bytes, signature));
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * Decodes as UTF-16 when a UTF-16 byte-order mark says so (Windows editors write it), else
 * as UTF-8. A fatal decoder runs first so that replaced sequences can be reported.
 */
async function decodeBytes(bytes: Uint8Array, pause: Pause, sliceBytes: number): Promise<{ text: string; invalidWarning?: string }> {
  const decode = (encoding: Encoding, body: Uint8Array, label: string) => decodeWith(encoding, body, label, pause, sliceBytes);
  if (startsWith(bytes, [0xff, 0xfe])) return decode('utf-16le', bytes.subarray(2), 'UTF-16');
  if (startsWith(bytes, [0xfe, 0xff])) return decode('utf-16be', bytes.subarray(2), 'UTF-16');
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  return decode('utf-8', body, 'UTF-8');
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

async function decodeWith(
  encoding: Encoding,
  bytes: Uint8Array,
  label: string,
  pause: Pause,
  sliceBytes: number,
): Promise<{ text: string; invalidWarning?: string }> {
  // ignoreBOM: the mark is already stripped; a second one is content and stays visible.
  try {
    return { text: await decodeInSlices(new TextDecoder(encoding, { fatal: true, ignoreBOM: true }), bytes, pause, sliceBytes) };
  } catch {
    // The fatal decoder rejects invalid sequences; decode again, replacing them, and say so.
    const text = await decodeInSlices(new TextDecoder(encoding, { fatal: false, ignoreBOM: true }), bytes, pause, sliceBytes);
    return { text, invalidWarning: `invalid ${label} bytes were replaced with U+FFFD` };
  }
}

/** Decodes `sliceBytes` at a time (the decoder carries sequences cut at a slice's end over), pausing between. */
async function decodeInSlices(decoder: TextDecoder, bytes: Uint8Array, pause: Pause, sliceBytes: number): Promise<string> {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += sliceBytes) {
    parts.push(decoder.decode(bytes.subarray(at, at + sliceBytes), { stream: true }));
    await pause();
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * Binary content that slipped past the signatures: any NUL, or a start that is mostly
 * control characters (and, when decoding failed, replacement characters).
 */
function looksBinary(text: string, hadInvalidBytes: boolean): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, SNIFF_LENGTH);
  if (sample.length === 0) return false;
  let controls = 0;
  let replaced = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (isStrayControl(code)) controls++;
    else if (code === 0xfffd) replaced++;
  }
  if (controls / sample.length > MAX_CONTROL_SHARE) return true;
  return hadInvalidBytes && (controls + replaced) / sample.length > MAX_GARBAGE_SHARE;
}

function isStrayControl(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f;
}

function binaryError(name: string): ImportError {
  return new ImportError(`${name} looks like a binary file (e.g. an image), not an article; import .txt, .md or .html files`);
}
