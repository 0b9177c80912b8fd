/**
 * Sentence boundaries for extending a selection by sentence (keyboard: Alt+Shift+Down/Up).
 * A sentence ends after . ! or ? (and any closing quotes or brackets) when whitespace or the
 * end of the text follows, unless the dot ends an abbreviation ("U.S.", "Mr.", "J.") or the
 * next word starts in lower case; a line break always ends one. Extending from inside a
 * quotation stops at the quotation's edge (before its closing mark, after its opening one), so
 * a quoted claim does not run on into its attribution. Heuristic, pure, and linear in the
 * distance walked (and the paragraph, for quotations): it never scans the whole text.
 */
import { quotationEndAfter, quotationStartBefore } from './quotations';

const TERMINAL = /[.!?…]/u;
const CLOSER = /["'”’»)\]]/u;
const SPACE = /\s/u;
const LOWER = /\p{Ll}/u;
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof sr jr st gen col lt sgt capt gov sen rep rev hon inc corp co ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft e.g i.e'.split(
    ' ',
  ),
);

/**
 * True when a sentence ends at `offset` (the offset just after its last character).
 * @param text the whole text
 * @param offset 0 <= offset <= text.length
 */
export function isSentenceEnd(text: string, offset: number): boolean {
  if (offset <= 0) return false;
  const next = text[offset];
  if (offset === text.length || next === '\n') return !SPACE.test(text[offset - 1] ?? ' ');
  if (!SPACE.test(next ?? '')) return false;
  let i = offset;
  while (i > 0 && CLOSER.test(text[i - 1] ?? '')) i--;
  if (i === 0 || !TERMINAL.test(text[i - 1] ?? '')) return false;
  if (text[i - 1] === '.' && isAbbreviation(text, i - 1)) return false;
  // "… he said. and then": a lower-case word after the dot continues the sentence.
  let j = offset;
  while (j < text.length && SPACE.test(text[j] ?? '') && text[j] !== '\n') j++;
  return text[j] === '\n' || !LOWER.test(text[j] ?? '');
}

/** True when the dot at `dot` closes an abbreviation: a token with another dot, a single letter, or a listed short form. */
function isAbbreviation(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && !SPACE.test(text[start - 1] ?? '') && !CLOSER.test(text[start - 1] ?? '') && text[start - 1] !== '(') start--;
  const token = text.slice(start, dot);
  if (token.includes('.')) return true;
  return /^\p{Lu}$/u.test(token) || ABBREVIATIONS.has(token.toLowerCase());
}

/**
 * The end of the sentence after `offset`: the first sentence end strictly after it, or the
 * end of the text; from inside a quotation, no further than its closing mark.
 * @returns an offset in (offset, text.length], or text.length when offset is already there
 */
export function nextSentenceEnd(text: string, offset: number): number {
  const quoteEnd = quotationEndAfter(text, offset) ?? text.length;
  for (let i = Math.max(0, offset) + 1; i < quoteEnd; i++) if (isSentenceEnd(text, i)) return i;
  return quoteEnd;
}

/**
 * The start of the sentence before `offset`: the last sentence start strictly before it
 * (a non-space character at the text's start or after a sentence end and its spaces), or 0;
 * from inside a quotation, no further back than just after its opening mark.
 */
export function previousSentenceStart(text: string, offset: number): number {
  const quoteStart = quotationStartBefore(text, offset) ?? 0;
  for (let i = Math.min(offset, text.length) - 1; i > quoteStart; i--) if (isSentenceStart(text, i)) return i;
  return quoteStart;
}

function isSentenceStart(text: string, i: number): boolean {
  if (SPACE.test(text[i] ?? ' ') || !SPACE.test(text[i - 1] ?? '')) return false;
  let k = i - 1;
  while (k > 0 && SPACE.test(text[k - 1] ?? '')) k--;
  if (text.slice(k, i).includes('\n')) return true;
  return isSentenceEnd(text, k);
}
