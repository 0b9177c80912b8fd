/**
 * Progressive rendering of a long article: ProseMirror holds the whole document from the start
 * (positions, selection and decorations are all real), but a section's DOM is only built once
 * the section is "shown". The sections that fill the first screen are shown at once; the rest
 * are shown in small time-boxed chunks after it, the ones on screen first, yielding between
 * chunks so that key presses and frames are never held up for long (where the browser can tell
 * that no input waits, a chunk runs several batches, for fewer frames in between). A section that is not
 * shown yet is an empty placeholder of about its height (a node view without content).
 * Anything that needs a section's DOM (a selection, scrolling to an annotation) shows it first.
 */
import type { Node as PmNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView, type NodeView } from 'prosemirror-view';

type SectionsState = Readonly<{
  /** The position where each section starts. */
  starts: readonly number[];
  shown: ReadonlySet<number>;
  /** A node decoration (no attributes) on each shown section: what its node view reads. */
  set: DecorationSet;
}>;

type SectionsMeta = Readonly<{ show: readonly number[] }>;

/** Told, inside the transaction that shows them, which sections are being shown (to draw what lies in them). */
export type ShowHook = (tr: Transaction, sections: readonly number[]) => void;

const sectionsKey = new PluginKey<SectionsState>('sections');

/** Text shown at once when an article opens: more than a tall screen holds. */
const FIRST_SCREEN_CHARS = 8_000;
/**
 * Articles up to this size are built whole when they open, in one pass: each later chunk is a
 * transaction that redraws the view's decorations, and for a 100 KB article the first screen plus
 * chunks took twice as long to put the whole article in place as one pass (#14).
 */
const ONE_PASS_CHARS = 120_000;
/**
 * Work per chunk while showing the rest: long enough that the chunks' own cost stays small next
 * to the work they do, short enough that a key press waits at most this long (RAIL: 50 ms).
 */
const CHUNK_MS = 30;
/**
 * Where the window can see input waiting (Chromium: navigator.scheduling.isInputPending), a chunk
 * goes on, batch after batch of about CHUNK_MS, up to this long unless input (a key, a click, a
 * scroll, a pointer move) is waiting: fewer chunks, and fewer frames drawn in between, put a long article in place sooner
 * while a key press still waits at most one batch (#14).
 */
const LONG_CHUNK_MS = 100;
/** Placeholder height estimate: characters per line and pixels per line of the reading column, and the gap between blocks. */
const CHARS_PER_LINE = 70;
const LINE_PX = 34;
const BLOCK_GAP_PX = 18;

const shownSpec = { shown: true };

/** The sections shown at once: every one of an article up to ONE_PASS_CHARS, else from the top, enough to fill the first screen. */
export function firstScreenSections(doc: PmNode): number[] {
  if (doc.content.size <= ONE_PASS_CHARS) return Array.from({ length: doc.childCount }, (_, i) => i);
  const first: number[] = [];
  let chars = 0;
  for (let i = 0; i < doc.childCount && (i === 0 || chars < FIRST_SCREEN_CHARS); i++) {
    first.push(i);
    chars += doc.child(i).content.size;
  }
  return first;
}

/**
 * @param doc the article (its top-level children are the sections)
 * @param first the sections shown from the start (firstScreenSections)
 * @param onShow called for every later showing, inside its transaction
 */
export function progressivePlugin(doc: PmNode, first: readonly number[], onShow: ShowHook): Plugin<SectionsState> {
  return new Plugin<SectionsState>({
    key: sectionsKey,
    onShow,
    state: {
      init: () => {
        const starts: number[] = [];
        doc.forEach((_node, offset) => starts.push(offset));
        return withShown(doc, { starts, shown: new Set(), set: DecorationSet.empty }, first);
      },
      apply(tr, value) {
        const meta = tr.getMeta(sectionsKey) as SectionsMeta | undefined;
        return meta ? withShown(tr.doc, value, meta.show) : value;
      },
    },
    props: {
      decorations: (state) => sectionsKey.getState(state)?.set ?? DecorationSet.empty,
      nodeViews: { section: sectionView },
    },
  });
}

function withShown(doc: PmNode, value: SectionsState, show: readonly number[]): SectionsState {
  const added = show.filter((i) => i >= 0 && i < value.starts.length && !value.shown.has(i));
  if (added.length === 0) return value;
  const decorations = added.map((i) => Decoration.node(value.starts[i]!, value.starts[i]! + doc.child(i).nodeSize, {}, shownSpec));
  return { starts: value.starts, shown: new Set([...value.shown, ...added]), set: value.set.add(doc, decorations) };
}

/** A shown section renders its blocks; a pending one is an empty box of about their height. */
function sectionView(node: PmNode, _view: EditorView, getPos: () => number | undefined, decorations: readonly Decoration[]): NodeView {
  const dom = document.createElement('div');
  // The first section is on screen when the article opens: laid out with the rest of the window, not in a pass of its own (see DocumentEditor.css).
  dom.className = getPos() === 0 ? 'cd-section is-first' : 'cd-section';
  const isShown = (decos: readonly Decoration[]) => decos.some((d) => (d.spec as typeof shownSpec | undefined)?.shown === true);
  // Off screen, the browser skips a shown section's layout too (content-visibility) and takes this size until it has laid it out once.
  const estimate = `${estimatedHeight(node)}px`;
  if (isShown(decorations)) {
    dom.style.containIntrinsicSize = `auto ${estimate}`;
    return { dom, contentDOM: dom, update: (next, decos) => next.type === node.type && isShown(decos) };
  }
  dom.classList.add('is-pending');
  dom.style.height = estimate;
  return { dom, update: (next, decos) => next.type === node.type && !isShown(decos), ignoreMutation: () => true };
}

