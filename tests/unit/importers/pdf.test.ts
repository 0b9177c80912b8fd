/**
 * PDF import from real PDFs: the samples printed by headless Chromium (one column; two CSS
 * columns with Chromium's running header and footer; a narrow column hyphenated at soft hyphens),
 * read back and checked against the source: paragraph order, and text by token F1, which must be
 * at least 0.98 (precision and recall over lowercased Unicode word tokens). A scan without a text
 * layer, an encrypted and a damaged PDF are refused by name with what to do. Chromium missing:
 * the printed cases skip plainly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importArticle, ImportError, type Article } from '../../../electron/services/importers';
import { passwordPdf, scanLikePdf } from '../support/pdf-bytes';
import { articlePage, HAS_CHROMIUM, printToPdf, tokenF1, tokens } from '../support/print-pdf';
import { blockInvariantViolations } from './article-invariants';

/** The F1 every printed case must reach (stated in the README). */
const MIN_F1 = 0.98;

type Source = { title: string; paragraphs: string[] };

async function sample(file: string): Promise<Source> {
  const article = await importArticle(file, readFileSync(join(__dirname, '../../../samples', file)));
  return { title: article.title, paragraphs: article.blocks.slice(1).map((b) => article.text.slice(b.start, b.end)) };
}

const texts = (article: Article): string[] => article.blocks.map((b) => article.text.slice(b.start, b.end));

/** Each source paragraph's first tokens are found in the blocks, in the source's order. */
function orderProblems(source: Pick<Source, 'paragraphs'>, article: Article): string[] {
  const blocks = texts(article).map((t) => tokens(t).join(' '));
  const problems: string[] = [];
  let at = 0;
  for (const paragraph of source.paragraphs) {
    const head = tokens(paragraph).slice(0, 8).join(' ');
    const found = blocks.findIndex((b, i) => i >= at && b.includes(head));
    if (found === -1) problems.push(`not found in order: ${head}`);
    else at = found;
  }
  return problems;
}

describe.skipIf(!HAS_CHROMIUM)('PDFs printed from the samples by Chromium', () => {
  let envoy: Source;
  let summit: Source;
  beforeAll(async () => {
    envoy = await sample('us-envoy-arrives-in-japan.txt');
    summit = await sample('multilingual-summit-report.txt');
  });

  it.each([
    ['envoy, one column', 1, false],
    ['envoy, two columns, running header and footer', 2, true],
  ] as const)('%s: paragraphs in order, token F1 >= 0.98, pages kept', async (_name, columns, headerFooter) => {
    const pdf = await printToPdf(articlePage(envoy.title, envoy.paragraphs, { columns }), { headerFooter });
    const article = await importArticle('envoy.pdf', pdf);
    const score = tokenF1([envoy.title, ...envoy.paragraphs].join('\n'), article.text);
    console.info(`${_name}: precision ${score.precision.toFixed(4)}, recall ${score.recall.toFixed(4)}, F1 ${score.f1.toFixed(4)}`);
    expect(score.f1).toBeGreaterThanOrEqual(MIN_F1);
    expect(orderProblems(envoy, article)).toEqual([]);
    expect(texts(article)).toEqual([envoy.title, ...envoy.paragraphs]); // in fact every paragraph comes back whole
    expect(article.blocks[0]).toMatchObject({ type: 'heading', level: 1, page: 1 });
    expect(article.blocks.at(-1)!.page).toBe(2);
    expect(article.title).toBe(envoy.title);
    expect(article.meta.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    expect(article.text).not.toMatch(/file:\/\/|\b\d\/2\b/); // Chromium's footer: the page's URL and "1/2"
    expect(blockInvariantViolations(article)).toEqual([]);
  });

  it('reads the multilingual sample (accents, Arabic, Hebrew, CJK, emoji) in two columns', async () => {
    const pdf = await printToPdf(articlePage(summit.title, summit.paragraphs, { columns: 2 }));
    const article = await importArticle('summit.pdf', pdf);
    // Without CJK and emoji fonts (none on the build machines) Chromium prints those glyphs as boxes with no
    // text behind them: the import says so, and the F1 is scored on the rest of the source.
    const unreadable = article.warnings.some((w) => /could not be read/.test(w));
    const readable = (text: string) => (unreadable ? text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' ') : text);
    const paragraphs = summit.paragraphs.map(readable);
    const score = tokenF1([summit.title, ...paragraphs].join('\n'), article.text);
    console.info(`summit, two columns: precision ${score.precision.toFixed(4)}, recall ${score.recall.toFixed(4)}, F1 ${score.f1.toFixed(4)}`);
    expect(score.f1).toBeGreaterThanOrEqual(MIN_F1);
    expect(orderProblems({ paragraphs }, article)).toEqual([]);
    expect(article.text).toContain('Chloé Perrin');
    expect(article.text).toContain('لا يمكن للدول الفقيرة أن تتحمل وحدها تكلفة موجات الحر.'); // right-to-left back in reading order
    expect(article.text).toContain('Jürgen Müller');
  });

  it('undoes hyphenation at line ends and drops soft hyphens', async () => {
    const words = ['international', 'administration', 'representatives', 'negotiations', 'parliamentary', 'infrastructure'];
    const paragraph = Array.from({ length: 12 }, (_, i) => `The ${words[i % words.length]} question came up again`).join(', ') + '.';
    const shy = paragraph.replace(/\b(\w{5})(\w{4,})/g, '$1&shy;$2');
    const pdf = await printToPdf(articlePage('Hyphens', [shy], { css: '.body{width:9em;hyphens:manual}' }));
    const article = await importArticle('hyphens.pdf', pdf);
    expect(texts(article)).toEqual(['Hyphens', paragraph]);
  });
});

describe('PDFs that cannot be imported', () => {
  it('a scan without a text layer: run OCR first', async () => {
    await expect(importArticle('scan.pdf', scanLikePdf())).rejects.toThrow(
      new ImportError('scan.pdf is probably a scan, with no text layer: run OCR first (for example ocrmypdf) and import the result'),
    );
  });

  it('an encrypted PDF that needs a password says so', async () => {
    await expect(importArticle('locked.pdf', passwordPdf())).rejects.toThrow(/^locked\.pdf is encrypted and needs a password: .*import that$/);
  });

  it('a damaged PDF is named, with what to do', async () => {
    const error = await importArticle('broken.pdf', new TextEncoder().encode('%PDF-1.7\nthis is not a PDF body')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(
      /^broken\.pdf is a damaged or unreadable PDF \(.+\); open it in a PDF reader, save or print it again as PDF, and import that$/,
    );
  });
});

describe('a PDF made by a word processor (LibreOffice Writer, tests/fixtures/pdf-writer)', () => {
  it('reads the sample back in order with token F1 >= 0.98', async () => {
    const fixture = join(__dirname, '../../fixtures/pdf-writer/envoy-writer.pdf');
    const article = await importArticle('envoy-writer.pdf', readFileSync(fixture));
    const envoy = await sample('us-envoy-arrives-in-japan.txt');
    const score = tokenF1([envoy.title, ...envoy.paragraphs].join('\n'), article.text);
    console.info(`LibreOffice Writer PDF: precision ${score.precision.toFixed(4)}, recall ${score.recall.toFixed(4)}, F1 ${score.f1.toFixed(4)}`);
    expect(score.f1).toBeGreaterThanOrEqual(MIN_F1);
    expect(orderProblems(envoy, article)).toEqual([]);
    expect(blockInvariantViolations(article)).toEqual([]);
  });
});
