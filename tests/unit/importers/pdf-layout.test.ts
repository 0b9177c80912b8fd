/**
 * The PDF reading-order rules on hand-placed text runs (no pdf.js): running headers, footers and
 * page numbers dropped, paragraphs rejoined across pages, hyphenation undone with the document as
 * evidence, ligatures and soft hyphens normalised, larger type as headings, pages kept.
 */
import { describe, expect, it } from 'vitest';
import { draftsFromPages, type PageText, type TextRun } from '../../../electron/services/importers/pdf-layout';
import { joinLines, resolveHyphens } from '../../../electron/services/importers/pdf-text';

const HEIGHT = 792;
/** A page of lines (one run each) from the top, 14 pt apart, a blank line where `text` is ''. */
function page(lines: readonly (string | Readonly<{ text: string; size: number }>)[], extra: readonly TextRun[] = []): PageText {
  const runs: TextRun[] = [];
  let y = 700;
  for (const line of lines) {
    const { text, size } = typeof line === 'string' ? { text: line, size: 11 } : line;
    if (text !== '') runs.push({ text, x: 72, y, width: text.length * size * 0.5, size });
    y -= text === '' ? 14 : size * 1.3;
  }
  return { width: 612, height: HEIGHT, runs: [...extra, ...runs] };
}
const header = (n: number): TextRun[] => [
  { text: 'The Daily Record — March 5, 2024', x: 72, y: 760, width: 200, size: 8 },
  { text: `Page ${n} of 2`, x: 500, y: 30, width: 40, size: 8 },
];

describe('PDF reading order', () => {
  it('drops running headers and page numbers, rejoins a paragraph across pages, keeps pages', () => {
    const { drafts } = draftsFromPages([
      page([{ text: 'Council backs tram', size: 20 }, '', 'The council voted on Tuesday to build', 'a tram line across the'], header(1)),
      page(['river, officials said.', '', 'Fares will fall.'], header(2)),
    ]);
    expect(drafts).toEqual([
      { type: 'heading', level: 1, text: 'Council backs tram', page: 1 },
      { type: 'paragraph', text: 'The council voted on Tuesday to build a tram line across the river, officials said.', page: 1 },
      { type: 'paragraph', text: 'Fares will fall.', page: 2 },
    ]);
  });

  it('normalises ligatures and soft hyphens, and undoes hyphenation at line ends', () => {
    const { drafts } = draftsFromPages([page(['The \ufb01nal \ufb02ood report from the govern-', 'ment was re\u00ad', 'leased on Friday.'])]);
    expect(drafts.map((d) => d.text)).toEqual(['The final flood report from the government was released on Friday.']);
  });

  it('keeps a compound hyphen the document writes elsewhere, or after a capitalised word', () => {
    expect(resolveHyphens([joinLines('a well-', 'known plan'), 'the well-known mayor', joinLines('the Japanese-', 'backed text')])).toEqual([
      'a well-known plan',
      'the well-known mayor',
      'the Japanese-backed text',
    ]);
    expect(resolveHyphens([joinLines('the govern-', 'ment said'), 'the government'])).toEqual(['the government said', 'the government']);
  });

  it('counts glyphs without text and leaves them out', () => {
    const { drafts, unreadable } = draftsFromPages([page(['Tokyo \u0000\u0000 said'])]);
    expect(drafts.map((d) => d.text)).toEqual(['Tokyo said']);
    expect(unreadable).toBe(2);
  });
});
