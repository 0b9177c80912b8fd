/// <reference lib="dom" />
/**
 * The benchmark's in-page probe, bundled by esbuild into an init script (so no tsx helpers leak
 * into the page) and installed in every page before the app runs. It exposes `window.__cdBench`
 * with measurements taken inside the page, where the clock is the page's own:
 * - `waitPainted` polls a condition once per animation frame and stamps the time just after the
 *   frame in which it first held has been rendered (a message posted from that frame's rAF
 *   callback runs after the frame's style, layout, paint and commit);
 * - keydown is stamped in a capture listener on window (before any handler), with the end of
 *   the synchronous work it starts (the earlier of a message posted then and the next frame);
 * - fetch is wrapped so that the acknowledgement of each API call is stamped.
 * It must never change what the app does: it only observes.
 */

type Stamp = Readonly<{ t: number; frames: number }>;
type Target = Readonly<{ root: string; highlight: string; idsAttr: string }>;
type KeyStamp = { t0: number; syncEnd: number; painted?: Promise<Stamp> };
type FetchStamp = Readonly<{ method: string; start: number; end: number }>;

const state = { keys: [] as KeyStamp[], fetches: [] as FetchStamp[], armed: null as (() => boolean) | null, vanished: 0 };

window.addEventListener(
  'keydown',
  (event) => {
    const stamp: KeyStamp = { t0: performance.now(), syncEnd: Number.NaN };
    state.keys.push(stamp);
    const end = () => {
      if (Number.isNaN(stamp.syncEnd)) stamp.syncEnd = performance.now();
    };
    const channel = new MessageChannel();
    channel.port1.onmessage = end;
    channel.port2.postMessage(null);
    requestAnimationFrame(end); // first: before any other frame callback of the probe
    // An armed condition is watched from this key press on, so frames count from it.
    if (state.armed && !['Control', 'Shift', 'Alt', 'Meta'].includes(event.key)) {
      stamp.painted = waitPainted(state.armed);
      state.armed = null;
    }
  },
  true,
);

const realFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const start = performance.now();
  const method = String(input instanceof Request ? input.url : input).split('/api/')[1] ?? '';
  const res = await realFetch(input, init);
  // The body is what acknowledges: read a clone so the app's own read is untouched.
  await res.clone().arrayBuffer();
  state.fetches.push({ method, start, end: performance.now() });
  return res;
};

/** Resolves with the time just after the first frame (from now) in which `cond` held is rendered. */
function waitPainted(cond: () => boolean, timeoutMs = 60_000): Promise<Stamp> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let frames = 0;
    const frame = () => {
      frames += 1;
      let ok: boolean;
      try {
        ok = cond();
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      if (ok) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ t: performance.now(), frames });
        channel.port2.postMessage(null);
      } else if (performance.now() - started > timeoutMs) reject(new Error(`condition not met within ${timeoutMs} ms`));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

function rootOf(target: Target): HTMLElement | null {
  return document.querySelector<HTMLElement>(target.root);
}

/** The block elements of the article (sections' children, or the root's own children). */
function blocksOf(root: HTMLElement): HTMLElement[] {
  const inSections = root.querySelectorAll<HTMLElement>(':scope > .cd-section > :is(p, h1, h2, h3, h4, h5, h6, blockquote):not(.ProseMirror-widget)');
  return inSections.length > 0 ? [...inSections] : ([...root.children] as HTMLElement[]);
}

function idsIn(el: Element, target: Target): Set<string> {
  const ids = new Set<string>();
  for (const h of el.querySelectorAll(target.highlight)) for (const id of (h.getAttribute(target.idsAttr) ?? '').split(' ')) if (id) ids.add(id);
  return ids;
}

