/**
 * Quotations in running text, for extending a selection by sentence without running out of a
 * quotation into its attribution (`"…a corner," Aso said`). Pairs opening and closing marks
 * within one paragraph (a line break ends every quotation): straight and curly double quotes,
 * « » and » «, „ “ / „ ”, ‹ ›, and single quotes used as quotation marks, but not apostrophes
 * ("don't", "O'Brien", "'90s", the plural possessive "the 1990s' boom"). A double quotation
 * left open runs to the end of its paragraph (news style for a quote over several paragraphs);
 * an unclosed single mark is taken for an apostrophe. Heuristic and pure; it reads only the
 * paragraph around the offset, and nothing in a paragraph longer than MAX_PARAGRAPH.
 */

/** A quotation: the offsets of its opening mark and of its closing mark (the paragraph's end when it is never closed). */
export type Quotation = Readonly<{ open: number; close: number }>;

/** Longer paragraphs are not searched for quotations (keeps a key press cheap in a text without line breaks). */
export const MAX_PARAGRAPH = 50_000;

/** Opening mark -> the marks that close it. */
const CLOSERS: Readonly<Record<string, string>> = {
  '"': '"',
  '“': '”',
  '„': '“”',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹',
  "'": "'’",
  '‘': "’'",
  '‚': '‘’',
};
const MARKS = new Set([...Object.keys(CLOSERS), ...Object.values(CLOSERS).join('')]);
/** Marks that may be mistaken for an apostrophe; a quotation they open must be closed in its paragraph. */
const SINGLE = new Set(["'", '‘', '’', '‚', '‹', '›']);
/** Guillemets may have a space on their inner side (French: « Oui »). */
const GUILLEMET = new Set(['«', '»', '‹', '›']);
const WORD = /[\p{L}\p{M}\p{N}]/u;
const DIGIT = /\p{N}/u;
const SPACE = /\s/u;

/**
 * The quotations whose text holds `offset` (open < offset <= close), innermost first.
 * @param text the whole text
 * @param offset 0 <= offset <= text.length
 */
export function quotationsAround(text: string, offset: number): Quotation[] {
  const from = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const to = newline < 0 ? text.length : newline;
  if (to - from > MAX_PARAGRAPH) return [];
  return quotationsIn(text, from, to)
    .filter((q) => q.open < offset && offset <= q.close)
    .sort((a, b) => b.open - a.open);
}

/**
 * The end of the innermost quotation that `offset` is inside of and before the closing mark of.
 * @returns the offset of its closing mark (the paragraph's end when unclosed), or null outside a quotation
 */
export function quotationEndAfter(text: string, offset: number): number | null {
  return quotationsAround(text, offset).find((q) => offset < q.close)?.close ?? null;
}

/**
 * The start of the text of the innermost quotation that `offset` is inside of and after the first character of.
 * @returns the offset just after its opening mark, or null outside a quotation
 */
export function quotationStartBefore(text: string, offset: number): number | null {
  const q = quotationsAround(text, offset).find((o) => o.open + 1 < offset);
  return q ? q.open + 1 : null;
}

/** Every quotation of the paragraph text[from, to), in the order their ends are found. */
function quotationsIn(text: string, from: number, to: number): Quotation[] {
  const open: { at: number; mark: string }[] = [];
  const found: Quotation[] = [];
  for (let i = from; i < to; i++) {
    const mark = text[i] ?? '';
    if (!MARKS.has(mark) || isApostrophe(text, i, from, to)) continue;
    const before = i > from ? (text[i - 1] ?? '') : '';
    const after = i + 1 < to ? (text[i + 1] ?? '') : '';
    if (canClose(mark, before, after)) {
      let k = open.length - 1;
      while (k >= 0 && !(CLOSERS[open[k]!.mark] ?? '').includes(mark)) k--;
      if (k >= 0) {
        found.push({ open: open[k]!.at, close: i });
        // Marks opened inside it and never closed were not quotations.
        open.length = k;
        continue;
      }
    }
    if (mark in CLOSERS && canOpen(mark, before, after)) open.push({ at: i, mark });
  }
  for (const o of open) if (!SINGLE.has(o.mark)) found.push({ open: o.at, close: to });
  return found;
}

/** A closing mark follows a non-space (guillemets: anything) and is not followed by a word character. */
function canClose(mark: string, before: string, after: string): boolean {
  if (WORD.test(after)) return false;
  return GUILLEMET.has(mark) || (before !== '' && !SPACE.test(before));
}

/** An opening mark is not preceded by a word character and is followed by a non-space (guillemets: anything). */
function canOpen(mark: string, before: string, after: string): boolean {
  if (WORD.test(before) || after === '') return false;
  return GUILLEMET.has(mark) || !SPACE.test(after);
}

/** True when the single quote at `i` is an apostrophe: inside a word, before a year ('90s), or after a plural possessive's s. */
function isApostrophe(text: string, i: number, from: number, to: number): boolean {
  const mark = text[i] ?? '';
  if (mark !== "'" && mark !== '’' && mark !== '‘') return false;
  const before = i > from ? (text[i - 1] ?? '') : '';
  const after = i + 1 < to ? (text[i + 1] ?? '') : '';
  if (WORD.test(before) && WORD.test(after)) return true;
  if (!WORD.test(before) && DIGIT.test(after)) return true;
  // "the 1990s' boom", "the players' union": an s, the mark, a space and a word goes on.
  const next = i + 2 < to ? (text[i + 2] ?? '') : '';
  return /s/i.test(before) && SPACE.test(after) && WORD.test(next);
}
