/**
 * Clean-up of a PDF's text-layer strings for pdf-layout.ts: ligatures to letters, glyphs without
 * text removed, right-to-left runs put back in reading order, lines joined with hyphenation
 * undone (using the whole document as evidence for compounds). Pure.
 */

/** Ligatures pdf.js may pass through, as the letters they stand for. */
const LIGATURES: Readonly<Record<string, string>> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

/** Control characters: what pdf.js gives for glyphs its font maps to no text (NUL), and strays. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
export const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * Right-to-left text (Arabic, Hebrew) comes in visual order, from the left: its runs (glyphs or
 * words, each already in reading order) are put back in reading order and presentation forms
 * normalised.
 */
export function endRtl(line: { text: string; rtl: string[] }): void {
  if (line.rtl.length === 0) return;
  line.text += [...line.rtl].reverse().join('').normalize('NFKC');
  line.rtl = [];
}

/** Ligatures as the letters they stand for; NUL and other controls (glyphs pdf.js could not map to text) removed. */
export function normaliseRunText(text: string): string {
  return text.replace(/[\ufb00-\ufb06]/g, (c) => LIGATURES[c] ?? c).replace(CONTROLS, '');
}

/** Marks a line-end hyphen before a lowercase letter until the whole text can tell hyphenation from a compound. */
const HYPHEN_AT_LINE_END = '\ue000';

/** Joins a paragraph's next line: a soft hyphen or a hyphen at the line end joins without a space (see resolveHyphens), else a space. */
export function joinLines(before: string, after: string): string {
  if (before.endsWith('\u00ad')) return before.slice(0, -1) + after;
  // U+2010 is what Chromium and others draw where they break at a soft hyphen.
  if (/\p{L}[-\u2010]$/u.test(before)) return before.slice(0, -1) + '-' + (/^\p{Ll}/u.test(after) ? HYPHEN_AT_LINE_END : '') + after;
  return `${before} ${after}`;
}

/**
 * Decides each line-end hyphen before a lowercase letter: the word is written without the hyphen
 * when the document has it that way elsewhere ("govern-ment" -> "government"), kept when the
 * document writes it hyphenated elsewhere or its first part is capitalised ("Japanese-backed"),
 * else dropped (hyphenation is the common case).
 */
export function resolveHyphens(texts: readonly string[]): string[] {
  const words = new Set(texts.flatMap((t) => t.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []));
  const pattern = new RegExp(`(\\p{L}+)-${HYPHEN_AT_LINE_END}(\\p{L}+)`, 'gu');
  return texts.map((text) =>
    text.replace(pattern, (_whole, first: string, second: string) => {
      const joined = (first + second).toLowerCase();
      const hyphenated = `${first}-${second}`.toLowerCase();
      const keep = !words.has(joined) && (words.has(hyphenated) || /^\p{Lu}/u.test(first));
      return keep ? `${first}-${second}` : first + second;
    }),
  );
}