function scrollerOf(el: HTMLElement): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowY;
    if ((o === 'auto' || o === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return document.scrollingElement as HTMLElement;
}

function viewportOf(scroller: HTMLElement): { top: number; bottom: number } {
  const r = scroller === document.scrollingElement ? { top: 0, bottom: innerHeight } : scroller.getBoundingClientRect();
  return { top: Math.max(0, r.top), bottom: Math.min(innerHeight, r.bottom) };
}

/** Whether every block on screen is there with all its highlights. */
function firstScreenReady(target: Target, expected: readonly number[]): boolean {
  const root = rootOf(target);
  if (!root) return false;
  const blocks = blocksOf(root);
  if (blocks.length === 0) return false;
  const view = viewportOf(scrollerOf(root));
  let seen = 0;
  for (let i = 0; i < blocks.length; i++) {
    const r = blocks[i]!.getBoundingClientRect();
    if (r.top >= view.bottom) break;
    if (r.bottom <= view.top) continue;
    if (idsIn(blocks[i]!, target).size < (expected[i] ?? 0)) return false;
    seen++;
  }
  return seen > 0;
}

/** Whether every block and every highlight is in place (and layout is clean). */
function wholeReady(target: Target, expected: readonly number[], total: number): boolean {
  const root = rootOf(target);
  if (!root) return false;
  const blocks = blocksOf(root);
  if (blocks.length !== expected.length) return false;
  if (root.querySelectorAll(target.highlight).length === 0 && total > 0) return false;
  if (idsIn(root, target).size < total) return false;
  void root.offsetHeight; // layout: the document's height is known
  return true;
}

/**
 * Measures an open from `t0`: first screen, then the whole document.
 * @returns both stamps, relative to t0 (and t0 itself, on the page's clock)
 */
async function measureOpen(target: Target, expected: readonly number[], total: number, t0: number) {
  let first: Stamp | null = null;
  const firstDone = waitPainted(() => firstScreenReady(target, expected)).then((s) => (first = s));
  const whole = await waitPainted(() => wholeReady(target, expected, total));
  await firstDone;
  const f = first as Stamp | null;
  return {
    t0,
    firstMs: (f?.t ?? Number.NaN) - t0,
    wholeMs: whole.t - t0,
    highlights: rootOf(target)!.querySelectorAll(target.highlight).length,
    ids: idsIn(rootOf(target)!, target).size,
  };
}

/** Workbench: clicks the document's option in the list and measures the open. */
function openFromList(docId: string, target: Target, expected: readonly number[], total: number) {
  const option = document.getElementById(`doc-option-${docId}`);
  if (!option) throw new Error(`no option for ${docId}`);
  const t0 = performance.now();
  option.click();
  return measureOpen(target, expected, total, t0);
}

/** Lower bound: sets the markup as one innerHTML string and measures the same way. */
function openLowerBound(html: string, target: Target, expected: readonly number[], total: number) {
  const root = rootOf(target)!;
  const t0 = performance.now();
  root.innerHTML = html;
  return measureOpen(target, expected, total, t0);
}

/** Selects word `word` of the block `block` with the DOM selection API (as a mouse drag ends). @returns the word */
function selectWord(target: Target, block: number, word: number): string {
  const root = rootOf(target)!;
  const el = blocksOf(root)[block]!;
  const text = el.textContent ?? '';
  const words = [...text.matchAll(/[A-Za-z]{4,}/g)];
  const m = words[word % words.length]!;
  const [start, end] = [m.index, m.index + m[0].length];
  const range = document.createRange();
  let offset = 0;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.textContent?.length ?? 0;
    if (start >= offset && start < offset + len) range.setStart(node, start - offset);
    if (end > offset && end <= offset + len) range.setEnd(node, end - offset);
    offset += len;
  }
  root.focus({ preventScroll: true });
  const sel = getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  return m[0];
}

/** Ids of the highlights in block `block`. */
function blockIds(target: Target, block: number): string[] {
  return [...idsIn(blocksOf(rootOf(target)!)[block]!, target)];
}

/** Blocks whose top is on screen (indices). */
function blocksOnScreen(target: Target): number[] {
  const root = rootOf(target)!;
  const view = viewportOf(scrollerOf(root));
  const out: number[] = [];
  blocksOf(root).forEach((b, i) => {
    const r = b.getBoundingClientRect();
    if (r.top >= view.top && r.bottom <= view.bottom && (b.textContent ?? '').length > 80) out.push(i);
  });
  return out;
}

/**
 * Before a key press (sent by the driver next): arms the watch for block `block`'s highlight
 * ids to differ from what they are now in the way `change` says.
 */
function armKey(target: Target, block: number, change: 'added' | 'removed'): void {
  const el = blocksOf(rootOf(target)!)[block]!;
  const known = idsIn(el, target);
  // Checked every frame: only this block is read (the article is not queried again unless the block was replaced).
  state.armed = () => {
    const root = el.isConnected ? null : rootOf(target);
    if (!el.isConnected && !root) {
      state.vanished += 1; // the article was unmounted (the app reloaded the document): wait for it
      return false;
    }
    const current = root ? blocksOf(root)[block] : el;
    if (!current) return false;
    const ids = idsIn(current, target);
    return change === 'added' ? [...ids].some((id) => !known.has(id)) : ids.size < known.size;
  };
}

/** After the armed key press `keyIndex`: its sync work, when its change was painted, and its save's acknowledgement. */
async function afterKey(keyIndex: number) {
  const key = state.keys[keyIndex];
  if (!key?.painted) throw new Error('no armed key press seen');
  const painted = await key.painted;
  const ack = await new Promise<FetchStamp>((resolve) => {
    const poll = () => {
      const f = state.fetches.find((x) => x.method === 'applyChanges' && x.start >= key.t0);
      if (f) resolve(f);
      else setTimeout(poll, 5);
    };
    poll();
  });
  return { syncMs: key.syncEnd - key.t0, paintMs: painted.t - key.t0, frames: painted.frames, ackMs: ack.end - key.t0, sentMs: ack.start - key.t0 };
}

/** Before a key press that opens a document (sent by the driver next): arms the watch for its article with every highlight in place. */
function armOpen(target: Target, expected: readonly number[], total: number): void {
  state.armed = () => wholeReady(target, expected, total);
}

