/**
 * A DOM Range over a stretch of the article's text, for what is painted or measured over the
 * text without decorations: the curation candidate (CSS Custom Highlight) and the ends of
 * suggested links (#15). Shows the part of the article it lies in first. Also scrolling such a
 * stretch into view (the curation cursor, the suggestion Tab goes to).
 */
import type { EditorView } from 'prosemirror-view';
import type { Block } from '../../shared/model/types';
import { viewPosFromOffset } from './positions';
import { ensureShown } from './progressive';
import { scrollParent } from './view-dom';

/**
 * A DOM range over text offsets [start, end), its part of the article shown first.
 * @returns the range, or null when it cannot be placed
 */
export function rangeOf(view: EditorView, blocks: readonly Block[], start: number, end: number): Range | null {
  try {
    const from = viewPosFromOffset(blocks, start, 1);
    const to = viewPosFromOffset(blocks, end, -1);
    ensureShown(view, from, to);
    const a = view.domAtPos(from);
    const b = view.domAtPos(to);
    const range = view.dom.ownerDocument.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  } catch {
    return null; // offsets outside the article shown (it is being replaced): nothing to place until it is drawn
  }
}

/**
 * Scrolls the article's scroller so the range is in view, a third of the way down when it was not.
 * @param margin how far inside the scroller's edges the range must be to count as in view (a fraction of its height)
 */
export function revealRange(dom: HTMLElement, range: Range, margin = 0): void {
  const scroller = scrollParent(dom);
  if (!scroller) return;
  const box = range.getBoundingClientRect();
  const frame = scroller.getBoundingClientRect();
  const inset = frame.height * margin;
  if (box.top >= frame.top + inset && box.bottom <= frame.bottom - inset) return;
  scroller.scrollTop += box.top - frame.top - frame.height / 3;
}
