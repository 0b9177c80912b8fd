/**
 * The suggestions speed bench (#15), on generated articles (./synthetic):
 * - a 5 KB article through the service, as getSuggestions runs it (SuggestionService.get: the
 *   article read, the engine's steps and the fit to the schema in the time slicer's slices; a new
 *   service each run, so nothing is remembered): median, budget 30 ms;
 * - a 1 MB article the same way: total, budget 1.5 s, and the longest stretch the event loop was
 *   held meanwhile (the longest gap between turns of a 1 ms interval timer), budget 50 ms;
 * - `claimdesk suggest --out` over a generated 1 MB workspace: budget 1 MB of text a second,
 *   shown as ms per MB so that it reads like the other figures (at most 1,000 ms). */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from '../../electron/cli';
import { WorkspaceLexicons } from '../../electron/services/suggestions/lexicon';
import { SuggestionService } from '../../electron/services/suggestions/service';
import { Workspace } from '../../electron/services/workspace';
import type { Block } from '../../shared/model/types';
import { documentEntry, median } from '../synthetic-workspace';
import { syntheticArticle } from './synthetic';
import type { BudgetRow } from '../budget-row';

const SMALL = 5_000;
const LARGE = 1_000_000;
const SMALL_RUNS = 21;
const SMALL_BUDGET_MS = 30;
const LARGE_BUDGET_MS = 1_500;
const BLOCKED_BUDGET_MS = 50;
/** The watcher's interval: short, so that a long stretch is seen to within a ms or two. */
const WATCH_MS = 1;

/**
 * Starts watching the event loop: an interval timer notes when each of its turns comes.
 * @returns a function that stops watching and gives the longest time between two turns (ms)
 */
function watchEventLoop(): () => number {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, WATCH_MS);
  return () => {
    clearInterval(timer);
    return Math.max(longest, performance.now() - last);
  };
}

/** Documents in the generated workspace for `claimdesk suggest`, and each one's length: 1 MB of text in all. */
const CLI_DOCUMENTS = 200;
const CLI_LENGTH = 5_000;
const CLI_BUDGET_MS_PER_MB = 1_000;

/** The layer the bench asks for (an annotator's). */
const LAYER = 'bench';

/**
 * Times one getSuggestions (with compute) of a document, through a new service (nothing remembered).
 * @returns its wall time and the longest stretch the event loop was held (ms)
 * @throws Error when the engine proposes nothing on the article (the figure would time no work)
 */
async function timed(ws: Workspace, lexicons: WorkspaceLexicons, docId: string): Promise<{ ms: number; blockedMs: number }> {
  const service = new SuggestionService(
    () => ws,
    (workspace) => lexicons.of(workspace),
  );
  const stop = watchEventLoop();
  const started = performance.now();
  const { set } = await service.get(docId, LAYER, true);
  const ms = performance.now() - started;
  const blockedMs = stop();
  if (set.suggestions.length === 0) throw new Error('the engine proposed nothing on the generated article: the speed figures would time no work');
  return { ms, blockedMs };
}

/**
 * Measures the figures.
 * @throws Error when a run times no work or the command fails (see timed and cliMsPerMb)
 */
export async function benchSuggestSpeed(): Promise<BudgetRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-bench-suggest-'));
  try {
    const ws = await Workspace.open(join(dir, 'ws'), { mergeDriver: null });
    const [small, large] = await importArticles(ws, [syntheticArticle(SMALL, 15), syntheticArticle(LARGE, 16)]);
    const lexicons = new WorkspaceLexicons();
    const times: number[] = [];
    for (let run = 0; run < SMALL_RUNS; run++) times.push((await timed(ws, lexicons, small!)).ms);
    const largeRun = await timed(ws, lexicons, large!);
    await ws.close();
    return [
      { name: `suggestions for a 5 KB article, in the service (median of ${SMALL_RUNS})`, ms: median(times), budgetMs: SMALL_BUDGET_MS },
      { name: 'suggestions for a 1 MB article, in the service', ms: largeRun.ms, budgetMs: LARGE_BUDGET_MS },
      { name: 'longest stretch the event loop was held meanwhile', ms: largeRun.blockedMs, budgetMs: BLOCKED_BUDGET_MS },
      {
        name: '`claimdesk suggest --out` over a workspace of 1 MB, per MB of text (≥ 1 MB/s)',
        ms: await cliMsPerMb(),
        budgetMs: CLI_BUDGET_MS_PER_MB,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Imports generated articles (text and blocks as generated) into a workspace.
 * @returns their document ids, in order
 * @throws Error when one cannot be imported
 */
async function importArticles(ws: Workspace, articles: readonly Readonly<{ text: string; blocks: readonly Block[] }>[]): Promise<string[]> {
  const entries = articles.map(({ text, blocks }, d) => {
    const entry = documentEntry(d, text, { title: `Article ${d}`, status: 'new', annotations: [], relations: [] });
    return { ...entry, doc: { ...entry.doc, blocks } };
  });
  const report = await ws.importAnnotatedDocuments(entries, { annotator: LAYER, fallback: LAYER });
  if (report.failed.length > 0) throw new Error(`suggest bench: ${report.failed[0]!.reason}`);
  return report.imported.map((entry) => entry.row.id);
}

/**
 * Times `claimdesk suggest --workspace W --out FILE.jsonl`, run in process as the command runs
 * it (without Node's start), over a generated workspace of CLI_DOCUMENTS articles.
 * @returns milliseconds per MB of text (UTF-8)
 * @throws Error when the workspace cannot be made, the command fails, or its file does not hold a record per document
 */
async function cliMsPerMb(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-bench-suggest-'));
  try {
    const workspace = join(dir, 'ws');
    const ws = await Workspace.open(workspace, { mergeDriver: null });
    const articles = Array.from({ length: CLI_DOCUMENTS }, (_, d) => syntheticArticle(CLI_LENGTH, 100 + d));
    const bytes = articles.reduce((n, { text }) => n + Buffer.byteLength(text, 'utf8'), 0);
    await importArticles(ws, articles);
    await ws.close();
    const out = join(dir, 'suggestions.jsonl');
    const errors: string[] = [];
    const started = performance.now();
    const code = await runCli(['suggest', '--workspace', workspace, '--out', out], { out: () => {}, err: (line) => errors.push(line) });
    const ms = performance.now() - started;
    if (code !== 0) throw new Error(`claimdesk suggest ended with ${code}: ${errors.join(' ')}`);
    // The header, then one record per document.
    const records = (await readFile(out, 'utf8')).split('\n').filter((l) => l !== '').length - 1;
    if (records !== CLI_DOCUMENTS) throw new Error(`claimdesk suggest wrote ${records} records for ${CLI_DOCUMENTS} documents`);
    return ms / (bytes / 1e6);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
