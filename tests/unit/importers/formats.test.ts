/**
 * Format rules that the golden files show only in passing: the .txt headline rule, markdown
 * front matter, and how the HTML importer picks the headline, metadata and what it cuts.
 */
import { describe, expect, it } from 'vitest';
import { importArticle, type Article } from '../../../electron/services/importers';
import { blockInvariantViolations } from './article-invariants';

const importString = async (name: string, source: string): Promise<Article> => {
  const article = await importArticle(name, new TextEncoder().encode(source));
  expect(blockInvariantViolations(article)).toEqual([]);
  return article;
};
const blockTexts = (a: Article) => a.blocks.map((b) => `${b.type}${b.level ?? ''}: ${a.text.slice(b.start, b.end)}`);

describe('.txt headline', () => {
  it('is the first line when a blank line and more text follow', async () => {
    const a = await importString('x.txt', '\n\nStrike ends at port\n\nDockers voted to return, the union said.');
    expect(a.title).toBe('Strike ends at port');
    expect(blockTexts(a)).toEqual(['heading1: Strike ends at port', 'paragraph: Dockers voted to return, the union said.']);
  });

  it.each([
    ['a lone line (nothing follows it)', 'Strike ends at port\n\n'],
    ['a hard-wrapped first paragraph', 'Strike ends\nat port\n\nMore.'],
    ['a first line that ends like a sentence', 'Dockers voted to return to work on Monday.\n\nMore.'],
    ['a quoted first line', '> "We won," a docker said\n\nMore.'],
    ['a first line over 200 characters', `${'word '.repeat(41)}\n\nMore.`],
  ])('is not taken from %s: the file name is the title', async (_, source) => {
    const a = await importString('port-strike.txt', source);
    expect(a.title).toBe('port-strike');
    expect(a.blocks[0]?.type).not.toBe('heading');
  });
});

describe('markdown front matter', () => {
  it('supplies title, date, author, description and lang, and stays out of the text', async () => {
    const a = await importString(
      'fm.md',
      [
        '---',
        'title: "Fares rise: what it means"   ',
        'author: [\'Ana Ruiz\', "Bo Li"]',
        'date: 2024-03-01 # local time',
        'description: >',
        '  folded text is not a simple key',
        'lang: es',
        'tags:',
        '  - transit',
        '...',
        '# A different H1',
        '',
        'Body.',
      ].join('\n'),
    );
    expect(a.title).toBe('Fares rise: what it means');
    expect(a.meta).toEqual({ byline: 'Ana Ruiz, Bo Li', publishedAt: '2024-03-01', lang: 'es', encoding: 'utf-8' });
    expect(a.text).toBe('A different H1\n\nBody.');
  });

  it('falls back to the first level-1 heading, then the file name', async () => {
    expect((await importString('a.md', '## Sub\n\n# Main\n\nText.')).title).toBe('Main');
    expect((await importString('b-story.md', '## Sub\n\nText.')).title).toBe('b-story');
  });
});

describe('html', () => {
  const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
  const story =
    '<p>The council met on Monday and agreed, according to minutes seen by reporters, to delay the vote on the new budget until March.</p><p>"We need more time," a council member said.</p>';

  it("keeps Readability's title when the only <h1> is the site logo", async () => {
    const a = await importString(
      'logo.html',
      page(
        '<title>Budget vote delayed until March – Journal du Port</title>',
        `<header><h1>Journal du Port</h1></header><article>${story}</article>`,
      ),
    );
    expect(a.title).not.toBe('Journal du Port');
    expect(a.title).toContain('Budget vote delayed until March');
    expect(blockTexts(a)[0]).toBe(`heading1: ${a.title}`);
  });

  it('reads metadata from JSON-LD when the page has no meta tags', async () => {
    const jsonLd =
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Budget vote delayed","datePublished":"2024-02-02T10:00:00Z","author":{"@type":"Person","name":"Ana Ruiz"},"publisher":{"@type":"Organization","name":"Journal du Port"}}</script>';
    const a = await importString('ld.html', page(jsonLd, `<article>${story}</article>`));
    expect(a.title).toBe('Budget vote delayed');
    expect(a.meta).toMatchObject({ byline: 'Ana Ruiz', publishedAt: '2024-02-02T10:00:00Z', siteName: 'Journal du Port' });
  });

  it('never imports script or style text, even when a script is never closed', async () => {
    const a = await importString(
      'open-script.html',
      page(
        '<style>p::after { content: "STYLE" }</style>',
        `<article>${story}<script>var secret = "SCRIPT";</script><p>Last paragraph here, and the last one the council member spoke about.</p><script>document.write("<p>UNCLOSED</p>")`,
      ),
    );
    expect(a.text).not.toMatch(/STYLE|SCRIPT|secret|UNCLOSED/);
    expect(a.text).toContain('Last paragraph here');
  });

  it('reads a canonical link before og:url', async () => {
    const head = '<link rel="alternate canonical" href="https://a.example/story"><meta property="og:url" content="https://b.example/story">';
    expect((await importString('c.html', page(head, `<article>${story}</article>`))).meta.canonicalUrl).toBe('https://a.example/story');
  });
});
