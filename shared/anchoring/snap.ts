/**
 * Snapping a selection to what an analyst means: outward to whole words, then inward past
 * surrounding spaces and punctuation ("…message," -> "…message"). Scripts written without
 * spaces (Han, Hiragana, Katakana, Thai) snap by character. Pure.
 */

const WORD = /[\p{L}\p{M}\p{N}]/u;
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const INNER_JOINER = /['’\-‐.]/u;
// Trimmed at both ends: whitespace and punctuation that frames rather than belongs to the words.
const FRAME = /[\s"'“”‘’«»‹›„‚()[\]{}<>,;:—–\-…*_]/u;
const TERMINAL = /[.!?]/u;

/** The whole character covering UTF-16 unit `i` (a surrogate pair counts as one). */
function charCovering(text: string, i: number): string {
  const unit = text.charCodeAt(i);
  const from = unit >= 0xdc00 && unit <= 0xdfff && i > 0 ? i - 1 : i;
  const cp = text.codePointAt(from);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

function isLetterLike(ch: string): boolean {
  return WORD.test(ch) && !NO_SPACE_SCRIPT.test(ch);
}

/**
 * True when UTF-16 unit `i` of `text` belongs to a word: a letter, mark or digit of a spaced script, or an
 * apostrophe, hyphen or dot joining two of them.
 */
export function isWordChar(text: string, i: number): boolean {
  const ch = charCovering(text, i);
  if (isLetterLike(ch)) return true;
  // An apostrophe, hyphen or dot between two word characters joins them: don't, so-called, U.S.
  return INNER_JOINER.test(ch) && i > 0 && isLetterLike(charCovering(text, i - 1)) && isLetterLike(charCovering(text, i + 1));
}

/**
 * Snaps [start, end) outward to word boundaries and trims framing punctuation and spaces.
 * A sentence-final . ! ? is trimmed too, except after an abbreviation ("U.S.").
 * @returns the snapped range, or null when nothing but spaces and punctuation was selected
 */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } | null {
  if (start > end) [start, end] = [end, start];
  start = Math.max(0, start);
  end = Math.min(text.length, end);
  // Never cut a surrogate pair: widen to the whole character at either edge.
  if (/[\uDC00-\uDFFF]/.test(text[start] ?? '') && /[\uD800-\uDBFF]/.test(text[start - 1] ?? '')) start--;
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '') && /[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++;
  if (start < end && isWordChar(text, start)) while (start > 0 && isWordChar(text, start - 1)) start--;
  if (start < end && isWordChar(text, end - 1)) while (end < text.length && isWordChar(text, end)) end++;
  while (start < end && FRAME.test(text[start] ?? '')) start++;
  for (;;) {
    while (end > start && FRAME.test(text[end - 1] ?? '')) end--;
    if (end > start && TERMINAL.test(text[end - 1] ?? '') && !isAbbreviation(text, start, end - 1)) end--;
    else break;
  }
  return start < end ? { start, end } : null;
}

/** True when the dot at `dot` ends a token that has another dot in it (U.S., e.g.). */
function isAbbreviation(text: string, start: number, dot: number): boolean {
  if (text[dot] !== '.') return false;
  let i = dot - 1;
  while (i >= start && !/\s/.test(text[i] ?? '')) {
    if (text[i] === '.') return true;
    i--;
  }
  return false;
}

/**
 * The word a caret stands in or right after ("splinter|ing", "splintering|"), snapped like a
 * selection of it (snapToWords).
 * @param offset the caret, 0 <= offset <= text.length
 * @returns the word's range, or null when the caret touches no word (between spaces or punctuation)
 */
export function wordAtCaret(text: string, offset: number): { start: number; end: number } | null {
  if (offset < text.length && isWordChar(text, offset)) return snapToWords(text, offset, offset + 1);
  if (offset > 0 && isWordChar(text, offset - 1)) return snapToWords(text, offset - 1, offset);
  return null;
}
