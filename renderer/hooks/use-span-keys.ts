/**
 * Keys that adjust the selected annotation's boundaries in place (issue #12): Alt+←/→ move its
 * start by a word, Alt+Shift+←/→ its end, and with Ctrl as well by a character. On macOS, where
 * ⌥←/→ move the caret and ⌥⇧←/→ extend the text selection by a word, the chord is Ctrl+⌥
 * instead (Ctrl+⌥+Shift for the end; with ⌘ as well by a character), so a click in a highlight
 * followed by ⌥⇧→ still selects a word. They apply only with an annotation selected, no text
 * selected and no link being made; every other key goes on to `fallback` (the annotator's keys,
 * or curation's in curation mode). An Alt+←/→ the article does not use is still kept from the
 * browser, whose Back it would otherwise be. The change is shared/model/span-resize's, applied
 * through the annotator (so it is saved, undoable, and a refusal shows in the status bar). Keys
 * reach this hook only from the focused article (DocumentEditor offers it each key first), never
 * from a text field.
 */
import { startTransition, useCallback, type RefObject } from 'react';
import type { Operation } from '../../shared/model/operations';
import { resizeSpan, type SpanMove } from '../../shared/model/span-resize';
import type { Annotation, DocumentData } from '../../shared/model/types';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import { IS_MAC } from '../util/platform';
import { useLatest } from './use-latest';

export type SpanKeysOptions = Readonly<{
  doc: DocumentData | null;
  /** The selected annotation, whose boundaries the keys move. */
  selected: Annotation | null;
  isLinking: boolean;
  editorRef: RefObject<DocumentEditorHandle | null>;
  /** Applies a change or shows why it cannot be made (the annotator's apply). */
  apply: (change: readonly Operation[] | string | null) => boolean;
  /** The article's other keys (the annotator's, or curation's). @returns true when handled */
  fallback: (event: KeyboardEvent) => boolean;
}>;

/**
 * The boundary move a key asks for: ← or → with Alt (no Cmd/Meta; Ctrl for a character step), or
 * on macOS with Ctrl+⌥ (⌘ for a character step); Shift picks the end.
 * @param isMac which chords to read (the platform's by default)
 * @returns the move, or null for any other key
 */
export function spanMoveOfKey(event: KeyboardEvent, isMac = IS_MAC): SpanMove | null {
  if (!event.altKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return null;
  if (isMac ? !event.ctrlKey : event.metaKey) return null;
  const isCharacter = isMac ? event.metaKey : event.ctrlKey;
  return { edge: event.shiftKey ? 'end' : 'start', direction: event.key === 'ArrowLeft' ? -1 : 1, step: isCharacter ? 'character' : 'word' };
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
      if (!move || !doc || !selected || isLinking || event.isComposing || (text && text.end > text.start)) {
        const isHandled = fallback(event);
        // Alt+←/→ is the browser's Back (Alt+Shift is a selection key, left to the article): never leave the page for it.
        if (!isHandled && move && !event.shiftKey) event.preventDefault();
        return isHandled;
      }
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
