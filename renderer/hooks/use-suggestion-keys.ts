/**
 * The suggestion keys in the article (#15), in front of the annotator's: what each key means is
 * state/suggestion-key-rules.ts's; this hook reads the event and the window's state, and acts.
 * Past the last suggestion Tab leaves the article, as in curation. Every key the rules pass on
 * goes to the annotator's keys. In curation only s is theirs (suggestKeyFirst: the status bar
 * says why no suggestions are made there).
 */
import { startTransition, useCallback, type RefObject } from 'react';
import { SUGGEST_KEY } from '../../shared/model/reserved-keys';
import type { Schema } from '../../shared/model/types';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import type { Annotator } from './use-annotator';
import { suggestionKeyAction } from '../state/suggestion-key-rules';
import { matchesHotkey } from './use-hotkeys';
import { useLatest } from './use-latest';
import type { Suggestions } from './use-suggestions';

export type SuggestionKeysOptions = Readonly<{
  suggestions: Suggestions;
  /** Link mode, the link offer (dismissed by a suggestion key, as by any key the annotator sees), and the article's other keys. */
  annotator: Annotator;
  schema: Schema | null;
  editorRef: RefObject<DocumentEditorHandle | null>;
}>;

/** @returns the article's key handler with the suggestion keys in front */
export function useSuggestionKeys(options: SuggestionKeysOptions): (event: KeyboardEvent) => boolean {
  const latest = useLatest(options);
  return useCallback(
    (event: KeyboardEvent) => {
      const { suggestions: sg, annotator, schema, editorRef } = latest.current;
      const active = sg.isShown ? sg.activeAt(editorRef.current?.getSelection() ?? null) : null;
      const action = suggestionKeyAction(
        {
          key: event.key,
          shiftKey: event.shiftKey,
          isChord: event.isComposing || event.ctrlKey || event.metaKey || event.altKey,
          isLabelKey: schema?.labels.some((l) => l.hotkey !== '' && matchesHotkey(event, l.hotkey)) ?? false,
        },
        {
          isLinking: annotator.ui.linking !== null,
          hasOffer: annotator.offer !== null,
          isShown: sg.isShown && sg.visible.suggestions.length > 0,
          hasActive: active !== null,
          isAsking: sg.isAsking,
        },
      );
      if (action === 'pass') return annotator.onArticleKey(event);
      if ((action === 'next' || action === 'previous') && !sg.move(action === 'next' ? 1 : -1)) return false; // past either end, Tab leaves the article
      event.preventDefault();
      annotator.dismissOffer();
      if (action === 'next' || action === 'previous' || action === 'none') return true;
      startTransition(() => {
        if (action === 'ask') sg.ask();
        else if (action === 'unreject') sg.unreject();
        else if (active && action === 'accept') sg.accept(active);
        else if (active && action === 'reject') sg.reject(active);
      });
      return true;
    },
    [latest],
  );
}

/**
 * A key handler where the Suggest key goes to `suggestionKeys` (which says why, where no
 * suggestions are made) and every other key to `other` (curation's).
 */
export function suggestKeyFirst(suggestionKeys: (event: KeyboardEvent) => boolean, other: (event: KeyboardEvent) => boolean) {
  return (event: KeyboardEvent): boolean => {
    const isChord = event.isComposing || event.ctrlKey || event.metaKey || event.altKey;
    return !isChord && !event.shiftKey && event.key.toLowerCase() === SUGGEST_KEY ? suggestionKeys(event) : other(event);
  };
}
