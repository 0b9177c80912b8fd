/**
 * Merging one document's re-read claims into the workspace claims table's list
 * (renderer/state/claim-list-merge.ts, #12 review), on a real workspace in a temp folder with the
 * real service (listWorkspaceClaims): after a change to the first of three articles, the whole list
 * read again equals the old list with that article's rows read alone and merged in; an article that
 * had no claims and gains its first cannot be placed, and the merge says so (null: read everything).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listWorkspaceClaims } from '../../electron/services/claims';
import { Workspace } from '../../electron/services/workspace';
import { mergeClaimList } from '../../renderer/state/claim-list-merge';
import type { Operation } from '../../shared/model/operations';
import type { Annotation, DocumentData } from '../../shared/model/types';
import { tempDir } from './support/temp';

process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-data-');

const TEXTS = {
  'grid.txt': 'Grid warning\n\nThe grid fails tonight, Hill said. Officials said rates will rise.\n',
  'rent.txt': 'Rent report\n\nRents fell in May, the agency said.\n',
  'quiet.txt': 'Quiet day\n\nNothing happened in the council today.\n',
};

const span = (doc: DocumentData, id: string, quote: string): Annotation => {
  const start = doc.text.indexOf(quote);
  return { id, label: 'Claim', start, end: start + quote.length, quote, attributes: {}, author: 'ann', createdAt: 't0', updatedAt: 't0' };
};
const add = (...annotations: Annotation[]): Operation[] => annotations.map((annotation) => ({ op: 'addAnnotation', annotation }));

async function workspace() {
  const dir = await tempDir();
  for (const [name, text] of Object.entries(TEXTS)) await writeFile(join(dir, name), text);
  const ws = await Workspace.open(join(dir, 'ws'));
  const report = await ws.importPaths(Object.keys(TEXTS).map((name) => join(dir, name)));
  const [grid, rent, quiet] = await Promise.all(report.imported.map((r) => ws.readDocument(r.row.id, null)));
  await ws.applyChanges(grid!.id, 'ann', add(span(grid!, 'g1', 'The grid fails tonight'), span(grid!, 'g2', 'rates will rise')));
  await ws.applyChanges(rent!.id, 'ann', add(span(rent!, 'r1', 'Rents fell in May')));
  return { ws, grid: grid!, rent: rent!, quiet: quiet! };
}

describe('mergeClaimList', () => {
  it('puts a changed article’s re-read rows where its old rows were: the same as reading everything again', async () => {
    const { ws, grid } = await workspace();
    const before = await listWorkspaceClaims(ws, {}, 'ann');
    const g2 = before.rows.find((r) => r.claimId === 'g2')!;
    await ws.applyChanges(grid.id, 'ann', [
      { op: 'removeAnnotation', annotation: span(grid, 'g2', 'rates will rise') },
      ...add(span(grid, 'g3', 'Officials said'), span(grid, 'g4', 'Hill said')),
      { op: 'updateAnnotation', id: 'g1', before: { attributes: {} }, after: { attributes: { claim_type: 'prediction' } } },
    ]);
    const fresh = await listWorkspaceClaims(ws, { docIds: [grid.id] }, 'ann');
    const merged = mergeClaimList(before, fresh, new Set([grid.id]));
    const all = await listWorkspaceClaims(ws, {}, 'ann');
    expect(merged).toEqual(all);
    expect(merged!.rows.map((r) => r.claimId)).toEqual(['g1', 'g4', 'g3', 'r1']);
    expect(merged!.rows).not.toContainEqual(g2);
  });

  it('cannot place the first claim of an article that had none (null: the whole list is read instead)', async () => {
    const { ws, quiet } = await workspace();
    const before = await listWorkspaceClaims(ws, {}, 'ann');
    await ws.applyChanges(quiet.id, 'ann', add(span(quiet, 'q1', 'Nothing happened')));
    const fresh = await listWorkspaceClaims(ws, { docIds: [quiet.id] }, 'ann');
    expect(fresh.rows.map((r) => r.claimId)).toEqual(['q1']);
    expect(mergeClaimList(before, fresh, new Set([quiet.id]))).toBeNull();
  });

  it('drops every row of an article whose claims are all gone', async () => {
    const { ws, rent } = await workspace();
    const before = await listWorkspaceClaims(ws, {}, 'ann');
    await ws.applyChanges(rent.id, 'ann', [{ op: 'removeAnnotation', annotation: span(rent, 'r1', 'Rents fell in May') }]);
    const merged = mergeClaimList(before, await listWorkspaceClaims(ws, { docIds: [rent.id] }, 'ann'), new Set([rent.id]));
    expect(merged).toEqual(await listWorkspaceClaims(ws, {}, 'ann'));
  });
});
