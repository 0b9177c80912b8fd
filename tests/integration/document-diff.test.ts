/**
 * The difference between two versions of a layer (renderer/state/document-diff.ts), on the envoy
 * article as imported into a real temporary workspace: the operations it finds turn the first
 * version into the second (annotations added, removed, relabelled; links added and removed; the
 * status), and two equal versions differ by nothing.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace';
import { changesBetween } from '../../renderer/state/document-diff';
import { addSpan, deleteSpan, link, relabel, setStatus } from '../../shared/model/commands';
import { applyOperations, type Operation } from '../../shared/model/operations';
import type { DocumentData } from '../../shared/model/types';
import { SAMPLES, tempDir } from './support/temp';

process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-data-');

let n = 0;
const stamp = () => ({ author: 'ann', now: '2026-12-06T08:00:00.000Z', newId: () => `d${++n}` });
const must = (x: Operation[] | string | null): Operation[] => {
  if (x === null || typeof x === 'string') throw new Error(String(x));
  return x;
};
/** A version's content, in an order that does not depend on how it was reached. */
const content = (doc: DocumentData) => ({
  ...doc,
  annotations: [...doc.annotations].sort((a, b) => a.id.localeCompare(b.id)),
  relations: [...doc.relations].sort((a, b) => a.id.localeCompare(b.id)),
});

describe('changesBetween', () => {
  it('finds the operations that turn one version of a layer into another', async () => {
    const dir = await tempDir();
    const workspace = await Workspace.open(dir);
    const { row } = (await workspace.importPaths([join(SAMPLES, 'us-envoy-arrives-in-japan.txt')])).imported[0]!;
    const { schema } = workspace.info();
    let before = await workspace.openDocument(row.id, 'ann');
    const span = (doc: DocumentData, label: string, quote: string) =>
      must(addSpan(doc, schema, label, doc.text.indexOf(quote), doc.text.indexOf(quote) + quote.length, stamp()));
    before = applyOperations(before, span(before, 'Claim', 'splintering'));
    before = applyOperations(before, span(before, 'Source', 'Hill'));
    before = applyOperations(before, span(before, 'Entity', 'Tokyo'));
    const [claim, source, entity] = before.annotations.map((a) => a.id) as [string, string, string];
    before = applyOperations(before, must(link(before, schema, claim, source, stamp())));

    let after = applyOperations(before, must(relabel(before, schema, entity, 'Cue', '2026-12-06T09:00:00.000Z')?.ops ?? null));
    after = applyOperations(after, span(after, 'Evidence', 'Aso'));
    after = applyOperations(after, must(deleteSpan(after, claim)));
    after = applyOperations(after, must(setStatus(after, 'done')));

    const ops = changesBetween(before, after);
    expect(content(applyOperations(before, ops))).toEqual(content(after));
    expect(ops.map((op) => op.op).sort()).toEqual(['addAnnotation', 'removeAnnotation', 'removeRelation', 'updateAnnotation', 'updateDocument']);
    expect(content(applyOperations(after, changesBetween(after, before)))).toEqual(content(before));
    expect(changesBetween(after, structuredClone(after))).toEqual([]);
  });
});
