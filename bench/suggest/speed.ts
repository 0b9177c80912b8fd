/**
 * The suggestions speed bench (#15), on generated articles (./synthetic): a 5 KB article
 * through the engine's steps driven by the service's time slicer (median of runs, budget 30 ms);
 * a 1 MB article the same way (total, budget 1.5 s), with the longest stretch the event loop was
 * held meanwhile (the longest gap between the turns of a 1 ms interval timer, budget 50 ms); and `claimdesk suggest`
 * over a workspace (budget 1 MB of text a second, shown as ms per MB so that it reads like the
 * other figures: at most 1,000 ms).
 */
import { performance } from 'node:perf_hooks';
import { suggestSteps } from '../../shared/suggest/engine';
import type { SuggestInput, SuggestionSet } from '../../shared/suggest/types';
import { timeSlicer } from '../../electron/services/store/time-slice';
import { median } from '../synthetic-workspace';
import { syntheticArticle } from './synthetic';

/** One figure with its budget, as bench/run.ts's budget tables print it. */
export type SpeedRow = Readonly<{ name: string; ms: number; budgetMs: number }>;
/** The figures measured, and a line for each that could not be. */
export type SpeedResult = Readonly<{ rows: readonly SpeedRow[]; notes: readonly string[] }>;

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

/** Runs the engine's steps as the service does: a pause after each step, yielding once a time slice is used up. */
async function suggestInSlices(input: SuggestInput): Promise<SuggestionSet> {
  const pause = timeSlicer();
  const steps = suggestSteps(input);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}

/**
 * Times one sliced run.
 * @returns its wall time and the longest stretch the event loop was held (ms)
 * @throws Error when the engine proposes nothing on the article (the figure would time no work)
 */
async function timed(input: SuggestInput): Promise<{ ms: number; blockedMs: number }> {
  const stop = watchEventLoop();
  const started = performance.now();
  const set = await suggestInSlices(input);
  const ms = performance.now() - started;
  const blockedMs = stop();
  if (set.suggestions.length === 0) throw new Error('the engine proposed nothing on the generated article: the speed figures would time no work');
  return { ms, blockedMs };
}

/** Measures the figures. */
export async function benchSuggestSpeed(): Promise<SpeedResult> {
  const small = syntheticArticle(SMALL, 15);
  const times: number[] = [];
  for (let run = 0; run < SMALL_RUNS; run++) times.push((await timed(small)).ms);
  const large = await timed(syntheticArticle(LARGE, 16));
  return {
    rows: [
      { name: `suggestions for a 5 KB article, in time slices (median of ${SMALL_RUNS})`, ms: median(times), budgetMs: SMALL_BUDGET_MS },
      { name: 'suggestions for a 1 MB article, in time slices', ms: large.ms, budgetMs: LARGE_BUDGET_MS },
      { name: 'longest stretch the event loop was held meanwhile', ms: large.blockedMs, budgetMs: BLOCKED_BUDGET_MS },
    ],
    notes: ['`claimdesk suggest` over a workspace (budget ≥ 1 MB/s): not yet available (the CLI command has not landed).'],
  };
}
