/**
 * "Every occurrence" suggestions (#15) on the layer's live annotations: the other mentions of each
 * tagged Source and Entity (shared/suggest/occurrences.ts, a pure scan of the text). They are
 * found again only when the tagged mentions change (their labels, bounds or text), not on every
 * change to the layer, so tagging a claim or setting an attribute on a 1 MB article does not
 * scan it again.
 */
import { useMemo } from 'react';
import type { DocumentData } from '../../shared/model/types';
import { occurrenceSuggestions } from '../../shared/suggest/occurrences';
import type { SuggestionSet } from '../../shared/suggest/types';

/** The labels whose other mentions are proposed (those occurrenceSuggestions reads). */
const MENTION_LABELS: ReadonlySet<string> = new Set(['Source', 'Entity']);

const NONE: SuggestionSet = { suggestions: [], links: [] };

/**
 * @param doc the layer's current document (null: none open)
 * @param isShown false while suggestions are not shown: nothing is looked for
 * @returns the occurrence suggestions, the same object for as long as the tagged mentions stay the same
 */
export function useOccurrences(doc: DocumentData | null, isShown: boolean): SuggestionSet {
  const signature = doc && isShown ? mentionSignature(doc) : null;
  // Keyed on the mentions' signature alone: `doc` then holds exactly those mentions, whatever else changed.
  return useMemo(() => (doc && signature !== null ? occurrenceSuggestions(doc.text, doc.annotations, doc.blocks) : NONE), [signature]);
}

/** The tagged mentions of a document, as one string: the same mentions give the same string. */
function mentionSignature(doc: DocumentData): string {
  let out = `${doc.id}|`;
  for (const a of doc.annotations) if (MENTION_LABELS.has(a.label)) out += `${a.label}:${a.start}-${a.end};`;
  return out;
}