/** Whether input is waiting to be handled (a key, a click, and also a scroll or a pointer move); null where the browser cannot say. */
function inputPending(): boolean | null {
  const scheduling = (navigator as Navigator & { scheduling?: { isInputPending?: (options?: { includeContinuous?: boolean }) => boolean } })
    .scheduling;
  return scheduling?.isInputPending ? scheduling.isInputPending({ includeContinuous: true }) : null;
}

function estimatedHeight(section: PmNode): number {
  let px = 0;
  section.forEach((block) => {
    px += Math.max(1, Math.ceil(block.content.size / CHARS_PER_LINE)) * LINE_PX + BLOCK_GAP_PX;
  });
  return px;
}

/** The sections shown so far. */
export function shownSections(state: EditorState): ReadonlySet<number> {
  return sectionsKey.getState(state)?.shown ?? new Set();
}

/** Marks `sections` (those not shown yet) as shown by `tr` and tells the plugin's hook. */
function show(state: EditorState, tr: Transaction, sections: readonly number[]): Transaction {
  const value = sectionsKey.getState(state);
  const added = value ? sections.filter((i) => !value.shown.has(i)) : [];
  if (added.length === 0) return tr;
  tr.setMeta(sectionsKey, { show: added } satisfies SectionsMeta).setMeta('addToHistory', false);
  (sectionsKey.get(state)?.spec as { onShow?: ShowHook } | undefined)?.onShow?.(tr, added);
  return tr;
}

/** The sections not shown yet that overlap [from, to]. */
function pendingBetween(state: EditorState, from: number, to: number): number[] {
  const value = sectionsKey.getState(state);
  if (!value) return [];
  const out: number[] = [];
  value.starts.forEach((start, i) => {
    const end = start + state.doc.child(i).nodeSize;
    if (!value.shown.has(i) && start <= to && end >= from) out.push(i);
  });
  return out;
}

/** Adds to `tr` the showing of the sections its selection lands in (a selection needs their DOM). */
export function showSelected(state: EditorState, tr: Transaction): Transaction {
  if (!tr.selectionSet) return tr;
  return show(state, tr, pendingBetween(state, tr.selection.from, tr.selection.to));
}

/** Shows, now, the sections overlapping [from, to] (before reading or scrolling to their DOM). */
export function ensureShown(view: EditorView, from: number, to: number): void {
  const missing = pendingBetween(view.state, from, to);
  if (missing.length > 0) view.dispatch(show(view.state, view.state.tr, missing));
}

/**
 * Shows the sections still pending, in chunks of about CHUNK_MS, from the first frame after the
 * first screen is painted, those on screen first (known
 * from an IntersectionObserver on the placeholders: asking for their boxes would force a
 * layout of everything shown so far at every chunk).
 * @returns a function that stops it (the view is going away)
 */
export function showRestProgressively(view: EditorView): () => void {
  const value = sectionsKey.getState(view.state);
  if (!value) return () => undefined;
  const onScreen = new Set<number>();
  const placeholders = new Map<Element, number>();
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const i = placeholders.get(entry.target);
      if (i !== undefined && entry.isIntersecting) onScreen.add(i);
      else if (i !== undefined) onScreen.delete(i);
    }
  });
  value.starts.forEach((start, i) => {
    const dom = value.shown.has(i) ? null : view.nodeDOM(start);
    if (dom instanceof Element) {
      placeholders.set(dom, i);
      observer.observe(dom);
    }
  });
  const channel = new MessageChannel();
  let perSection = 5; // ms per section, learnt from each chunk
  let stopped = false;
  const stop = () => {
    stopped = true;
    observer.disconnect();
    channel.port1.close();
  };
  channel.port1.onmessage = () => {
    if (stopped || view.isDestroyed) return;
    const chunkStarted = performance.now();
    const budget = inputPending() === null ? CHUNK_MS : LONG_CHUNK_MS;
    for (;;) {
      const now = sectionsKey.getState(view.state)!;
      const pending = now.starts.map((_s, i) => i).filter((i) => !now.shown.has(i));
      if (pending.length === 0) return stop();
      const count = Math.max(1, Math.floor(CHUNK_MS / perSection));
      const visible = pending.filter((i) => onScreen.has(i));
      const batch = [...visible, ...pending.filter((i) => !onScreen.has(i))].slice(0, count);
      const started = performance.now();
      view.dispatch(show(view.state, view.state.tr, batch));
      perSection = Math.max(0.1, (performance.now() - started) / batch.length);
      // Another batch only if it fits in the chunk and no input waits (where input cannot be seen: never).
      if (performance.now() - chunkStarted + CHUNK_MS > budget || inputPending() !== false) break;
    }
    channel.port2.postMessage(null);
  };
  // The first chunk waits for the first screen to be painted: a message posted now would run
  // before the browser's next frame and hold that frame back by a chunk or more (#14). Posted
  // from the frame's own callback, it runs right after that frame is rendered.
  requestAnimationFrame(() => channel.port2.postMessage(null));
  return stop;
}
