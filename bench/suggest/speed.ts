/**
 * The suggestions speed bench (#15), on generated articles (./synthetic):
 * - a 5 KB article through the service's engine run (SuggestionCache: the engine's steps in the
 *   time slicer's slices; a new cache each run, so nothing is remembered): median, budget 30 ms;
 * - a 1 MB article the same way: total, budget 1.5 s, and the longest stretch the event loop was
 *   held meanwhile (the longest gap between turns of a 1 ms interval timer), budget 50 ms;
 * - `claimdesk suggest --out` over a generated 1 MB workspace: budget 1 MB of text a second,
 *   shown as ms per MB so that it reads like the other figures (at most 1,000 ms). */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from '../../electron/cli';
import { SuggestionCache, type SuggestArticle } from '../../electron/services/suggestions/compute';
import { Workspace } from '../../electron/services/workspace';
import { documentEntry, median } from '../synthetic-workspace';
import { syntheticArticle } from './synthetic';

/** One figure with its budget, as bench/run.ts's budget tables print it. */
export type SpeedRow = Readonly<{ name: string; ms: number; budgetMs: number }>;

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

/**
 * Times one sliced run.
 * @returns its wall time and the longest stretch the event loop was held (ms)
 * @throws Error when the engine proposes nothing on the article (the figure would time no work)
 */
async function timed(article: SuggestArticle): Promise<{ ms: number; blockedMs: number }> {
  const stop = watchEventLoop();
  const started = performance.now();
  const set = await new SuggestionCache().suggestionsFor(article, { version: 0, lexicon: { cues: [], sources: [] } });
  const ms = performance.now() - started;
  const blockedMs = stop();
  if (set.suggestions.length === 0) throw new Error('the engine proposed nothing on the generated article: the speed figures would time no work');
  return { ms, blockedMs };
}

/**
 * Measures the figures.
 * @throws Error when a run times no work or the command fails (see timed and cliMsPerMb)
 */
export async function benchSuggestSpeed(): Promise<SpeedRow[]> {
  const small = syntheticArticle(SMALL, 15);
  const times: number[] = [];
  for (let run = 0; run < SMALL_RUNS; run++) times.push((await timed(small)).ms);
  const large = await timed(syntheticArticle(LARGE, 16));
  return [
    { name: `suggestions for a 5 KB article, in time slices (median of ${SMALL_RUNS})`, ms: median(times), budgetMs: SMALL_BUDGET_MS },
    { name: 'suggestions for a 1 MB article, in time slices', ms: large.ms, budgetMs: LARGE_BUDGET_MS },
    { name: 'longest stretch the event loop was held meanwhile', ms: large.blockedMs, budgetMs: BLOCKED_BUDGET_MS },
    { name: '`claimdesk suggest --out` over a workspace of 1 MB, per MB of text (≥ 1 MB/s)', ms: await cliMsPerMb(), budgetMs: CLI_BUDGET_MS_PER_MB },
  ];
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
    let bytes = 0;
    const entries = Array.from({ length: CLI_DOCUMENTS }, (_, d) => {
      const { text, blocks } = syntheticArticle(CLI_LENGTH, 100 + d);
      bytes += Buffer.byteLength(text, 'utf8');
      const entry = documentEntry(d, text, { title: `Article ${d}`, status: 'new', annotations: [], relations: [] });
      return { ...entry, doc: { ...entry.doc, blocks } };
    });
    const report = await ws.importAnnotatedDocuments(entries, { annotator: 'bench', fallback: 'bench' });
    await ws.close();
    if (report.failed.length > 0) throw new Error(`suggest bench: ${report.failed[0]!.reason}`);
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
