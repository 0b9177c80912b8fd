/** Markdown lists become list items (depth and numbering kept), tables rows of text; the canonical layout holds. */
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../../electron/services/importers';
import { blockInvariantViolations } from './article-invariants';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('markdown lists and tables', () => {
  it('reads bullet, numbered, nested and loose lists as list items', async () => {
    const md = [
      '# Council vote',
      '',
      'The council agreed on:',
      '',
      '1. a new *tram* line',
      '   - north of the river',
      '   - south, later',
      '2. lower fares',
      '',
      'Open questions:',
      '',
      '* who pays',
      '',
      '* when',
      '',
      '  it starts',
    ].join('\n');
    const article = await importArticle('vote.md', utf8(md));
    const blocks = article.blocks.map((b) => ({ ...b, text: article.text.slice(b.start, b.end) }));
    expect(blocks.map(({ type, level, ordered, text }) => [type, level ?? null, ordered ?? null, text])).toEqual([
      ['heading', 1, null, 'Council vote'],
      ['paragraph', null, null, 'The council agreed on:'],
      ['list_item', 1, true, 'a new tram line'],
      ['list_item', 2, false, 'north of the river'],
      ['list_item', 2, false, 'south, later'],
      ['list_item', 1, true, 'lower fares'],
      ['paragraph', null, null, 'Open questions:'],
      ['list_item', 1, false, 'who pays'],
      ['list_item', 1, false, 'when\nit starts'],
    ]);
    expect(blockInvariantViolations(article)).toEqual([]);
  });

  it('keeps a list inside a block quote as quote blocks', async () => {
    const article = await importArticle('q.md', utf8('> She listed:\n>\n> - housing\n> - transit\n'));
    expect(article.blocks.map((b) => [b.type, article.text.slice(b.start, b.end)])).toEqual([
      ['quote', 'She listed:'],
      ['quote', 'housing'],
      ['quote', 'transit'],
    ]);
  });

  it('reads a table as one paragraph per row, cells joined by " | "', async () => {
    const article = await importArticle('t.md', utf8('| Year | Budget |\n|---|---|\n| 2023 | €1.2m |\n| 2024 | **€1.5m** |\n'));
    expect(article.blocks.map((b) => [b.type, article.text.slice(b.start, b.end)])).toEqual([
      ['paragraph', 'Year | Budget'],
      ['paragraph', '2023 | €1.2m'],
      ['paragraph', '2024 | €1.5m'],
    ]);
  });
});
