/**
 * `npx tsx bench/trace.ts [5kb|100kb|1mb|layers] [open|add] [runs]`: the renderer's main thread,
 * task by task, from the click that opens a case's document in the list (or from the hotkey that
 * tags a word in it) until it is painted, with each task's script, style recalculation (elements
 * restyled), layout (objects laid out of all) and paint, from a Chrome trace (#14). Where the
 * CPU profile (profile.ts) says which functions run, this says in which task and frame, and what
 * the browser did in between: a style or layout pass of its own, a task queued before the frame.
 * Times are ms from the event; `TRACE_OUT=dir` also writes each run's trace (DevTools opens it).
 * Only observes: it changes nothing in the app.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumExecutable } from '../tests/e2e/support/browser';
import { loadSamples } from './corpus';
import { ANALYST_LAYER, BROWSER_ARGS, SEED, WB, bundleProbe, ensureBuilt, openWorkbench, startHost } from './workbench';
import { docCases, type DocCase } from './workbench-cases';

type Probe = {
  openFromList(docId: string, t: typeof WB, expected: number[], total: number): Promise<{ firstMs: number; wholeMs: number }>;
  blocksOnScreen(t: typeof WB): number[];
  selectWord(t: typeof WB, block: number, word: number): string;
  armKey(t: typeof WB, block: number, change: 'added' | 'removed'): void;
  keyCount(): number;
  afterKey(k: number): Promise<{ syncMs: number; paintMs: number; ackMs: number }>;
};
declare const __cdBench: Probe;

/** A trace event as Chrome reports it (the fields read here). */
type TraceEvent = Readonly<{
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { type?: string; functionName?: string }; elementCount?: number; beginData?: { dirtyObjects?: number; totalObjects?: number } };
}>;

const which = (process.argv[2] ?? '5kb').toLowerCase();
const mode = process.argv[3] === 'add' ? 'add' : 'open';
const runs = Number(process.argv[4] ?? 3);
/** How long after the event tasks are listed (ms). */
const WINDOW_MS = Number(process.env.TRACE_MS ?? 120);
const SHOWN = new Set([
  'EventDispatch',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'Commit',
  'MajorGC',
  'MinorGC',
]);

/** What the task holds: its main events of 0.3 ms or more, in order. */
function describe(task: TraceEvent, inside: readonly TraceEvent[]): string {
  const end = task.ts + (task.dur ?? 0);
  return inside
    .filter((e) => e.ts >= task.ts && e.ts < end && (e.dur ?? 0) >= 300 && SHOWN.has(e.name))
    .map((e) => {
      const a = e.args;
      const what = a?.data?.type ?? a?.data?.functionName ?? '';
      const count =
        a?.elementCount !== undefined
          ? ` ${a.elementCount} el`
          : a?.beginData?.dirtyObjects !== undefined
            ? ` ${a.beginData.dirtyObjects}/${a.beginData.totalObjects} obj`
            : '';
      return `${e.name}${what ? `(${what})` : ''}${count} ${((e.dur ?? 0) / 1000).toFixed(1)}`;
    })
    .join(', ');
}

/** Opens the case (or tags a word in it) and says what it measured. */
async function act(page: Page, c: DocCase): Promise<string> {
  if (mode === 'open') {
    const open = await page.evaluate(([id, t, e, n]) => __cdBench.openFromList(id, t, e, n), [c.doc.id, WB, c.expected, c.total] as const);
    return `first screen ${open.firstMs.toFixed(1)} ms, whole ${open.wholeMs.toFixed(1)} ms`;
  }
  const block = (await page.evaluate((t) => __cdBench.blocksOnScreen(t), WB))[1]!;
  await page.evaluate(([t, b]) => __cdBench.selectWord(t, b, 3), [WB, block] as const);
  await page.waitForTimeout(50);
  await page.evaluate(([t, b]) => __cdBench.armKey(t, b, 'added'), [WB, block] as const);
  const k = await page.evaluate(() => __cdBench.keyCount());
  await page.keyboard.press('1');
  const r = await page.evaluate((i) => __cdBench.afterKey(i), k);
  return `sync ${r.syncMs.toFixed(1)} ms, painted ${r.paintMs.toFixed(1)} ms, save acknowledged ${r.ackMs.toFixed(1)} ms`;
}

ensureBuilt();
const dir = await mkdtemp(join(tmpdir(), 'claimdesk-trace-'));
const cases = await docCases(await loadSamples(), dir, SEED, ANALYST_LAYER);
const c = cases.find((k) => k.key === which);
if (!c) throw new Error(`no case ${which}: say ${cases.map((k) => k.key).join(', ')}`);
const host = await startHost(dir);
const browser = await chromium.launch({ headless: true, executablePath: chromiumExecutable(), args: BROWSER_ARGS });
try {
  const probe = await bundleProbe();
  for (let r = 0; r < runs; r++) {
    const { context, page } = await openWorkbench(browser, probe, host.url);
    if (mode === 'add') {
      await page.evaluate(([id, t, e, n]) => __cdBench.openFromList(id, t, e, n), [c.doc.id, WB, c.expected, c.total] as const);
      await page.waitForTimeout(300);
    }
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    // Chrome's trace events, typed by the protocol as string maps: the fields read here are described by TraceEvent.
    cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel', transferMode: 'ReportEvents' });
    const said = await act(page, c);
    await page.waitForTimeout(200);
    await cdp.send('Tracing.end');
    await complete;
    const trigger = events.find((e) => e.name === 'EventDispatch' && (e.args?.data?.type === 'click' || e.args?.data?.type === 'keydown'));
    if (!trigger) throw new Error('no click or key press in the trace');
    const main = events.filter((e) => e.pid === trigger.pid && e.tid === trigger.tid && e.ph === 'X');
    console.log(`\n## ${c.name}, ${mode}, run ${r + 1}: ${said}`);
    for (const task of main.filter(
      (e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts + (e.dur ?? 0) >= trigger.ts && e.ts <= trigger.ts + WINDOW_MS * 1000,
    )) {
      if ((task.dur ?? 0) < 300) continue;
      console.log(
        `  ${((task.ts - trigger.ts) / 1000).toFixed(1).padStart(7)} +${((task.dur ?? 0) / 1000).toFixed(1).padStart(5)}  ${describe(task, main)}`,
      );
    }
    if (process.env.TRACE_OUT)
      await writeFile(join(process.env.TRACE_OUT, `${c.key}-${mode}-${r + 1}.json`), JSON.stringify({ traceEvents: events }));
    await context.close();
  }
} finally {
  await browser.close();
  host.stop();
  await rm(dir, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined);
}
