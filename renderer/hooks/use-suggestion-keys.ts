/**
 * The suggestion keys in the article (#15), in front of the annotator's: **s** asks for
 * suggestions; while they are shown, Tab / Shift+Tab go to the next / previous one (past the
 * last, Tab leaves the article, as in curation), Enter or **a** accepts the one under the cursor
 * with its links, **x** rejects it and Shift+X takes the last rejection back. Deliberate rules
 * for the keys the annotator also uses: in link mode every key is link mode's; a pending link
 * offer keeps Enter; a label hotkey keeps its key (a label on a or x loses the alias, Enter
 * still accepts); Enter, a and x away from a suggestion do what they did before. Every other key
 * goes on to `fallback`.
 */
import { startTransition, useCallback, type RefObject } from 'react';
import { SUGGEST_KEY } from '../../shared/model/reserved-keys';
import type { Schema } from '../../shared/model/types';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import { matchesHotkey } from './use-hotkeys';
import { useLatest } from './use-latest';
import type { Suggestions } from './use-suggestions';

export type SuggestionKeysOptions = Readonly<{
  suggestions: Suggestions;
  schema: Schema | null;
  editorRef: RefObject<DocumentEditorHandle | null>;
  isLinking: boolean;
  /** True while the status bar offers a link (Enter takes it). */
  hasOffer: boolean;
  /** Dismisses the offered link, as any other key the annotator sees does. */
  dismissOffer: () => void;
  /** The article's other keys (the annotator's). @returns true when handled */
  fallback: (event: KeyboardEvent) => boolean;
}>;

/** @returns the article's key handler with the suggestion keys in front */
export function useSuggestionKeys(options: SuggestionKeysOptions): (event: KeyboardEvent) => boolean {
  const latest = useLatest(options);
  return useCallback(
    (event: KeyboardEvent) => {
      const { suggestions: sg, schema, editorRef, isLinking, hasOffer, dismissOffer, fallback } = latest.current;
      if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey || isLinking) return fallback(event);
      if (schema?.labels.some((l) => l.hotkey !== '' && matchesHotkey(event, l.hotkey))) return fallback(event);
      const key = event.key;
      const handled = (action: () => void) => {
        event.preventDefault();
        dismissOffer();
        startTransition(action);
        return true;
      };
      if (key === SUGGEST_KEY && !event.shiftKey) return handled(sg.ask);
      if (!sg.isShown || sg.visible.suggestions.length === 0 || (key === 'Enter' && hasOffer)) return fallback(event);
      if (key === 'Tab') {
        if (!sg.move(event.shiftKey ? -1 : 1)) return false; // past either end, Tab leaves the article
        event.preventDefault();
        dismissOffer();
        return true;
      }
      if (key === 'X' && event.shiftKey) return handled(sg.unreject);
      if (event.shiftKey) return fallback(event);
      const active = sg.activeAt(editorRef.current?.getSelection() ?? null);
      if (active && (key === 'Enter' || key === 'a')) return handled(() => sg.accept(active));
      if (active && key === 'x') return handled(() => sg.reject(active));
      return fallback(event);
    },
    [latest],
  );
}
