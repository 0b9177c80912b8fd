/**
 * The workspace claims table's service (listClaims) on a real workspace in a temp folder: two
 * articles annotated in two layers through applyChanges; rows in document then text order with
 * titles, code-point offsets and the per-document table's cells; one layer at a time; a filter of
 * documents; an unknown document refused; a damaged layer file named in `problems` (the other
 * documents still listed); and the same through the API contract (dispatch, default layer).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppSettings } from '../../electron/services/app-paths';
import { createServiceApi } from '../../electron/services/api';
import { listWorkspaceClaims } from '../../electron/services/claims';
import { browserShell } from '../../electron/services/export/jobs';
import { Workspace } from '../../electron/services/workspace';
import type { ClaimList } from '../../shared/api';
import { dispatch } from '../../shared/api-validate';
import { claimColumns, claimRows } from '../../shared/model/claims-table';
import { layerFileName } from '../../shared/model/layers';
import { unsourcedClaimIds } from '../../shared/model/vocabulary';
import type { Operation } from '../../shared/model/operations';
import type { Annotation, Attributes } from '../../shared/model/types';
import { tempDir } from './support/temp';

// The emoji before the claims makes UTF-16 and code-point offsets differ.
const GRID = 'Grid 🔌 warning\n\n"The grid fails tonight," Hill said. Officials said rates will rise.\n';
const RENT = 'Rent report\n\nRents fell in May, the agency said.\n';

/** An annotation over the first occurrence of `quote` in `text`. */
function span(text: string, id: string, label: string, quote: string, attributes: Attributes = {}): Annotation {
  const start = text.indexOf(quote);
  if (start < 0) throw new RangeError(`"${quote}" is not in the text`);
  return { id, label, start, end: start + quote.length, quote, attributes, author: 'ann', createdAt: 't0', updatedAt: 't0' };
}

const add = (...annotations: Annotation[]): Operation[] => annotations.map((annotation) => ({ op: 'addAnnotation', annotation }));

/** Two articles; ann has two claims (one linked to a source) in the grid one and one in the rent one, bob one claim in the rent one. */
async function workspace() {
  const dir = await tempDir();
  await writeFile(join(dir, 'grid.txt'), GRID);
  await writeFile(join(dir, 'rent.txt'), RENT);
  const ws = await Workspace.open(join(dir, 'ws'));
  const report = await ws.importPaths([join(dir, 'grid.txt'), join(dir, 'rent.txt')]);
  const [grid, rent] = await Promise.all(report.imported.map((r) => ws.readDocument(r.row.id, null)));
  await ws.applyChanges(grid!.id, 'ann', [
    // Stored out of text order on purpose.
    ...add(
      span(grid!.text, 'g2', 'Claim', 'rates will rise'),
      span(grid!.text, 'g1', 'Claim', 'The grid fails tonight', { claim_type: 'prediction' }),
    ),
    ...add(span(grid!.text, 'hill', 'Source', 'Hill')),
    { op: 'addRelation', relation: { id: 'r1', type: 'attributed_to', from: 'g1', to: 'hill', author: 'ann', createdAt: 't0' } },
  ]);
  await ws.applyChanges(rent!.id, 'ann', add(span(rent!.text, 'r1', 'Claim', 'Rents fell in May')));
  await ws.applyChanges(rent!.id, 'bob', add(span(rent!.text, 'b1', 'Claim', 'Rents fell')));
  return { dir, ws, grid: grid!, rent: rent! };
}

const cell = (list: ClaimList, i: number, columnId: string, ws: Workspace) =>
  list.rows[i]!.cells[claimColumns(ws.info().schema).findIndex((c) => c.id === columnId)];

describe('listClaims', () => {
  it("lists one layer's claims in document then text order, with titles, code-point offsets and the table's cells", async () => {
    const { ws, grid, rent } = await workspace();
    const list = await listWorkspaceClaims(ws, {}, 'ann');
    expect(list.layer).toBe('ann');
    expect(list.problems).toEqual([]);
    expect(list.rows.map((r) => [r.title, r.claimId])).toEqual([
      [grid.title, 'g1'],
      [grid.title, 'g2'],
      [rent.title, 'r1'],
    ]);
    const unsourced = new Set<string>();
    for (const row of list.rows) {
      const doc = row.docId === grid.id ? await ws.readDocument(grid.id, 'ann') : await ws.readDocument(rent.id, 'ann');
      const quote = doc.annotations.find((a) => a.id === row.claimId)!.quote;
      expect([...doc.text].slice(row.startCp, row.endCp).join('')).toBe(quote);
      for (const id of unsourcedClaimIds(doc)) unsourced.add(id);
      expect(row.cells).toEqual(claimRows(doc, ws.info().schema).find((r) => r.id === row.claimId)!.cells);
    }
    // The emoji counts once in code points: the offsets are not the UTF-16 ones.
    expect(list.rows[0]!.startCp).toBe(grid.text.indexOf('The grid') - 1);
    expect(cell(list, 0, 'sources', ws)).toBe('Hill');
    expect(cell(list, 0, 'attr:claim_type', ws)).toBe('prediction');
    expect(cell(list, 1, 'attr:claim_type', ws)).toBe('');
    expect(list.rows.map((r) => r.isUnsourced)).toEqual(list.rows.map((r) => unsourced.has(r.claimId)));
  });

  it('reads another layer when asked, and only the documents asked for; an unknown document is NOT_FOUND', async () => {
    const { ws, grid, rent } = await workspace();
    expect((await listWorkspaceClaims(ws, {}, 'bob')).rows.map((r) => r.claimId)).toEqual(['b1']);
    expect((await listWorkspaceClaims(ws, { docIds: [rent.id] }, 'ann')).rows.map((r) => r.claimId)).toEqual(['r1']);
    expect((await listWorkspaceClaims(ws, { docIds: [grid.id] }, 'carol')).rows).toEqual([]);
    await expect(listWorkspaceClaims(ws, { docIds: ['abcdef0123456789'] }, 'ann')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names a document whose layer file is damaged, with why, and still lists the others', async () => {
    const { ws, grid, rent } = await workspace();
    await ws.close();
    const root = ws.path;
    await writeFile(join(root, 'documents', grid.id, 'layers', layerFileName('ann')), '{ not json');
    const reopened = await Workspace.open(root);
    const list = await listWorkspaceClaims(reopened, {}, 'ann');
    expect(list.rows.map((r) => r.claimId)).toEqual(['r1']);
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]).toMatchObject({ docId: grid.id, title: grid.title });
    expect(list.problems[0]!.message.length).toBeGreaterThan(10);
    expect(list.rows[0]!.docId).toBe(rent.id);
    await reopened.close();
  });

  it('answers through the contract: the default layer is the analyst’s own, bad input is INVALID_INPUT', async () => {
    const { ws } = await workspace();
    const settings = await openAppSettings();
    settings.db.data.author = 'bob';
    const api = createServiceApi({ current: ws }, settings, browserShell(ws.path));
    const res = await dispatch(api, 'listClaims', {}, () => undefined);
    expect(res.ok && (res.value as ClaimList).rows.map((r) => r.claimId)).toEqual(['b1']);
    const curated = await dispatch(api, 'listClaims', { layer: 'curated' }, () => undefined);
    expect(curated.ok && (curated.value as ClaimList).rows).toEqual([]);
    for (const bad of [{ layer: 'all' }, { docIds: ['../x'] }, { extra: 1 }]) {
      const refused = await dispatch(api, 'listClaims', bad, () => undefined);
      expect(refused.ok ? null : refused.error.code).toBe('INVALID_INPUT');
    }
  });
});
