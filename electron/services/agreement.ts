/**
 * Agreement over a workspace: every document's annotator layers read (not kept open; its article
 * once) and handed to the pure measures in shared/agreement. Documents with fewer than two
 * annotators' layers cannot add to any pair, so they are not read.
 */
import type { AgreementRequest } from '../../shared/api';
import { computeAgreement, type AgreementDocument, type AgreementReport } from '../../shared/agreement';
import { annotatorsOf } from '../../shared/model/layers';
import type { Workspace } from './workspace';

/**
 * The agreement report of a workspace (or the requested part of it).
 * @throws ApiError NOT_FOUND for an unknown document id; IO/CONFLICT when a layer file cannot be used
 */
export async function workspaceAgreement(workspace: Workspace, request: AgreementRequest): Promise<AgreementReport> {
  const wanted = request.docIds ? new Set(request.docIds) : null;
  const docs: AgreementDocument[] = [];
  workspace.refreshLayers();
  for (const row of workspace.listDocuments('')) {
    if (wanted && !wanted.has(row.id)) continue;
    const annotators = annotatorsOf(row.layers).filter((a) => !request.annotators || request.annotators.includes(a));
    if (annotators.length < 2) continue;
    const read = await workspace.readLayers(row.id, annotators);
    const layers = Object.fromEntries(annotators.map((name, i) => [name, { annotations: read[i]!.annotations, relations: read[i]!.relations }]));
    docs.push({ docId: row.id, title: row.title, textLength: row.length, layers });
  }
  return computeAgreement(docs, { annotators: request.annotators, labels: request.labels });
}
