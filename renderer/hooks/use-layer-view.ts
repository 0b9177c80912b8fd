/**
 * Which layer of the open document the window shows (#11): the analyst's own unless they picked
 * another in the layer switcher; a new document (or a new author name) starts at their own again.
 * Also the open document's list row (its layers' summaries, for the switcher), and why the shown
 * layer is read-only, when it is. No API calls: the session is opened by useDocumentSession.
 */
import { useCallback, useMemo, useState } from 'react';
import type { WorkspaceInfo } from '../../shared/api';
import type { DocId, DocumentRow } from '../../shared/model/types';
import { readOnlyReasonFor, type LayerRef } from '../state/layer-access';

export type LayerView = Readonly<{
  /** The analyst's own layer, or null until the workspace has answered. */
  annotator: string | null;
  /** The document and layer to open, or null (no document open, or the annotator not known yet). */
  ref: LayerRef | null;
  /** The open document's row (with every layer's summary), or null. */
  row: DocumentRow | null;
  /** Why the shown layer cannot be changed here (another annotator's), or null. */
  readOnlyReason: string | null;
  /** Shows another layer of the open document (the analyst's own name: back to theirs). */
  setLayer: (layer: string) => void;
}>;

type Choice = Readonly<{ docId: DocId; annotator: string; layer: string }>;

/**
 * @param openId the open document
 * @param info the workspace (its `annotator` is the analyst's own layer)
 * @param rows the document list, and `patches`, rows changed by this window's saves since
 */
export function useLayerView(
  openId: DocId | null,
  info: WorkspaceInfo | null,
  rows: readonly DocumentRow[] | null,
  patches: ReadonlyMap<DocId, DocumentRow>,
): LayerView {
  const annotator = info?.annotator ?? null;
  const [choice, setChoice] = useState<Choice | null>(null);
  // A choice holds for the document and the author name it was made for.
  const chosen = choice && choice.docId === openId && choice.annotator === annotator ? choice.layer : null;
  const layer = chosen ?? annotator;

  const ref = useMemo(
    () => (openId !== null && layer !== null && annotator !== null ? { docId: openId, layer, annotator } : null),
    [openId, layer, annotator],
  );
  const row = useMemo(() => (openId === null ? null : (patches.get(openId) ?? rows?.find((r) => r.id === openId) ?? null)), [openId, rows, patches]);

  const setLayer = useCallback(
    (next: string) => setChoice(openId === null || annotator === null || next === annotator ? null : { docId: openId, annotator, layer: next }),
    [openId, annotator],
  );

  return { annotator, ref, row, readOnlyReason: ref ? readOnlyReasonFor(ref.layer, ref.annotator) : null, setLayer };
}