/** After the armed key press `keyIndex`: ms from it until the document it opened was painted whole. */
async function afterOpenKey(keyIndex: number): Promise<number> {
  const key = state.keys[keyIndex];
  if (!key?.painted) throw new Error('no armed key press seen');
  return (await key.painted).t - key.t0;
}

/** Scrolls to the end as the End key would, until the last block and its highlights are painted. */
async function scrollToEnd(target: Target, expected: readonly number[]) {
  const root = rootOf(target)!;
  const scroller = scrollerOf(root);
  const last = blocksOf(root).length - 1;
  const t0 = performance.now();
  scroller.scrollTop = scroller.scrollHeight;
  const stamp = await waitPainted(() => {
    const blocks = blocksOf(root);
    const r = blocks[last]!.getBoundingClientRect();
    const view = viewportOf(scroller);
    if (r.top >= view.bottom || r.bottom <= view.top) {
      scroller.scrollTop = scroller.scrollHeight; // heights estimated off screen became real: keep going
      return false;
    }
    return idsIn(blocks[last]!, target).size >= (expected[last] ?? 0);
  });
  return { ms: stamp.t - t0, frames: stamp.frames };
}

/**
 * A condition on the page, as data (the app's Content-Security-Policy forbids eval): at least
 * `min` elements match `selector`, and when given, the first `textSelector` match's text contains `text`.
 */
export type Ready = Readonly<{ selector: string; min?: number; textSelector?: string; text?: string }>;

function holds(ready: Ready): boolean {
  if (document.querySelectorAll(ready.selector).length < (ready.min ?? 1)) return false;
  if (ready.textSelector === undefined) return true;
  return (document.querySelector(ready.textSelector)?.textContent ?? '').toLowerCase().includes((ready.text ?? '').toLowerCase());
}

/** Clicks `selector` and waits until `ready` holds, painted. @returns ms */
async function clickAndWait(selector: string, ready: Ready) {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  const t0 = performance.now();
  el.click();
  const s = await waitPainted(() => holds(ready));
  return s.t - t0;
}

/** Waits from key press `keyIndex` until `ready` holds, painted. @returns ms */
async function keyThenWait(ready: Ready, keyIndex: number) {
  const s = await waitPainted(() => holds(ready));
  return s.t - state.keys[keyIndex]!.t0;
}

/** Time from navigation start until `ready` holds, painted. @returns ms */
async function sinceNavigation(ready: Ready) {
  return (await waitPainted(() => holds(ready))).t;
}

/**
 * Scrolls `selector` by `step` px per frame for `frames` frames; counts frames slower than 1.5
 * vsync intervals and frames where the viewport shows no rendered row (`row`).
 */
async function scrollFrames(selector: string, row: string, step: number, frames: number) {
  const el = document.querySelector<HTMLElement>(selector)!;
  const times: number[] = [];
  let blank = 0;
  await new Promise<void>((resolve) => {
    const frame = (t: number) => {
      times.push(t);
      const box = el.getBoundingClientRect();
      const rows = [...el.querySelectorAll(row)].some((r) => {
        const b = r.getBoundingClientRect();
        return b.bottom > box.top && b.top < box.bottom;
      });
      if (times.length > 1 && !rows) blank++;
      if (times.length >= frames) return resolve();
      el.scrollTop += step;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const deltas = times.slice(1).map((t, i) => t - times[i]!);
  const sorted = [...deltas].sort((a, b) => a - b);
  const vsync = sorted[Math.floor(sorted.length / 2)]!;
  return {
    frames: deltas.length,
    dropped: deltas.filter((d) => d > vsync * 1.5).length,
    blank,
    worstMs: sorted[sorted.length - 1]!,
    vsyncMs: vsync,
    scrollTop: el.scrollTop,
  };
}

/** From navigation start: the document list painted with rows (started at once in the app's pages). */
const listPaintedAt: Promise<number> | null =
  location.protocol === 'http:'
    ? waitPainted(() => holds({ selector: '[role="listbox"][aria-label="Documents"] [role="option"]' }), 120_000).then((s) => s.t)
    : null;

function listPainted() {
  if (!listPaintedAt) throw new Error('not an app page');
  return listPaintedAt;
}

/** Frames in which the article was missing while a key press was being watched. */
function vanishedFrames() {
  return state.vanished;
}

function keyCount() {
  return state.keys.length;
}

/** The API calls answered so far: method, start and end (page clock). */
function fetchLog(): readonly FetchStamp[] {
  return state.fetches;
}

Object.assign(window, {
  __cdBench: {
    listPainted,
    openFromList,
    openLowerBound,
    selectWord,
    blockIds,
    blocksOnScreen,
    armKey,
    afterKey,
    armOpen,
    afterOpenKey,
    scrollToEnd,
    clickAndWait,
    keyThenWait,
    sinceNavigation,
    scrollFrames,
    keyCount,
    fetchLog,
    vanishedFrames,
    firstScreenReady,
    wholeReady,
  },
});
