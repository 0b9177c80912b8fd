/**
 * The renderer's rules about layers (#11): which layer a window may write (the analyst's own and
 * the curated one; another annotator's is read-only, as the service enforces), what it says when
 * a change is refused for that reason, the order in which a document's layers are listed (yours
 * first, then the other annotators by name, then the curated layer), the short initials a chip
 * shows, and the list row as the analyst's own layer sees it. Pure: no React, no DOM.
 */
import { annotatorsOf, CURATED_LAYER, documentRowOf } from '../../shared/model/layers';
import type { DocStatus, DocumentRow, LayerSummary } from '../../shared/model/types';
import { statusLabel } from '../util/format';

/** One document's layer as the window opens it: the document, the layer, and the analyst looking at it. */
export type LayerRef = Readonly<{ docId: string; layer: string; annotator: string }>;

/** True when `annotator` may write `layer`: their own, or the curated one. */
export const canWriteLayer = (layer: string, annotator: string): boolean => layer === annotator || layer === CURATED_LAYER;

/** The possessive a user reads for a layer ("ann's layer", "the curated layer"). */
export const layerTitle = (layer: string): string => (layer === CURATED_LAYER ? 'the curated layer' : `${layer}'s layer`);

/**
 * Why `annotator` cannot change `layer`, in a sentence that says what to do, or null when they can.
 */
export function readOnlyReasonFor(layer: string, annotator: string): string | null {
  if (canWriteLayer(layer, annotator)) return null;
  return `You are viewing ${layerTitle(layer)}, which is read-only: switch to your own layer (Layer ▾ above the article) to tag and edit.`;
}

/** A layer of a document as the switcher and the list show it. */
export type LayerEntry = Readonly<{ name: string; isOwn: boolean; isCurated: boolean; summary: LayerSummary | null }>;

/**
 * A document's layers in the order they are listed: the analyst's own first (also when they have
 * not written one yet: summary null), then the other annotators by name, then the curated layer.
 */
export function layerEntries(layers: Readonly<Record<string, LayerSummary>>, annotator: string): LayerEntry[] {
  const summaryOf = (name: string) => (Object.hasOwn(layers, name) ? layers[name]! : null);
  const entries: LayerEntry[] = [{ name: annotator, isOwn: true, isCurated: false, summary: summaryOf(annotator) }];
  for (const name of annotatorsOf(layers)) if (name !== annotator) entries.push({ name, isOwn: false, isCurated: false, summary: summaryOf(name) });
  if (Object.hasOwn(layers, CURATED_LAYER)) entries.push({ name: CURATED_LAYER, isOwn: false, isCurated: true, summary: summaryOf(CURATED_LAYER) });
  return entries;
}

/** A status as a chip's accessible name says it ("in progress"). */
export const statusWords = (status: DocStatus): string => statusLabel(status).toLowerCase();

/**
 * Up to two letters for a chip: the first letters of the first two words ("Ann Lee" -> "AL"), or
 * of a one-word name its first two characters ("ann" -> "An"), so "ann" and "anna" still differ
 * by colour and tooltip at least.
 */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/[\s._-]+/u)
    .filter(Boolean);
  if (words.length >= 2)
    return words
      .slice(0, 2)
      .map((w) => [...w][0]!.toUpperCase())
      .join('');
  const chars = [...(words[0] ?? name)];
  return `${(chars[0] ?? '?').toUpperCase()}${chars[1] ?? ''}`;
}

/** The list row as `annotator`'s own layer sees it (a save in the curated layer is acknowledged with that layer's view). */
export function ownRowOf(row: DocumentRow, annotator: string | null): DocumentRow {
  return annotator === null || row.layer === annotator ? row : documentRowOf(row, row.layers, annotator);
}
