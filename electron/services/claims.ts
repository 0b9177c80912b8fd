/**
 * The workspace claims table (#12): every claim of one layer across the workspace (or the given
 * documents), one row each, with its document's title, its offsets in code points and the same
 * cells the per-document claims table shows (shared/model/claims-table.ts builds them, so both
 * tables agree). Only documents whose layer summary counts a Claim are read (the layer cache
 * knows that without opening anything), one at a time and not kept open, so a workspace of
 * thousands of documents costs a stat each plus a read of those that have claims. Never writes.
 */
import { ApiError, type ClaimList, type ClaimsRequest, type WorkspaceClaimRow } from '../../shared/api';
import { offsetMap } from '../../shared/anchoring/code-points';
import { claimRows } from '../../shared/model/claims-table';
import { CLAIM_LABEL, unsourcedClaimIds } from '../../shared/model/vocabulary';
import type { Schema } from '../../shared/model/types';
import type { Workspace } from './workspace';

/**
 * Lists the claims of `layer`.
 * @param request which documents (default: every one, in import order)
 * @param layer the layer to read (the caller resolves the default: the analyst's own)
 * @returns the rows in document then text order, and the documents whose layer could not be
 *   read (a damaged file: its message says what to do), which are not left out silently
 * @throws ApiError NOT_FOUND for a document id that is not in the workspace
 */
export async function listWorkspaceClaims(workspace: Workspace, request: ClaimsRequest, layer: string): Promise<ClaimList> {
  const schema: Schema = workspace.info().schema;
  workspace.refreshLayers();
  const rows = workspace.listDocuments(layer);
  if (request.docIds) {
    const known = new Set(rows.map((r) => r.id));
    const unknown = request.docIds.find((id) => !known.has(id));
    if (unknown !== undefined) throw new ApiError('NOT_FOUND', `no document ${unknown} in this workspace (it may have been moved to the trash)`);
  }
  const wanted = request.docIds ? new Set(request.docIds) : null;
  const out: WorkspaceClaimRow[] = [];
  const problems: { docId: string; title: string; message: string }[] = [];
  for (const row of rows) {
    if (wanted && !wanted.has(row.id)) continue;
    const summary = row.layers[layer];
    if (summary?.problem !== undefined) {
      problems.push({ docId: row.id, title: row.title, message: summary.problem });
      continue;
    }
    if ((summary?.labelCounts[CLAIM_LABEL] ?? 0) === 0) continue;
    let doc;
    try {
      doc = await workspace.readDocument(row.id, layer);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      problems.push({ docId: row.id, title: row.title, message: err.message });
      continue;
    }
    const map = offsetMap(doc.text);
    const unsourced = unsourcedClaimIds(doc);
    for (const claim of claimRows(doc, schema))
      out.push({
        docId: doc.id,
        title: doc.title,
        claimId: claim.id,
        startCp: map.codePointFromUtf16(claim.start),
        endCp: map.codePointFromUtf16(claim.end),
        cells: claim.cells,
        isUnsourced: unsourced.has(claim.id),
      });
  }
  return { layer, rows: out, problems };
}
