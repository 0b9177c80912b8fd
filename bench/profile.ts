/**
 * `npx tsx bench/profile.ts [5kb|100kb|1mb|layers|list] [runs]`: where the time of opening a document from
 * the list goes (`list`: of painting the 5,000-document list from navigation, bundle evaluation included), for the closing notes of performance work (#14). Opens the case like the
 * workbench benchmark does (fresh context, click in the list, until every highlight is painted)
 * with the renderer's CPU profiler on, and prints: the API calls made during the open (their
 * share of the wall time), the browser's own split (script, style, layout) from
 * Performance.getMetrics, and the functions with the most self time. With `PROFILE_OUT=dir`, each open's renderer profile is written
 * there as `<case>-<run>.cpuprofile` (DevTools opens it; its call tree says which effect of the open costs what). Only observes: it changes nothing in the app.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession } from '@playwright/test';
import { chromiumExecutable } from '../tests/e2e/support/browser';
import { loadSamples } from './corpus';
import { ANALYST_LAYER, BROWSER_ARGS, SEED, WB, bigWorkspace, bundleProbe, ensureBuilt, newPage, openWorkbench, startHost } from './workbench';
import { docCases, type DocCase } from './workbench-cases';

type Probe = {
  openFromList(docId: string, t: typeof WB, expected: number[], total: number): Promise<{ t0: number; firstMs: number; wholeMs: number }>;
  fetchLog(): readonly { method: string; start: number; end: number }[];
  listPainted(): Promise<number>;
};
declare const __cdBench: Probe;

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const which = (process.argv[2] ?? '5kb').toLowerCase();
const runs = Number(process.argv[3] ?? 3);

/** Time per function with its callees (ms; each sample counted once per function on its stack), largest first. */
function totalTimes(profile: Profile): [string, number][] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes as (ProfileNode & { children?: number[] })[]) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const { functionName, url, lineNumber } = byId.get(n)!.callFrame;
      // The app's files: the entry (index-*.js) and the app it imports (mount-*.js).
      if (!url.includes('/assets/')) continue;
      seen.add(`${functionName || '(anonymous)'} ${url.split('/').pop()?.split('-')[0] ?? ''}:${lineNumber + 1}`);
    }
    for (const key of seen) totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Self time per function (ms), largest first. */
function selfTimes(profile: Profile): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const { functionName, url, lineNumber, columnNumber } = n.callFrame;
    // The column too: the bundle is minified, a line holds a whole library.
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}:${columnNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: m } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(m.map((x) => [x.name, x.value]));
}

/** The call stacks (bundle line:column) in which `name` was sampled, with their time: `CALLERS=getBoundingClientRect` says who forced a layout. */
function callersOf(profile: Profile, name: string): [string, number][] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes as (ProfileNode & { children?: number[] })[]) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const stacks = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (byId.get(id)!.callFrame.functionName !== name) return;
    const frames: string[] = [];
    for (let n = parent.get(id); n !== undefined && frames.length < 8; n = parent.get(n)) {
      const { functionName, lineNumber, columnNumber } = byId.get(n)!.callFrame;
      frames.push(`${functionName || '(anonymous)'}:${lineNumber + 1}:${columnNumber + 1}`);
    }
    const key = frames.join(' < ');
    stacks.set(key, (stacks.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...stacks].sort((a, b) => b[1] - a[1]);
}

