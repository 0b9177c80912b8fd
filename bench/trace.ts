/**
 * `npx tsx bench/trace.ts [5kb|100kb|1mb|layers] [open|add|undo|bound] [runs]`: the renderer's main thread,
 * task by task, from the click that opens a case's document in the list (or from the hotkey that
 * tags a word in it, or the Ctrl+Z that takes such a tag back; `bound`: the lower bound's one
 * innerHTML of the same article) until it is painted, with each task's script, style recalculation (elements
 * restyled), layout (objects laid out of all) and paint, from a Chrome trace (#14). Where the
 * CPU profile (profile.ts) says which functions run, this says in which task and frame, and what
 * the browser did in between: a style or layout pass of its own, a task queued before the frame.
 * Times are ms from the event; `TRACE_OUT=dir` also writes each run's trace (DevTools opens it);
 * `TRACE_CATEGORIES` replaces the trace categories (add disabled-by-default-devtools.timeline.invalidationTracking
 * to see why elements were restyled).
 * Only observes: it changes nothing in the app.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumExecutable } from '../tests/e2e/support/browser';
import { loadSamples } from './corpus';
import { ANALYST_LAYER, BROWSER_ARGS, LB, SEED, WB, bundleProbe, ensureBuilt, newPage, openWorkbench, startHost, type Probe } from './workbench';
import { docCases, lowerBoundShell, type DocCase } from './workbench-cases';

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
const MODES = ['open', 'add', 'undo', 'bound'] as const;
const mode = MODES.find((m) => m === process.argv[3]) ?? 'open';
/** The lower bound's column: the article's width in the workbench (measured by the benchmark; this is its value at 1280 px). */
const BOUND_WIDTH = 584;
const runs = Number(process.argv[4] ?? 3);
/** How long after the event tasks are listed (ms). */
const WINDOW_MS = Number(process.env.TRACE_MS ?? 120);
/** Where the lower bound starts (it has no click). */
const START_MARK = 'cd-trace-start';
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

/** Tags a word of the second block on screen with the first label's hotkey (or takes the last change back with Ctrl+Z) and says what it measured. */
async function key(page: Page, press: '1' | 'Control+z'): Promise<string> {
  const block = (await page.evaluate((t) => __cdBench.blocksOnScreen(t), WB))[1]!;
  if (press === '1') {
    await page.evaluate(([t, b]) => __cdBench.selectWord(t, b, 3), [WB, block] as const);
    await page.waitForTimeout(50);
  }
  await page.evaluate(([t, b, change]) => __cdBench.armKey(t, b, change), [WB, block, press === '1' ? 'added' : 'removed'] as const);
  const k = await page.evaluate(() => __cdBench.keyCount());
  await page.keyboard.press(press);
  const r = await page.evaluate((i) => __cdBench.afterKey(i), press === '1' ? k : k + 1); // Control's own press comes first
  return `sync ${r.syncMs.toFixed(1)} ms, painted ${r.paintMs.toFixed(1)} ms, save acknowledged ${r.ackMs.toFixed(1)} ms`;
}

/** Opens the case (or presses the key) and says what it measured. */
async function act(page: Page, c: DocCase): Promise<string> {
  if (mode === 'add') return key(page, '1');
  if (mode === 'undo') return key(page, 'Control+z');
  const open =
    mode === 'bound'
      ? await page.evaluate(([h, t, e, n, m]) => (performance.mark(m), __cdBench.openLowerBound(h, t, e, n)), [
          c.html,
          LB,
          c.expected,
          c.total,
          START_MARK,
        ] as const)
      : await page.evaluate(([id, t, e, n]) => __cdBench.openFromList(id, t, e, n), [c.doc.id, WB, c.expected, c.total] as const);
  return `first screen ${open.firstMs.toFixed(1)} ms, whole ${open.wholeMs.toFixed(1)} ms`;
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
    const { context, page } = mode === 'bound' ? await newPage(browser, probe) : await openWorkbench(browser, probe, host.url);
    if (mode === 'bound') {
      await page.setContent(lowerBoundShell(BOUND_WIDTH));
      await page.waitForTimeout(300);
    }
    if (mode === 'add' || mode === 'undo') {
      await page.evaluate(([id, t, e, n]) => __cdBench.openFromList(id, t, e, n), [c.doc.id, WB, c.expected, c.total] as const);
      await page.waitForTimeout(300);
      if (mode === 'undo') {
        await key(page, '1');
        await page.waitForTimeout(300);
      }
    }
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    // Chrome's trace events, typed by the protocol as string maps: the fields read here are described by TraceEvent.
    cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      categories: process.env.TRACE_CATEGORIES ?? 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,blink.user_timing',
      transferMode: 'ReportEvents',
    });
    const said = await act(page, c);
    await page.waitForTimeout(200);
    await cdp.send('Tracing.end');
    await complete;
    const trigger = events.find(
      (e) => e.name === START_MARK || (e.name === 'EventDispatch' && (e.args?.data?.type === 'click' || e.args?.data?.type === 'keydown')),
    );
    if (!trigger) throw new Error('no click, key press or start mark in the trace');
    const thread = events.find((e) => e.ph === 'X' && e.ts >= trigger.ts && (e.name === 'FunctionCall' || e.name === 'EventDispatch')) ?? trigger;
    const main = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X');
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
