/**
 * Which character encoding a text source's bytes are in, when they are not valid UTF-8 and carry
 * no byte-order mark: an HTML page's declared charset (meta charset / http-equiv Content-Type),
 * UTF-16 without a mark (recognised by its zero bytes), or a statistical guess (jschardet) among
 * the legacy encodings of news archives (Windows-1252/Latin-1, ISO-8859-2/15, KOI8-R,
 * Windows-1251, Shift_JIS, EUC-JP, GB18030, Big5, EUC-KR ...). Names are WHATWG encoding names
 * that Node's TextDecoder (full ICU) decodes. It never decodes the whole file and never touches disk.
 */

/** How many leading bytes the HTML charset prescan reads (the WHATWG prescan reads 1024; pages put more before it). */
const CHARSET_PRESCAN_BYTES = 4096;
/** How many bytes the detector and the UTF-16 check look at: enough for a confident guess, fast on 20 MB files. */
const DETECT_SAMPLE_BYTES = 256 * 1024;
/**
 * Below this confidence a guess is kept only if it is a Latin encoding: on short text the
 * detector may call "Café owners" Greek, while Windows-1252 is by far the likelier legacy encoding.
 */
const MIN_CONFIDENCE = 0.3;
/** Latin single-byte encodings a weak guess may still name. */
const LATIN_ENCODINGS: ReadonlySet<string> = new Set(['windows-1252', 'iso-8859-15', 'iso-8859-2', 'windows-1250']);
/**
 * How much more confident a weak guess of another Latin encoding must be than Windows-1252 to go
 * first ("Café ... ÿþ" scores Czech Windows-1250 a hair above Windows-1252). ISO-8859-15 differs
 * from Windows-1252 only in rare signs (€, œ, Š ...), so the detector ranking it first is evidence.
 */
const LATIN_MARGIN = 1.25;
/** The encoding a weak guess falls back to: what Western news archives and the web's default use. */
export const FALLBACK_ENCODING = 'windows-1252';

/** Detector names that TextDecoder does not know under that name. */
const DETECTOR_ALIASES: Readonly<Record<string, string>> = {
  cp932: 'shift_jis',
  cp949: 'euc-kr',
  gb2312: 'gb18030',
  maccyrillic: 'x-mac-cyrillic',
  'mac-cyrillic': 'x-mac-cyrillic',
};

/**
 * The WHATWG name of an encoding label, or null when TextDecoder cannot decode it.
 * @param label any label ("latin1", "ISO-8859-1", "Shift_JIS", "cp932")
 */
export function encodingName(label: string): string | null {
  const lower = label
    .trim()
    .toLowerCase()
    .replace(/^iso8859-/, 'iso-8859-');
  try {
    return new TextDecoder(DETECTOR_ALIASES[lower] ?? lower).encoding;
  } catch {
    return null; // RangeError: a label TextDecoder does not support
  }
}

/**
 * The charset an HTML page declares in its first bytes: `<meta charset=...>` or
 * `<meta http-equiv="Content-Type" content="...; charset=...">`. A declared UTF-16 is ignored,
 * as browsers do (a page that says so in ASCII bytes is not UTF-16).
 * @returns the WHATWG encoding name, or null when nothing usable is declared
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, CHARSET_PRESCAN_BYTES));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    const name = direct?.[1] === undefined ? null : encodingName(direct[1]);
    if (name !== null) return name.startsWith('utf-16') ? null : name;
  }
  return null;
}

/**
 * UTF-16 without a byte-order mark: in Latin-script text every other byte is zero. Only an
 * even-length file whose sampled pairs are mostly zero on one side and almost never on the other.
 * @returns 'utf-16le', 'utf-16be' or null
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const pairs = Math.min(bytes.length, DETECT_SAMPLE_BYTES) / 2;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.02) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.02) return 'utf-16be';
  return null;
}

type Detector = (bytes: Uint8Array) => readonly { encoding: string | null; confidence: number }[];
let detector: Promise<Detector> | undefined;

/** jschardet, loaded on first use like the other importers' libraries. */
function getDetector(): Promise<Detector> {
  detector ??= import('jschardet').then((module) => (bytes: Uint8Array) => module.detectAll(bytes));
  return detector;
}

/**
 * The likeliest legacy encoding of bytes that are not UTF-8, in order of preference: each
 * candidate the detector names with enough confidence (or a Latin one with less), then
 * Windows-1252. The caller decodes with the first that fits.
 * @returns WHATWG encoding names, at least one
 */
export async function legacyEncodingCandidates(bytes: Uint8Array): Promise<string[]> {
  const detect = await getDetector();
  const guesses = detect(bytes.subarray(0, DETECT_SAMPLE_BYTES)).map(({ encoding, confidence }) => ({
    name: encoding === null ? null : encodingName(encoding),
    confidence,
  }));
  const fallbackConfidence = Math.max(0, ...guesses.filter((g) => g.name === FALLBACK_ENCODING).map((g) => g.confidence));
  const names: string[] = [];
  for (const { name, confidence } of guesses) {
    if (name === null || name.startsWith('utf-') || names.includes(name)) continue;
    const isLikelyLatin =
      LATIN_ENCODINGS.has(name) && (name === FALLBACK_ENCODING || name === 'iso-8859-15' || confidence >= fallbackConfidence * LATIN_MARGIN);
    if (confidence >= MIN_CONFIDENCE || isLikelyLatin) names.push(name);
  }
  if (!names.includes(FALLBACK_ENCODING)) names.push(FALLBACK_ENCODING);
  return names;
}

/** C1 control characters: a single-byte decoding that yields them is the wrong encoding. */
export const C1_CONTROLS = /[\u0080-\u009f]/;
