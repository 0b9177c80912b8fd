/**
 * Where the analyst was reading, per workspace (#12, faster path): the open document, the layer
 * shown when it is not their own, the selected annotation and how far the article was scrolled.
 * Kept in the window's localStorage (beside the unsaved changes, document-session.ts), so that a
 * reload or the next start comes back to it. Reading never trusts what is stored: anything that
 * is not a well-formed place is ignored. No React and no DOM here.
 */
import type { Stash } from './pending-stash';

/** A reading place: a document, and in it the layer (absent: the analyst's own), the selected annotation and the scroll offset. */
export type ReadingPlace = Readonly<{ docId: string; layer?: string; selectedId?: string; scrollTop: number }>;

const keyOf = (workspacePath: string) => `claimdesk.place.${workspacePath}`;

const isOptionalString = (value: unknown): value is string | undefined => value === undefined || typeof value === 'string';

/** The place stored for the workspace at `workspacePath`, or null when there is none (or it is not a place). */
export function readPlace(storage: Stash, workspacePath: string): ReadingPlace | null {
  const raw = storage.getItem(keyOf(workspacePath));
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof ReadingPlace, unknown>> | null;
    if (!value || typeof value.docId !== 'string' || !isOptionalString(value.layer) || !isOptionalString(value.selectedId)) return null;
    const scrollTop = typeof value.scrollTop === 'number' && Number.isFinite(value.scrollTop) && value.scrollTop > 0 ? value.scrollTop : 0;
    return {
      docId: value.docId,
      scrollTop,
      ...(value.layer === undefined ? {} : { layer: value.layer }),
      ...(value.selectedId === undefined ? {} : { selectedId: value.selectedId }),
    };
  } catch {
    return null; // not JSON: another program's key, or a damaged one; a fresh start is the answer
  }
}

/** Stores `place` for the workspace at `workspacePath` (null: nothing is open, so forget it). */
export function writePlace(storage: Stash, workspacePath: string, place: ReadingPlace | null): void {
  if (place === null) storage.removeItem(keyOf(workspacePath));
  else storage.setItem(keyOf(workspacePath), JSON.stringify(place));
}
