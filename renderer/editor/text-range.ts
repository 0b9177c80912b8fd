/**
 * A DOM Range over a stretch of the article's text, for what is painted or measured over the
 * text without decorations: the curation candidate (CSS Custom Highlight) and the ends of
 * suggested links (#15). Shows the part of the article it lies in first.
 */
import type { EditorView } from 'prosemirror-view';
import type { Block } from '../../shared/model/types';
import { viewPosFromOffset } from './positions';
import { ensureShown } from './progressive';

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
