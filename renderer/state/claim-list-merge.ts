/**
 * Merging a re-read of some documents' claims into the workspace claims table's list (#12 review):
 * a colleague's save names its document, so only that document's claims are read again (listClaims
 * with `docIds`) and put in place of its old rows. Pure; no React.
 */
import type { ClaimList } from '../../shared/api';
import type { DocId } from '../../shared/model/types';

/**
 * `list` with the rows and problems of `docIds` replaced by those of `fresh` (a listClaims answer for
 * those documents, same layer), each document's rows where its old rows were.
 * @returns the merged list, or null when a document with new rows had none in `list`: where it goes
 *   in document order is not known then (read the whole list instead)
 */
export function mergeClaimList(list: ClaimList, fresh: ClaimList, docIds: ReadonlySet<DocId>): ClaimList | null {
  const listed = new Set(list.rows.map((r) => r.docId));
  if (fresh.rows.some((r) => !listed.has(r.docId))) return null;
  const rows: ClaimList['rows'][number][] = [];
  const placed = new Set<DocId>();
  for (const row of list.rows) {
    if (!docIds.has(row.docId)) rows.push(row);
    else if (!placed.has(row.docId)) {
      placed.add(row.docId);
      rows.push(...fresh.rows.filter((r) => r.docId === row.docId));
    }
  }
  const problems = [...list.problems.filter((p) => !docIds.has(p.docId)), ...fresh.problems];
  return { layer: list.layer, rows, problems };
}