/** The functions with the most self time, then the app's functions with their callees. */
function printProfile(profile: Profile): void {
  const callers = process.env.CALLERS;
  if (callers)
    for (const [stack, ms] of callersOf(profile, callers).slice(0, 5)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${callers} < ${stack}`);
  for (const [fn, ms] of selfTimes(profile)
    .filter(([k]) => !k.startsWith('(idle)'))
    .slice(0, 25))
    console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${fn}`);
  console.log('  -- with callees (app code):');
  for (const [fn, ms] of totalTimes(profile).slice(0, Number(process.env.TOTALS ?? 40))) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${fn}`);
}

/** Navigation to the 5,000-document workspace until the list is painted, profiled from before the navigation. */
async function profileList(url: string, probe: string): Promise<void> {
  const browser = await chromium.launch({ headless: true, executablePath: chromiumExecutable(), args: BROWSER_ARGS });
  try {
    for (let r = 0; r < runs; r++) {
      const { context, page } = await newPage(browser, probe);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      await page.goto(url);
      const painted = await page.evaluate(() => __cdBench.listPainted());
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      const m = await metrics(cdp);
      const ms = (k: string) => ((m[k] ?? 0) * 1000).toFixed(1);
      console.log(`\n## list, run ${r + 1}: painted ${painted.toFixed(1)} ms from navigation`);
      console.log(
        `  browser: script ${ms('ScriptDuration')} ms, style ${ms('RecalcStyleDuration')} ms, layout ${ms('LayoutDuration')} ms (${m['LayoutCount']} layouts), tasks ${ms('TaskDuration')} ms`,
      );
      // The page's own files (the API calls are listed below): when each arrived, against the paint.
      for (const e of await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((r) => (r as PerformanceResourceTiming).initiatorType !== 'fetch')
          .map((r) => ({ name: r.name.split('/').pop() ?? '', start: r.startTime, end: (r as PerformanceResourceTiming).responseEnd })),
      ))
        console.log(`  file ${e.name}: ${e.start.toFixed(1)} -> ${e.end.toFixed(1)} ms`);
      for (const f of await page.evaluate(() => __cdBench.fetchLog()))
        console.log(`  api ${f.method}: ${f.start.toFixed(1)} -> ${f.end.toFixed(1)} ms (${(f.end - f.start).toFixed(1)} ms)`);
      printProfile(profile);
      if (process.env.PROFILE_OUT) await writeFile(join(process.env.PROFILE_OUT, `list-${r + 1}.cpuprofile`), JSON.stringify(profile));
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

async function profileOpen(c: DocCase, url: string, probe: string): Promise<void> {
  const browser = await chromium.launch({ headless: true, executablePath: chromiumExecutable(), args: BROWSER_ARGS });
  try {
    for (let r = 0; r < runs; r++) {
      const { context, page } = await openWorkbench(browser, probe, url);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      const before = await metrics(cdp);
      const callsBefore = (await page.evaluate(() => __cdBench.fetchLog())).length;
      await cdp.send('Profiler.start');
      const open = await page.evaluate(([id, t, e, n]) => __cdBench.openFromList(id, t, e, n), [c.doc.id, WB, c.expected, c.total] as const);
      const t0 = open.t0;
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      if (process.env.PROFILE_OUT) await writeFile(join(process.env.PROFILE_OUT, `${c.key}-${r + 1}.cpuprofile`), JSON.stringify(profile));
      const after = await metrics(cdp);
      const calls = (await page.evaluate(() => __cdBench.fetchLog())).slice(callsBefore);
      const d = (k: string) => ((after[k] ?? 0) - (before[k] ?? 0)) * 1000;
      console.log(`\n## ${c.name}, run ${r + 1}: first screen ${open.firstMs.toFixed(1)} ms, whole ${open.wholeMs.toFixed(1)} ms`);
      for (const f of calls)
        console.log(`  api ${f.method}: ${(f.start - t0).toFixed(1)} -> ${(f.end - t0).toFixed(1)} ms (${(f.end - f.start).toFixed(1)} ms)`);
      console.log(
        `  browser: script ${d('ScriptDuration').toFixed(1)} ms, style ${d('RecalcStyleDuration').toFixed(1)} ms, layout ${d('LayoutDuration').toFixed(1)} ms, tasks ${d('TaskDuration').toFixed(1)} ms`,
      );
      printProfile(profile);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

ensureBuilt();
const samples = await loadSamples();
if (which === 'list') {
  const host = await startHost((await bigWorkspace(samples)).dir);
  try {
    await profileList(host.url, await bundleProbe());
  } finally {
    host.stop();
  }
  process.exit(0);
}
const dir = await mkdtemp(join(tmpdir(), 'claimdesk-profile-'));
try {
  const cases = await docCases(samples, dir, SEED, ANALYST_LAYER);
  const c = cases.find((k) => k.key === which);
  if (!c) throw new Error(`no case ${which}: say ${cases.map((k) => k.key).join(', ')}`);
  const host = await startHost(dir);
  try {
    await profileOpen(c, host.url, await bundleProbe());
  } finally {
    host.stop();
  }
} finally {
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
}
