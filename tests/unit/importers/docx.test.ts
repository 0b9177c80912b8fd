/**
 * Word (.docx) import, from real .docx files built here (OOXML parts zipped, see
 * tests/unit/support/docx.ts): structure kept as blocks, inline markup dropped, footnotes marked
 * at the end, core properties in the metadata, tracked changes accepted and comments left out
 * (both said in the report), and password-protected or damaged files refused by name with what to do.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle, ImportError } from '../../../electron/services/importers';
import { zip } from '../support/zip';
import { buildDocx, commented, deleted, footnoteRef, inserted, listPara, para, run, table } from '../support/docx';
import { blockInvariantViolations } from './article-invariants';

const ARTICLE = buildDocx({
  body: [
    para('Council backs tram plan', 'Title'),
    para([run('The council '), run('voted', 'b'), run(' on '), run('Tuesday', 'i'), run(' to build a tram line.'), footnoteRef(1)]),
    para('Costs', 'Heading1'),
    para('“We will build it,” the mayor said.', 'Quote'),
    para('The plan has three parts:'),
    listPara('a new line', 2),
    listPara('north of the river', 2, 1),
    listPara('lower fares', 2),
    listPara('a review', 1),
    table([
      ['Year', 'Budget'],
      ['2024', '€1.5m'],
    ]),
  ],
  core: { title: 'Tram plan & budget', creator: 'Ana Ruiz', created: '2024-03-01T09:00:00Z', modified: '2024-03-02T10:30:00Z' },
  footnotes: { 1: 'Minutes of the meeting of 5 March.' },
});

describe('Word import', () => {
  it('keeps headings, paragraphs, quotes, lists, table rows and footnotes as blocks', async () => {
    const article = await importArticle('tram.docx', ARTICLE);
    const blocks = article.blocks.map((b) => [b.type, b.level ?? null, b.ordered ?? null, article.text.slice(b.start, b.end)]);
    expect(blocks).toEqual([
      ['heading', 1, null, 'Council backs tram plan'],
      ['paragraph', null, null, 'The council voted on Tuesday to build a tram line.[1]'],
      ['heading', 1, null, 'Costs'],
      ['quote', null, null, '“We will build it,” the mayor said.'],
      ['paragraph', null, null, 'The plan has three parts:'],
      ['list_item', 1, true, 'a new line'],
      ['list_item', 2, false, 'north of the river'],
      ['list_item', 1, true, 'lower fares'],
      ['list_item', 1, false, 'a review'],
      ['paragraph', null, null, 'Year | Budget'],
      ['paragraph', null, null, '2024 | €1.5m'],
      ['paragraph', null, null, '[1] Minutes of the meeting of 5 March.'],
    ]);
    expect(blockInvariantViolations(article)).toEqual([]);
    expect(article.format).toBe('docx');
    expect(article.warnings).toEqual([]);
  });

  it('takes title, author and dates from the core properties', async () => {
    const article = await importArticle('tram.docx', ARTICLE);
    expect(article.title).toBe('Tram plan & budget');
    expect(article.meta).toEqual({ byline: 'Ana Ruiz', createdAt: '2024-03-01T09:00:00Z', modifiedAt: '2024-03-02T10:30:00Z' });
  });

  it('falls back to the first level-1 heading, then the file name, for the title', async () => {
    expect((await importArticle('a.docx', buildDocx({ body: [para('Headline', 'Heading1'), para('Body.')] }))).title).toBe('Headline');
    expect((await importArticle('notes-2024.docx', buildDocx({ body: [para('Body only.')] }))).title).toBe('notes-2024');
  });

  it('imports the accepted text of tracked changes, leaves comments out, and says both', async () => {
    const docx = buildDocx({
      body: [para([run('The vote was'), inserted(' unanimous'), deleted(' close'), run('.')]), para([run('A '), commented('remark'), run(' here.')])],
      comments: { 0: 'Check with the clerk' },
    });
    const article = await importArticle('edits.docx', docx);
    expect(article.text).toBe('The vote was unanimous.\n\nA remark here.');
    expect(article.text).not.toContain('Check with the clerk');
    expect(article.warnings).toEqual([
      'the document has tracked changes: the text was imported with all changes accepted',
      'the document has 1 comment: it was not imported',
    ]);
  });

  it('refuses a password-protected file by name, with what to do', async () => {
    // An encrypted .docx is an OLE compound file (D0 CF 11 E0 A1 B1 1A E1), not a ZIP package.
    const encrypted = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);
    const error = await importArticle('secret.docx', encrypted).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/^secret\.docx is password-protected .*remove the password or save it as \.docx, and import that file$/);
  });

  it.each([
    ['not a zip', new TextEncoder().encode('just some text, not a Word file')],
    ['cut short', ARTICLE.subarray(0, ARTICLE.length - 40)],
    ['no document part', zip({ '[Content_Types].xml': '<Types/>', 'word/other.xml': '<x/>' })],
  ])('refuses a damaged file (%s) by name, with what to do', async (_what, bytes) => {
    const error = await importArticle('broken.docx', bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(
      /^broken\.docx is a damaged Word file \(.+\); open it in Word, save it again as \.docx, and import that file$/,
    );
  });
});

describe('Word import of files saved by Microsoft Word', () => {
  const read = (name: string) => importArticle(name, readFileSync(join(__dirname, '../../fixtures/docx-word', name)));

  it.each([
    [
      'simple-list.docx',
      [
        ['list_item', 'Apple'],
        ['list_item', 'Banana'],
      ],
      [],
    ],
    [
      'tables.docx',
      [
        ['paragraph', 'Above'],
        ['paragraph', 'Top left | Top right'],
        ['paragraph', 'Bottom left | Bottom right'],
        ['paragraph', 'Below'],
      ],
      [],
    ],
    [
      'footnotes.docx',
      [
        ['paragraph', 'Ouch[1].[2]'],
        ['paragraph', '[1] A tachyon walks into a bar.'],
        ['paragraph', '[2] Fin.'],
      ],
      [],
    ],
    ['comments.docx', [['paragraph', 'Ouch.']], ['the document has 2 comments: they were not imported']],
  ])('%s: blocks, author and dates', async (name, expected, warnings) => {
    const article = await read(name);
    expect(article.blocks.map((b) => [b.type, article.text.slice(b.start, b.end)])).toEqual(expected);
    expect(article.warnings).toEqual(warnings);
    expect(article.meta.byline).toBe('Michael Williamson');
    expect(article.meta.createdAt).toMatch(/^20\d\d-\d\d-\d\dT/);
    expect(blockInvariantViolations(article)).toEqual([]);
  });
});
