/**
 * Keys that adjust the selected annotation's boundaries in place (issue #12): Alt+←/→ move its
 * start by a word, Alt+Shift+←/→ its end, and with Ctrl as well by a character. They apply only
 * with an annotation selected, no text selected and no link being made (with text selected,
 * Alt+Shift+arrows keep extending the text selection); every other key goes on to the
 * annotator's keys. The change is shared/model/span-resize's, applied through the annotator (so
 * it is saved, undoable, and a refusal shows in the status bar). Keys reach this hook only from
 * the focused article (DocumentEditor offers it each key first), never from a text field.
 */
import { startTransition, useCallback, type RefObject } from 'react';
import type { Operation } from '../../shared/model/operations';
import { resizeSpan, type SpanMove } from '../../shared/model/span-resize';
import type { Annotation, DocumentData } from '../../shared/model/types';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import { useLatest } from './use-latest';

export type SpanKeysOptions = Readonly<{
  doc: DocumentData | null;
  /** The selected annotation, whose boundaries the keys move. */
  selected: Annotation | null;
  isLinking: boolean;
  editorRef: RefObject<DocumentEditorHandle | null>;
  /** Applies a change or shows why it cannot be made (the annotator's apply). */
  apply: (change: readonly Operation[] | string | null) => boolean;
  /** The article's other keys. @returns true when handled */
  fallback: (event: KeyboardEvent) => boolean;
}>;

/**
 * The boundary move a key asks for: Alt (no Cmd/Meta) with ← or →; Shift picks the end, Ctrl a character step.
 * @returns the move, or null for any other key
 */
export function spanMoveOfKey(event: KeyboardEvent): SpanMove | null {
  if (!event.altKey || event.metaKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return null;
  return { edge: event.shiftKey ? 'end' : 'start', direction: event.key === 'ArrowLeft' ? -1 : 1, step: event.ctrlKey ? 'character' : 'word' };
}

/**
 * The article key handler with the boundary keys in front of `fallback`.
 * @returns a handler for DocumentEditor's onKeyDown (true when the key was handled)
 */
export function useSpanKeys(options: SpanKeysOptions): (event: KeyboardEvent) => boolean {
  const latest = useLatest(options);
  return useCallback(
    (event: KeyboardEvent) => {
      const { doc, selected, isLinking, editorRef, apply, fallback } = latest.current;
      const move = spanMoveOfKey(event);
      const text = move && editorRef.current?.getSelection();
      if (!move || !doc || !selected || isLinking || event.isComposing || (text && text.end > text.start)) return fallback(event);
      event.preventDefault();
      // Like the annotator's keys: the article redraws at once, the panels follow as a transition.
      startTransition(() => {
        apply(resizeSpan(doc, selected.id, move, new Date().toISOString()));
      });
      return true;
    },
    [latest],
  );
}
