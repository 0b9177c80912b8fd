/**
 * Extraction-quality benchmark: every page in bench/extraction/pages (NN-site.html) is imported
 * with Claimdesk's real importer, and its body (the blocks after the headline block) is scored
 * against the hand-written expected body beside it (NN-site.txt) with token precision, recall
 * and F1. Readability.js alone, run on the same page, is the reference column. The expected files
 * are ground truth: they are never edited to match an output.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importArticle } from '../../electron/services/importers';
import { averageScores, scoreTokens, type Averages, type Score } from './score';

const PAGES = join(import.meta.dirname, 'pages');
const WORST_SHOWN = 5;

/** One page's figures. */
export type PageResult = Readonly<{ page: string; claimdesk: Score; readability: Score; ms: number; error?: string }>;

/** The whole run. */
export type ExtractionResult = Readonly<{ pages: readonly PageResult[]; claimdesk: Averages; readability: Averages; totalMs: number }>;

/**
 * Runs the benchmark over every page.
 * @throws Error when a page has no expected .txt beside it (a page without ground truth scores nothing)
 */
export async function runExtractionBench(): Promise<ExtractionResult> {
  const names = (await readdir(PAGES)).filter((n) => n.endsWith('.html')).sort();
  const pages: PageResult[] = [];
  let totalMs = 0;
  for (const name of names) {
    const bytes = await readFile(join(PAGES, name));
    const expected = await readFile(join(PAGES, name.replace(/\.html$/, '.txt')), 'utf8').catch(() => {
      throw new Error(`bench/extraction/pages/${name} has no expected body; write ${name.replace(/\.html$/, '.txt')} by hand beside it`);
    });
    const started = performance.now();
    let body = '';
    let error: string | undefined;
    try {
      body = bodyOf(await importArticle(name, new Uint8Array(bytes)));
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const ms = performance.now() - started;
    totalMs += ms;
    const reference = await readabilityBody(bytes.toString('utf8'));
    pages.push({
      page: name.replace(/\.html$/, ''),
      claimdesk: scoreTokens(body, expected),
      readability: scoreTokens(reference, expected),
      ms,
      ...(error ? { error } : {}),
    });
  }
  return {
    pages,
    claimdesk: averageScores(pages.map((p) => p.claimdesk)),
    readability: averageScores(pages.map((p) => p.readability)),
    totalMs,
  };
}

/** The article's text without its headline block (block 0 when it is the level-1 heading). */
function bodyOf(article: Awaited<ReturnType<typeof importArticle>>): string {
  const [first, ...rest] = article.blocks;
  const blocks = first?.type === 'heading' && first.level === 1 ? rest : article.blocks;
  return blocks.map((b) => article.text.slice(b.start, b.end)).join('\n\n');
}

/**
 * Readability.js alone: the page in a script-less jsdom, Readability's text content, less a
 * leading heading that repeats its title (as Claimdesk's headline block is not counted either).
 */
async function readabilityBody(html: string): Promise<string> {
  const [{ JSDOM, VirtualConsole }, { Readability }] = await Promise.all([import('jsdom'), import('@mozilla/readability')]);
  const { document } = new JSDOM(html, { virtualConsole: new VirtualConsole() }).window;
  const parsed = new Readability(document).parse();
  if (!parsed?.content) return '';
  // A line break after each block's end tag, so that the text content keeps words of adjacent blocks apart.
  const spaced = parsed.content.replace(/<\/(p|div|li|h[1-6]|blockquote|tr|td|th|pre|section|figure|dt|dd)>/gi, '$&\n');
  const content = new JSDOM(spaced, { virtualConsole: new VirtualConsole() }).window.document;
  const first = content.querySelector('h1, h2');
  if (first && (first.textContent ?? '').trim() === (parsed.title ?? '').trim()) first.remove();
  return content.body.textContent ?? '';
}

const pct = (x: number): string => x.toFixed(3);

/** The summary table, then the worst pages for Claimdesk, as Markdown. */
export function formatExtractionTable(result: ExtractionResult): string {
  const row = (name: string, a: Averages): string =>
    `| ${name} | ${pct(a.micro.precision)} | ${pct(a.micro.recall)} | ${pct(a.micro.f1)} | ${pct(a.macroPrecision)} | ${pct(a.macroRecall)} | ${pct(a.macroF1)} |`;
  const worst = [...result.pages].sort((a, b) => a.claimdesk.f1 - b.claimdesk.f1).slice(0, WORST_SHOWN);
  return [
    `${result.pages.length} pages; Claimdesk import ${result.totalMs.toFixed(0)} ms in all (${(result.totalMs / result.pages.length).toFixed(1)} ms/page)`,
    '',
    '| extractor | micro P | micro R | micro F1 | macro P | macro R | macro F1 |',
    '|---|---|---|---|---|---|---|',
    row('Claimdesk', result.claimdesk),
    row('Readability.js', result.readability),
    '',
    `Worst ${WORST_SHOWN} pages for Claimdesk:`,
    '',
    '| page | P | R | F1 | Readability F1 | note |',
    '|---|---|---|---|---|---|',
    ...worst.map(
      (p) =>
        `| ${p.page} | ${pct(p.claimdesk.precision)} | ${pct(p.claimdesk.recall)} | ${pct(p.claimdesk.f1)} | ${pct(p.readability.f1)} | ${p.error ?? ''} |`,
    ),
  ].join('\n');
}
