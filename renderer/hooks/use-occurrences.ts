/**
 * "Every occurrence" suggestions (#15) on the layer's live annotations: the other mentions of each
 * tagged Source and Entity (shared/suggest/occurrences.ts, a pure scan of the text). They are
 * found again only when the text or the tagged mentions change (their labels, bounds or
 * attributes: mentionSignature), not on every change to the layer, so tagging a claim on a 1 MB
 * article does not scan it again; the signature itself is read only when the annotations change.
 */
import { useMemo } from 'react';
import type { DocumentData } from '../../shared/model/types';
import { occurrenceSuggestions } from '../../shared/suggest/occurrences';
import type { SuggestionSet } from '../../shared/suggest/types';
import { mentionSignature } from '../state/suggestion-mentions';

const NONE: SuggestionSet = { suggestions: [], links: [] };

/**
 * @param doc the layer's current document (null: none open)
 * @param isShown false while suggestions are not shown: nothing is looked for
 * @returns the occurrence suggestions, the same object for as long as the text and the tagged mentions stay the same
 */
export function useOccurrences(doc: DocumentData | null, isShown: boolean): SuggestionSet {
  const docId = doc?.id;
  const annotations = doc?.annotations;
  const signature = useMemo(
    () => (docId !== undefined && annotations && isShown ? mentionSignature(docId, annotations) : null),
    [docId, annotations, isShown],
  );
  const text = doc?.text;
  // Keyed on the text and the mentions' signature alone: `doc` then holds exactly those mentions, whatever else changed.
  return useMemo(() => (doc && signature !== null ? occurrenceSuggestions(doc.text, doc.annotations, doc.blocks) : NONE), [signature, text]);
}
