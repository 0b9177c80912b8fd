/**
 * Selecting text in the read-only article: keyboard selection (where browsers do no caret
 * navigation in non-editable content), sentence-wise extension, and conversions between the
 * view's selection and text offsets. Reads and writes the DOM selection of one view; used by
 * DocumentEditor's handlers only.
 */
import { Selection, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { nextSentenceEnd, previousSentenceStart } from '../../shared/anchoring/sentences';
import type { Block } from '../../shared/model/types';
import { offsetFromViewPos, viewPosFromOffset } from './positions';
import { IS_MAC } from '../util/platform';

/** The text the view shows: offsets convert through its blocks. */
export type TextSource = Readonly<{ text: string; blocks: readonly Block[] }>;

/** A selection in text offsets (UTF-16, end exclusive); `start === end` when collapsed. */
export type TextSelectionSnapshot = Readonly<{
  start: number;
  end: number;
  text: string;
  /** Where the selection's first line starts, relative to the editor's host element (for the label menu). */
  anchorBox?: Readonly<{ left: number; top: number; bottom: number }>;
}>;

/**
 * The view's selection as PM positions, read from the DOM selection when that lies in the
 * view: ProseMirror only catches up on the next `selectionchange`, and a hotkey pressed right
 * after Shift+arrows must tag what is highlighted on screen.
 */
export function currentRange(view: EditorView): { from: number; to: number; head: number } {
  const sel = view.dom.ownerDocument.getSelection();
  if (sel && sel.anchorNode && sel.focusNode && view.dom.contains(sel.anchorNode) && view.dom.contains(sel.focusNode)) {
    try {
      const anchor = view.posAtDOM(sel.anchorNode, sel.anchorOffset);
      const head = view.posAtDOM(sel.focusNode, sel.focusOffset);
      return { from: Math.min(anchor, head), to: Math.max(anchor, head), head };
    } catch {
      // A node ProseMirror does not own (a marker widget): fall back to its own selection.
    }
  }
  const { from, to, head } = view.state.selection;
  return { from, to, head };
}

/**
 * A selection in text offsets, with the box its first line starts in (when not collapsed and asked for).
 * @param range PM positions; default: the view's state selection
 */
export function selectionSnapshot(
  source: TextSource,
  view: EditorView,
  withBox: boolean,
  range: Readonly<{ from: number; to: number }> = view.state.selection,
): TextSelectionSnapshot {
  const { from, to } = range;
  const start = offsetFromViewPos(source.blocks, from, 1);
  const end = Math.max(start, offsetFromViewPos(source.blocks, to, -1));
  const snapshot = { start, end, text: source.text.slice(start, end) };
  if (!withBox || end === start) return snapshot;
  const host = view.dom.parentElement;
  if (!host) return snapshot;
  const at = view.coordsAtPos(from, 1);
  const base = host.getBoundingClientRect();
  return { ...snapshot, anchorBox: { left: at.left - base.left, top: at.top - base.top, bottom: at.bottom - base.top } };
}

/**
 * Selects PM positions anchor..head in the state and in the DOM. A read-only view only
 * draws its selection into the DOM when the DOM selection is already inside it, so the DOM
 * selection is set here too; ProseMirror then reads back the same range.
 */
export function setTextSelection(view: EditorView, anchor: number, head: number, scroll: boolean): void {
  const tr = view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head));
  view.dispatch(scroll ? tr.scrollIntoView() : tr);
  const sel = view.dom.ownerDocument.getSelection();
  if (!sel) return;
  const a = view.domAtPos(anchor);
  const h = view.domAtPos(head);
  sel.setBaseAndExtent(a.node, a.offset, h.node, h.offset);
}

/** Selects text offsets [start, end). @throws RangeError on bad offsets */
export function selectOffsets(view: EditorView, source: TextSource, start: number, end: number): void {
  if (start > end || end > source.text.length) throw new RangeError(`[${start}, ${end}) is not a range in the text`);
  setTextSelection(view, viewPosFromOffset(source.blocks, start, 1), viewPosFromOffset(source.blocks, end, -1), true);
}

/**
 * Clears the text selection: ProseMirror's collapses to its head, and the DOM's is removed
 * (a read-only article shows no caret, and keyboard selection starts again from
 * ProseMirror's head). With no DOM selection in the article, re-drawing highlights does not
 * make ProseMirror put one back, which would force a layout of the whole article.
 */
