/**
 * Turns the bytes of an article file into one JavaScript string every format importer can
 * trust: binary files (images, archives, PDFs) are refused, a byte-order mark is honoured and
 * stripped, the encoding is found (see encoding.ts) and named, invalid sequences become U+FFFD
 * with a warning only when no encoding fits, line endings become "\n" and stray control
 * characters are removed. It never parses the format and never touches disk.
 */
import type { Pause } from '../store/time-slice';
import { C1_CONTROLS, declaredHtmlCharset, encodingName, legacyEncodingCandidates, utf16WithoutBom } from './encoding';
import { ImportError, SUPPORTED_EXTENSIONS } from './types';

/** A source decoded to text, with what the user should know about the decoding and the encoding used (WHATWG name). */
export type DecodedSource = Readonly<{ text: string; warnings: readonly string[]; encoding: string }>;

/** Leading bytes of file types people drop on an importer by mistake: what they are and, where it helps, what to do. */
const BINARY_SIGNATURES: readonly Readonly<{ bytes: readonly number[]; kind: string; todo?: string }>[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'a PDF file', todo: 'give it the .pdf extension and import it again' },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    kind: 'a ZIP archive, as a Word file is',
    todo: 'if it is a Word file, give it the .docx extension and import it again',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    kind: 'an Office compound file: an old .doc or a password-protected Word file',
    todo: 'save it from Word as .docx without a password and import that',
  },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'an ELF program' },
];

/** Byte-order marks and the encodings they announce. */
const BYTE_ORDER_MARKS: readonly Readonly<{ bytes: readonly number[]; encoding: string }>[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

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
 * How decodeSource reads. `html`: the page's declared charset counts; `encoding`: decode with
 * this encoding, whatever the bytes look like (a re-import "as"); `sliceBytes`: for tests.
 */
export type DecodeOptions = Readonly<{ html?: boolean; encoding?: string; sliceBytes?: number }>;

/**
 * Decodes an article file's bytes: the chosen encoding if any, else a byte-order mark, then UTF-16
 * without one, then (HTML only) the declared charset, then UTF-8 when the bytes are valid UTF-8,
 * then the detected legacy encoding. Any encoding other than UTF-8 is named in the warnings.
 * @param name the file name, used in messages
 * @param bytes the whole file
 * @returns the text (LF line endings, no BOM, no NUL or stray controls), warnings and the encoding's WHATWG name
 * @throws ImportError when the file is binary, or empty or whitespace only, or the chosen encoding is unknown
 */
export async function decodeSource(name: string, bytes: Uint8Array, pause: Pause, options: DecodeOptions = {}): Promise<DecodedSource> {
  const signature = BINARY_SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) throw binaryError(name, signature.kind, signature.todo);
  const decoded = await decodeBytes(bytes, pause, options);
  if (looksBinary(decoded.text, decoded.replaced)) throw binaryError(name, 'e.g. an image');
  const warnings = [...decoded.warnings];
  const withoutControls = decoded.text.replace(STRAY_CONTROLS, '');
  const removed = decoded.text.length - withoutControls.length;
  if (removed > 0) warnings.push(`${removed} control character${removed === 1 ? ' was' : 's were'} removed`);
  const text = withoutControls.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new ImportError(`${name} is empty: it contains no text to import`);
  return { text, warnings, encoding: decoded.encoding };
}

/** Whether `bytes` begin with `prefix` (file signatures, byte-order marks). */
export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

type Decoded = { text: string; encoding: string; replaced: boolean; warnings: string[] };

async function decodeBytes(bytes: Uint8Array, pause: Pause, options: DecodeOptions): Promise<Decoded> {
  const sliceBytes = options.sliceBytes ?? DECODE_SLICE;
  const strict = (encoding: string, body: Uint8Array) =>
    decodeInSlices(new TextDecoder(encoding, { fatal: true, ignoreBOM: true }), body, pause, sliceBytes);
  const replacing = (encoding: string, body: Uint8Array) => decodeInSlices(new TextDecoder(encoding, { ignoreBOM: true }), body, pause, sliceBytes);
  /** Decodes with a known encoding, replacing what is invalid in it, and says why that encoding. */
  const named = async (encoding: string, body: Uint8Array, why: string): Promise<Decoded> => {
    const valid = await strict(encoding, body);
    const warnings = [`decoded as ${encoding} (${why})`];
    if (valid !== null) return { text: valid, encoding, replaced: false, warnings };
    warnings.push(`invalid ${encoding} bytes were replaced with U+FFFD`);
    return { text: (await replacing(encoding, body)) ?? '', encoding, replaced: true, warnings };
  };
  const bom = BYTE_ORDER_MARKS.find((mark) => startsWith(bytes, mark.bytes));
  if (options.encoding !== undefined) {
    const chosen = encodingName(options.encoding);
    if (chosen === null)
      throw new ImportError(`${options.encoding} is not an encoding Claimdesk can decode; choose another one (for example windows-1252)`);
    return named(chosen, bom?.encoding === chosen ? bytes.subarray(bom.bytes.length) : bytes, 'chosen');
  }
  if (bom && bom.encoding !== 'utf-8') return named(bom.encoding, bytes.subarray(bom.bytes.length), 'byte-order mark');
  const body = bom ? bytes.subarray(bom.bytes.length) : bytes;
  const utf16 = bom ? null : utf16WithoutBom(body);
  if (utf16 !== null) return named(utf16, body, 'detected');
  const declared = options.html === true ? declaredHtmlCharset(body) : null;
  if (declared !== null && declared !== 'utf-8') return named(declared, body, 'declared by the page');
  const utf8 = await strict('utf-8', body);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', replaced: false, warnings: [] };
  for (const candidate of await legacyEncodingCandidates(body)) {
    const text = await strict(candidate, body);
    // A single-byte decoding that yields C1 controls has the wrong encoding (or none fits).
    if (text !== null && !C1_CONTROLS.test(text))
      return { text, encoding: candidate, replaced: false, warnings: [`the text is not UTF-8: decoded as ${candidate} (detected)`] };
  }
  const text = (await replacing('utf-8', body)) ?? '';
  return { text, encoding: 'utf-8', replaced: true, warnings: ['no encoding fits the text: invalid UTF-8 bytes were replaced with U+FFFD'] };
}

/**
 * Decodes `sliceBytes` at a time (the decoder carries sequences cut at a slice's end over), pausing between.
 * @returns the text, or null when a fatal decoder met an invalid sequence
 */
async function decodeInSlices(decoder: TextDecoder, bytes: Uint8Array, pause: Pause, sliceBytes: number): Promise<string | null> {
  const parts: string[] = [];
  try {
    for (let at = 0; at < bytes.length; at += sliceBytes) {
      parts.push(decoder.decode(bytes.subarray(at, at + sliceBytes), { stream: true }));
      await pause();
    }
    parts.push(decoder.decode());
  } catch (error) {
    if (decoder.fatal && error instanceof TypeError) return null;
    throw error;
  }
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

function binaryError(name: string, kind: string, todo = `import ${SUPPORTED_EXTENSIONS.join(', ')} files`): ImportError {
  return new ImportError(`${name} looks like a binary file (${kind}), not an article; ${todo}`);
}
