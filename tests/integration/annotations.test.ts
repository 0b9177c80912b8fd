/** Saving annotation operations and schema edits on a real workspace, reopened from disk. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace';
import { DEFAULT_SCHEMA } from '../../shared/model/default-schema';
import { invertAll, type Operation } from '../../shared/model/operations';
import type { Annotation, Relation } from '../../shared/model/types';
import { ANALYST, layerFile, readLayerFile } from './support/layout';
import { SAMPLES, tempDir } from './support/temp';

const QUOTE = "I don't see any splintering. On the contrary, I see a very clear message";

async function envoyWorkspace() {
  const dir = await tempDir();
  const ws = await Workspace.open(dir);
  const { row } = (await ws.importPaths([join(SAMPLES, 'us-envoy-arrives-in-japan.txt')])).imported[0]!;
  const doc = await ws.openDocument(row.id, ANALYST);
  const span = (id: string, label: string, quote: string, from = 0): Annotation => {
    const start = doc.text.indexOf(quote, from);
    return {
      id,
      label,
      start,
      end: start + quote.length,
      quote,
      attributes: {},
      author: 'ann',
      createdAt: '2026-11-27T10:00:00.000Z',
      updatedAt: '2026-11-27T10:00:00.000Z',
    };
  };
  const claim = span('c1', 'Claim', QUOTE);
  const source = span('s1', 'Source', 'Hill', claim.end);
  const link: Relation = { id: 'r1', type: 'attributed_to', from: 'c1', to: 's1', author: 'ann', createdAt: '2026-11-27T10:00:01.000Z' };
  return { dir, ws, docId: row.id, claim, source, link, span };
}

describe('applyChanges', () => {
  it('saves a claim, its source and the link, and a reopened workspace has exactly them', async () => {
    const { dir, ws, docId, claim, source, link } = await envoyWorkspace();
    const row = await ws.applyChanges(docId, ANALYST, [
      { op: 'addAnnotation', annotation: source },
      { op: 'addAnnotation', annotation: claim },
      { op: 'addRelation', relation: link },
    ]);
    expect(row).toMatchObject({ annotationCount: 2, layer: ANALYST, layers: { [ANALYST]: { labelCounts: { Claim: 1, Source: 1 } } } });
    expect((await readLayerFile(dir, docId)).annotations.map((a) => a.id)).toEqual(['c1', 's1']); // stored sorted by start
    const reopened = await Workspace.open(dir);
    const doc = await reopened.openDocument(docId, ANALYST);
    expect(doc.annotations.map((a) => a.id)).toEqual(['c1', 's1']);
    for (const a of doc.annotations) expect(doc.text.slice(a.start, a.end)).toBe(a.quote);
    expect(doc.relations).toEqual([link]);
    expect(reopened.listDocuments(ANALYST)[0]!.annotationCount).toBe(2);
    // They are the analyst's: another analyst's layer of the same document is untouched.
    expect((await reopened.openDocument(docId, 'bob')).annotations).toEqual([]);
    expect(reopened.listDocuments('bob')[0]).toMatchObject({ annotationCount: 0, layers: { [ANALYST]: { annotationCount: 2 } } });
  });

  it('rejects an operation that breaks the schema or the text, and saves nothing of that batch', async () => {
    const { dir, ws, docId, claim, source } = await envoyWorkspace();
    const bad: Relation = { id: 'r2', type: 'attributed_to', from: 's1', to: 'c1', author: 'ann', createdAt: 't' };
    await expect(
      ws.applyChanges(docId, ANALYST, [
        { op: 'addAnnotation', annotation: claim },
        { op: 'addAnnotation', annotation: source },
        { op: 'addRelation', relation: bad },
      ]),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/does not link Source to Claim/) });
    await expect(ws.applyChanges(docId, ANALYST, [{ op: 'addAnnotation', annotation: { ...claim, label: 'Rumour' } }])).rejects.toThrow(
      /no label "Rumour"/,
    );
    await expect(ws.applyChanges(docId, ANALYST, [{ op: 'addAnnotation', annotation: { ...claim, quote: 'other words' } }])).rejects.toThrow(
      /quote does not match/,
    );
    expect(existsSync(layerFile(dir, docId))).toBe(false);
    expect((await (await Workspace.open(dir)).openDocument(docId, ANALYST)).annotations).toEqual([]);
  });

  it('undoes a change by applying its inverse, and a retried batch applies once', async () => {
    const { ws, docId, claim, source, link } = await envoyWorkspace();
    const change: Operation[] = [
      { op: 'addAnnotation', annotation: claim },
      { op: 'addAnnotation', annotation: source },
      { op: 'addRelation', relation: link },
      {
        op: 'updateAnnotation',
        id: 'c1',
        before: { attributes: {} },
        after: { attributes: { checkworthy: 'yes' }, updatedAt: '2026-11-27T10:01:00.000Z' },
      },
      { op: 'updateDocument', before: { status: 'new' }, after: { status: 'in_progress' } },
    ];
    await ws.applyChanges(docId, ANALYST, change);
    await ws.applyChanges(docId, ANALYST, change);
    expect((await ws.openDocument(docId, ANALYST)).annotations).toHaveLength(2);
    expect(ws.listDocuments(ANALYST)[0]!.status).toBe('in_progress');
    const row = await ws.applyChanges(docId, ANALYST, invertAll(change));
    expect(row).toMatchObject({ annotationCount: 0, status: 'new' });
    expect((await ws.openDocument(docId, ANALYST)).relations).toEqual([]);
  });
});

describe('updateSchema', () => {
  it('renames a label in every layer that uses it and removes a label with its annotations and links', async () => {
    const { dir, ws, docId, claim, source, link, span } = await envoyWorkspace();
    const cue = span('k1', 'Cue', 'said', source.end);
    await ws.applyChanges(docId, ANALYST, [
      { op: 'addAnnotation', annotation: claim },
      { op: 'addAnnotation', annotation: source },
      { op: 'addAnnotation', annotation: cue },
      { op: 'addRelation', relation: link },
    ]);
    await ws.applyChanges(docId, 'bob', [
      { op: 'addAnnotation', annotation: { ...cue, id: 'bk1', author: 'bob' } },
      { op: 'addAnnotation', annotation: { ...source, id: 'bs1', author: 'bob' } },
    ]);
    const schema = {
      ...DEFAULT_SCHEMA,
      labels: DEFAULT_SCHEMA.labels.filter((l) => l.name !== 'Source').map((l) => (l.name === 'Cue' ? { ...l, name: 'Attribution cue' } : l)),
      relationTypes: DEFAULT_SCHEMA.relationTypes
        .filter((t) => t.name !== 'attributed_to' && t.name !== 'coref')
        .map((t) => (t.name === 'has_cue' ? { ...t, to: ['Attribution cue'] } : t)),
    };
    await ws.updateSchema(schema, { renamedLabels: { Cue: 'Attribution cue' }, removedLabels: ['Source'] });
    const reopened = await Workspace.open(dir);
    const doc = await reopened.openDocument(docId, ANALYST);
    expect(doc.annotations.map((a) => `${a.id}:${a.label}`)).toEqual(['c1:Claim', 'k1:Attribution cue']);
    expect(doc.relations).toEqual([]);
    expect(reopened.info().schema.labels.map((l) => l.name)).toEqual(['Claim', 'Attribution cue', 'Evidence', 'Entity']);
    expect(reopened.listDocuments(ANALYST)[0]!.layers[ANALYST]!.labelCounts).toEqual({ 'Attribution cue': 1, Claim: 1 });
    expect((await reopened.openDocument(docId, 'bob')).annotations.map((a) => `${a.id}:${a.label}`)).toEqual(['bk1:Attribution cue']);
    expect(reopened.listDocuments('bob')[0]!.layers['bob']!.labelCounts).toEqual({ 'Attribution cue': 1 });
  });
});
