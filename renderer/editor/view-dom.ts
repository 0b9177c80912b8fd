/**
 * Finding things in the article view's DOM for DocumentEditor: the caret the analyst put in it,
 * the highlight elements of an annotation (showing its part of the article first) and the one
 * under the pointer, and scrolling one into view. Reads the DOM; changes only the scroll
 * position and which parts of the article are shown.
 */
import type { EditorView } from 'prosemirror-view';
import type { DocumentData } from '../../shared/model/types';
import { drawnAnnotation } from './annotation-plugin';
import { offsetFromViewPos, viewPosFromOffset } from './positions';
import { ensureShown } from './progressive';
import { articleSchema } from './schema';

const HIGHLIGHT = '[data-annotation-id]';

/** The offset of a collapsed DOM selection inside the view, or null (none there, or in a node ProseMirror does not own). */
export function caretOffset(view: EditorView, doc: DocumentData): number | null {
  const sel = view.dom.ownerDocument.getSelection();
  if (!sel || !sel.isCollapsed || !sel.anchorNode || !view.dom.contains(sel.anchorNode)) return null;
  try {
    return offsetFromViewPos(doc.blocks, view.posAtDOM(sel.anchorNode, sel.anchorOffset), 1);
  } catch {
    // A marker widget: no caret in the text.
    return null;
  }
}

/**
 * Scrolls `el` into view, and again in the next frames while it is not (for 'center': while it
 * is off the middle half of the pane): sections between here and there that the browser had
 * not laid out yet (content-visibility) take their real height as they pass, and can push it away.
 */
export function reveal(el: HTMLElement, block: 'nearest' | 'center' = 'nearest', tries = 4): void {
  el.scrollIntoView({ block, inline: 'nearest' });
  requestAnimationFrame(() => {
    const r = el.getBoundingClientRect();
    const scroller = scrollParent(el)?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
    const quarter = block === 'center' ? (scroller.bottom - scroller.top) / 4 : 0;
    if (tries > 1 && el.isConnected && (r.bottom > scroller.bottom - quarter || r.top < scroller.top + quarter)) reveal(el, block, tries - 1);
  });
}

/** The nearest ancestor of `el` that scrolls vertically (the article's reading pane), or null. */
export function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) if (/(auto|scroll)/.test(getComputedStyle(p).overflowY)) return p;
  return null;
}

/** The nearest highlight element at or above `target` inside the view, or null. */
export function highlightAt(view: EditorView, target: EventTarget | null): HTMLElement | null {
  const el = target instanceof Element ? target.closest<HTMLElement>(HIGHLIGHT) : null;
  return el && view.dom.contains(el) ? el : null;
}

/**
 * An annotation's highlight elements, searched only in the blocks it covers (never the whole
 * article); the part of the article it lies in is shown first if it was not yet.
 */
export function elementsOf(view: EditorView | null, doc: DocumentData, id: string): HTMLElement[] {
  const annotation = view && doc.annotations.find((a) => a.id === id);
  if (!view || !annotation) return [];
  ensureShown(view, viewPosFromOffset(doc.blocks, annotation.start, 1), viewPosFromOffset(doc.blocks, annotation.end, -1));
  const drawn = drawnAnnotation(view.state, id);
  if (!drawn) return [];
  const selector = `[data-annotation-id="${CSS.escape(id)}"]`;
  const out: HTMLElement[] = [];
  view.state.doc.nodesBetween(drawn.from, drawn.to, (node, pos) => {
    if (node.type === articleSchema.nodes.section) return true;
    const dom = view.nodeDOM(pos);
    if (dom instanceof HTMLElement) out.push(...dom.querySelectorAll<HTMLElement>(selector));
    return false; // blocks only: highlights live inside them
  });
  return out;
}