export function collapseSelection(view: EditorView): void {
  const { head } = currentRange(view);
  const sel = view.dom.ownerDocument.getSelection();
  if (sel && sel.anchorNode && view.dom.contains(sel.anchorNode)) sel.removeAllRanges();
  if (!view.state.selection.empty) view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, head)));
}

/** First and last positions inside text content (the doc always has at least one textblock). */
function contentBounds(view: EditorView): [number, number] {
  const { doc } = view.state;
  return [Selection.atStart(doc).from, Selection.atEnd(doc).to];
}

type Alter = Readonly<{ direction: 'left' | 'right' | 'forward' | 'backward'; granularity: string }>;

/**
 * Keyboard selection in the read-only view: Shift+arrows by character or line, Ctrl+Shift
 * (Alt+Shift on macOS) + Left/Right by word, Alt+Shift+Down/Up to the end of this or the next
 * sentence / the start of this or the previous one, Shift+Home/End, Ctrl/Cmd+A. Extends the DOM
 * selection (ProseMirror reads it back) and keeps it inside the article. Plain arrows are left
 * alone so they scroll the reading pane.
 * @returns true when the key was handled
 */
export function handleSelectionKey(view: EditorView, source: TextSource, event: KeyboardEvent): boolean {
  const mod = IS_MAC ? event.metaKey : event.ctrlKey;
  const [first, last] = contentBounds(view);
  if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'a') {
    event.preventDefault();
    setTextSelection(view, first, last, false);
    return true;
  }
  const sel = view.dom.ownerDocument.getSelection();
  if (!sel || !event.shiftKey) return false;
  if (event.altKey && !mod && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
    event.preventDefault();
    extendBySentence(view, source, event.key === 'ArrowDown' ? 1 : -1);
    return true;
  }
  const alter = alterFor(event, mod);
  if (!alter) return false;
  event.preventDefault();
  if (!insideView(view, sel.anchorNode) || !insideView(view, sel.focusNode)) {
    // No selection in the article yet (focus came by Tab): start from ProseMirror's own.
    const { node, offset } = view.domAtPos(view.state.selection.head);
    sel.collapse(node, offset);
  }
  if (alter.granularity === 'documentboundary') {
    const { node, offset } = view.domAtPos(alter.direction === 'forward' ? last : first);
    sel.extend(node, offset);
    return true;
  }
  sel.modify('extend', alter.direction, alter.granularity);
  if (!insideView(view, sel.focusNode)) {
    // Walked off the article: stop at its edge.
    const after = sel.focusNode !== null && (view.dom.compareDocumentPosition(sel.focusNode) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    const { node, offset } = view.domAtPos(after ? last : first);
    sel.extend(node, offset);
  }
  return true;
}

/** Moves the selection's head to the next sentence end (1) or the previous sentence start (-1); the anchor stays. */
function extendBySentence(view: EditorView, source: TextSource, direction: 1 | -1): void {
  const range = currentRange(view);
  const anchor = range.head === range.from ? range.to : range.from;
  const head = offsetFromViewPos(source.blocks, range.head, direction === 1 ? -1 : 1);
  const target = direction === 1 ? nextSentenceEnd(source.text, head) : previousSentenceStart(source.text, head);
  setTextSelection(view, anchor, viewPosFromOffset(source.blocks, target, direction === 1 ? -1 : 1), true);
}

function alterFor(event: KeyboardEvent, mod: boolean): Alter | null {
  const word = IS_MAC ? event.altKey : event.ctrlKey;
  switch (event.key) {
    case 'ArrowLeft':
      return { direction: 'left', granularity: word ? 'word' : 'character' };
    case 'ArrowRight':
      return { direction: 'right', granularity: word ? 'word' : 'character' };
    case 'ArrowUp':
      return { direction: 'backward', granularity: mod ? 'documentboundary' : 'line' };
    case 'ArrowDown':
      return { direction: 'forward', granularity: mod ? 'documentboundary' : 'line' };
    case 'Home':
      return { direction: 'backward', granularity: mod ? 'documentboundary' : 'lineboundary' };
    case 'End':
      return { direction: 'forward', granularity: mod ? 'documentboundary' : 'lineboundary' };
    default:
      return null;
  }
}

function insideView(view: EditorView, node: Node | null): boolean {
  return node !== null && view.dom.contains(node);
}
