/**
 * The candidate under the curation cursor, highlighted in the article (#11) with the CSS Custom
 * Highlight API: a Range over its text painted by `::highlight(cd-curation-candidate)`
 * (CurationPanel.css), so the article's DOM and decorations are left alone. The range is made
 * again whenever the article redraws (its text nodes are replaced when highlights change), and
 * the article scrolls to the candidate when the cursor moves to it.
 */
import { useEffect, type RefObject } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { Block } from '../../shared/model/types';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import { rangeOf, revealRange } from '../editor/text-range';

/** The name the stylesheet paints. */
export const CANDIDATE_HIGHLIGHT = 'cd-curation-candidate';

/** A stretch of the article's text. */
export type TextSpan = Readonly<{ start: number; end: number }>;

/**
 * @param blocks the article's blocks (null while no article is shown)
 * @param span the candidate's text, or null to highlight nothing
 * @param scrollKey scrolls the article to `span` whenever it changes (the cursor moved)
 */
export function useCurationHighlight(
  editorRef: RefObject<DocumentEditorHandle | null>,
  blocks: readonly Block[] | null,
  span: TextSpan | null,
  scrollKey: string | null,
): void {
  const start = span?.start ?? -1;
  const end = span?.end ?? -1;

  useEffect(() => {
    const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
    const editor = editorRef.current;
    if (!registry || !editor || !blocks || start < 0) return;
    const shown = viewOf(editor);
    if (!shown) return;
    const paint = () => {
      const range = rangeOf(shown, blocks, start, end);
      if (range) registry.set(CANDIDATE_HIGHLIGHT, new Highlight(range));
      else registry.delete(CANDIDATE_HIGHLIGHT);
      return range;
    };
    const first = paint();
    if (first && scrollKey !== null) revealRange(shown.dom, first);
    let frame = 0;
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(paint);
    });
    observer.observe(shown.dom, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      registry.delete(CANDIDATE_HIGHLIGHT);
    };
  }, [editorRef, blocks, start, end, scrollKey]);
}

/** The editor's view (through a command that only looks), or null before it exists. */
function viewOf(editor: DocumentEditorHandle): EditorView | null {
  const found: { view: EditorView | null } = { view: null };
  editor.run((_state, _dispatch, view) => {
    found.view = view ?? null;
    return false;
  });
  return found.view;
}
