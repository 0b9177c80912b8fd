/**
 * Starting the curation (adjudication, #11) of one document: the annotators' layers are read, and
 * when the document has no curated layer yet it is made, with the spans the policy accepts by
 * itself (shared/curation) and the status in_progress, so the list shows the document is being
 * curated. What the curator accepts or rejects afterwards goes through applyChanges on the curated
 * layer like any other edit. Plain Node: never imports 'electron'.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, type CurationPolicy } from '../../shared/api';
import { acceptAllOps, autoAccept, curationCandidates, type LayerContent } from '../../shared/curation';
import { setStatus } from '../../shared/model/commands';
import { annotatorsOf, CURATED_LAYER } from '../../shared/model/layers';
import type { DocId, DocumentRow } from '../../shared/model/types';
import type { Workspace } from './workspace';

/** What startCuration did: the document's row as the curated layer sees it, and how many spans it accepted now. */
export type CurationStart = Readonly<{ row: DocumentRow; accepted: number }>;

/**
 * Calls for one document run one after the other, so that two quick calls (a double click, two
 * windows) cannot both find no curated layer and both fill it.
 */
const running = new Map<string, Promise<CurationStart>>();

/**
 * Opens a document for curation: makes its curated layer when there is none, with every candidate
 * `policy` accepts (see autoAccept) already in it, with its links; a document that has a curated
 * layer is left as it is.
 * @param curator the author of what is accepted now (default `curated`: accepted by the policy, not by a person)
 * @returns the document's row seen through the curated layer, and how many spans were accepted now (0 when the layer existed)
 * @throws ApiError NOT_FOUND for an unknown document; CONFLICT when the workspace is read-only here; IO
 */
export function startCuration(workspace: Workspace, docId: DocId, policy: CurationPolicy, curator: string = CURATED_LAYER): Promise<CurationStart> {
  const key = `${workspace.path}\0${docId}`;
  const before = running.get(key) ?? Promise.resolve(null);
  const next = before.then(
    () => startNow(workspace, docId, policy, curator),
    () => startNow(workspace, docId, policy, curator),
  );
  running.set(key, next);
  const forget = () => {
    if (running.get(key) === next) running.delete(key);
  };
  next.then(forget, forget);
  return next;
}

async function startNow(workspace: Workspace, docId: DocId, policy: CurationPolicy, curator: string): Promise<CurationStart> {
  const summaries = workspace.layers(docId);
  if (Object.hasOwn(summaries, CURATED_LAYER)) return { row: curatedRow(workspace, docId), accepted: 0 };
  const annotators = annotatorsOf(summaries);
  const layers: Record<string, LayerContent> = {};
  for (const name of annotators) {
    const doc = await workspace.openDocument(docId, name);
    layers[name] = { annotations: doc.annotations, relations: doc.relations };
  }
  const curated = await workspace.openDocument(docId, CURATED_LAYER);
  const chosen = autoAccept(curationCandidates(layers, curated, new Set()), policy, annotators.length);
  const stamp = { author: curator, now: new Date().toISOString(), newId: () => randomUUID() };
  const ops = [...acceptAllOps(chosen, curated, stamp), ...(setStatus(curated, 'in_progress') ?? [])];
  const row = await workspace.applyChanges(docId, CURATED_LAYER, ops);
  return { row, accepted: chosen.length };
}

/** The row of a document as the curated layer sees it. */
function curatedRow(workspace: Workspace, docId: DocId): DocumentRow {
  const row = workspace.listDocuments(CURATED_LAYER).find((r) => r.id === docId);
  if (!row) throw new ApiError('NOT_FOUND', `document ${docId} is gone (moved to the trash meanwhile?)`);
  return row;
}
