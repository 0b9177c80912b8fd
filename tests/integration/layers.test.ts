/**
 * Annotation layers on a real workspace (#11): each annotator's work in a file only they write,
 * claimdesk.json untouched by annotating, the summaries cache rebuilt when missing or stale,
 * another annotator's layer read-only through the API, annotated imports into a layer (a record
 * whose text is already there adds a layer), and exports choosing layers, read back.
 */
import { spawnSync } from 'node:child_process';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Low, Memory } from 'lowdb';
import { createServiceApi } from '../../electron/services/api';
import type { AppSettings } from '../../electron/services/app-paths';
import { exportDocuments } from '../../electron/services/export/export';
import { browserShell } from '../../electron/services/export/jobs';
import { importCorpusPaths } from '../../electron/services/importers/corpus';
import { Workspace } from '../../electron/services/workspace';
import { WHOLE_WORKSPACE } from '../../shared/formats/scope';
import type { Annotation } from '../../shared/model/types';
import { BIN, buildNodeIfStale, ROOT } from './support/built';
import { SAMPLES, tempDir } from './support/temp';

const ENVOY = join(SAMPLES, 'us-envoy-arrives-in-japan.txt');
const T = '2026-12-01T10:00:00.000Z';

/** A workspace with the envoy article and a span maker for its text. */
async function envoy(dir?: string) {
  const root = dir ?? (await tempDir());
  const ws = await Workspace.open(root, { mergeDriver: null });
  const report = await ws.importPaths([ENVOY]);
  const docId = report.imported[0]?.row.id ?? ws.listDocuments('')[0]!.id;
  const { text } = await ws.readDocument(docId, null);
  const span = (id: string, label: string, quote: string, author: string, attributes = {}): Annotation => {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`not in the text: ${quote}`);
    return { id, label, start, end: start + quote.length, quote, attributes, author, createdAt: T, updatedAt: T };
  };
  return { root, ws, docId, text, span };
}

const add = (annotation: Annotation) => ({ op: 'addAnnotation' as const, annotation });

describe('layers', () => {
  it('keep each annotator in their own file, and annotating never rewrites claimdesk.json or the article', async () => {
    const { root, ws, docId, span } = await envoy();
    const index = await readFile(join(root, 'claimdesk.json'), 'utf8');
    const article = await readFile(join(root, 'documents', docId, 'article.json'), 'utf8');
    await ws.applyChanges(docId, 'ann', [add(span('a1', 'Source', 'Christopher Hill', 'ann'))]);
    await ws.applyChanges(docId, 'Bob Lee', [add(span('b1', 'Source', 'Hill', 'Bob Lee')), add(span('b2', 'Source', 'Aso', 'Bob Lee'))]);
    await ws.updateStatus(docId, 'ann', 'done');
    expect(await readFile(join(root, 'claimdesk.json'), 'utf8')).toBe(index);
    expect(await readFile(join(root, 'documents', docId, 'article.json'), 'utf8')).toBe(article);
    expect((await readdir(join(root, 'documents', docId, 'layers'))).sort()).toEqual(['Bob%20Lee.json', 'ann.json']);
    const bob = JSON.parse(await readFile(join(root, 'documents', docId, 'layers', 'Bob%20Lee.json'), 'utf8'));
    expect(Object.keys(bob)).toEqual(['version', 'docId', 'layer', 'status', 'attributes', 'annotations', 'relations']);
    const starts = bob.annotations.map((a: Annotation) => a.start);
    expect(starts).toEqual([...starts].sort((x: number, y: number) => x - y)); // in text order, so a file diffs line by line
    expect(Object.keys(bob.annotations[0])).toEqual(['id', 'label', 'start', 'end', 'quote', 'attributes', 'author', 'createdAt', 'updatedAt']);
    const row = ws.listDocuments('ann')[0]!;
    expect(row).toMatchObject({ layer: 'ann', status: 'done', annotationCount: 1 });
    expect(row.layers).toMatchObject({ ann: { status: 'done', annotationCount: 1 }, 'Bob Lee': { status: 'new', annotationCount: 2 } });
    expect((await ws.openDocument(docId, 'Bob Lee')).annotations.map((a) => a.id).sort()).toEqual(['b1', 'b2']);
    await ws.close();
  });

  it('rebuild the summaries cache when it is missing or a layer file changed behind it', async () => {
    const { root, ws, docId, span } = await envoy();
    await ws.applyChanges(docId, 'ann', [add(span('a1', 'Source', 'Christopher Hill', 'ann'))]);
    await ws.close();
    await rm(join(root, '.cache'), { recursive: true, force: true });
    let again = await Workspace.open(root, { mergeDriver: null });
    expect(again.listDocuments('ann')[0]).toMatchObject({ annotationCount: 1, layers: { ann: { labelCounts: { Source: 1 } } } });
    await again.close(); // writes the cache
    // Another machine's version of ann's layer arrives (as a git pull would write it): two sources now.
    const path = join(root, 'documents', docId, 'layers', 'ann.json');
    const layer = JSON.parse(await readFile(path, 'utf8'));
    layer.annotations.push(span('a2', 'Source', 'Aso', 'ann'));
    await writeFile(path, JSON.stringify(layer, null, 2));
    again = await Workspace.open(root, { mergeDriver: null });
    expect(again.listDocuments('ann')[0]).toMatchObject({ annotationCount: 2, layers: { ann: { labelCounts: { Source: 2 } } } });
    await again.close();
  });

  it('show the document-level conflicts a merge left until the analyst chooses a status', async () => {
    const { root, ws, docId, span } = await envoy();
    await ws.applyChanges(docId, 'ann', [add(span('a1', 'Source', 'Christopher Hill', 'ann'))]);
    await ws.close();
    // As a git merge leaves ann's layer when she set the status differently on two machines.
    const path = join(root, 'documents', docId, 'layers', 'ann.json');
    const merged = {
      ...JSON.parse(await readFile(path, 'utf8')),
      status: 'in_progress',
      conflicts: [{ field: 'status', values: ['in_progress', 'done'] }],
    };
    await writeFile(path, JSON.stringify(merged, null, 2));
    const again = await Workspace.open(root, { mergeDriver: null });
    expect((await again.openDocument(docId, 'ann')).conflicts).toEqual([{ field: 'status', values: ['in_progress', 'done'] }]);
    expect(again.listDocuments('ann')[0]!.layers.ann).toMatchObject({ conflictCount: 1 });
    // Annotating leaves them; choosing the status (even the one it has) settles them.
    await again.applyChanges(docId, 'ann', [add(span('a2', 'Source', 'Aso', 'ann'))]);
    expect(JSON.parse(await readFile(path, 'utf8')).conflicts).toHaveLength(1);
    await again.updateStatus(docId, 'ann', 'in_progress');
    expect(JSON.parse(await readFile(path, 'utf8'))).not.toHaveProperty('conflicts');
    expect((await again.openDocument(docId, 'ann')).conflicts).toBeUndefined();
    expect(again.listDocuments('ann')[0]!.layers.ann).toMatchObject({ conflictCount: 0 });
    await again.close();
  });

  it('are read-only to other analysts through the API: only your own layer and the curated one can be written', async () => {
    const { ws, docId, span } = await envoy();
    const settings = { db: new Low<AppSettings>(new Memory(), { version: 1, recentWorkspaces: [], author: 'ann' }), isWritable: true };
    const api = createServiceApi({ current: ws }, settings, browserShell(ws.path));
    await api.applyChanges({ docId, ops: [add(span('a1', 'Source', 'Christopher Hill', 'ann'))] });
    expect((await api.getDocument({ docId })).annotations.map((a) => a.id)).toEqual(['a1']);
    expect((await api.getWorkspace()).annotator).toBe('ann');
    await expect(api.applyChanges({ docId, layer: 'bob', ops: [add(span('x', 'Source', 'Aso', 'ann'))] })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await api.applyChanges({ docId, layer: 'curated', ops: [add(span('c1', 'Source', 'Aso', 'ann'))] });
    expect(Object.keys((await api.listDocuments())[0]!.layers).sort()).toEqual(['ann', 'curated']);
    await expect(api.updatePreferences({ author: 'curated' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await ws.close();
  });
});

describe('annotated imports and exports choose layers', () => {
  it('a JSONL record whose text is in the workspace adds a layer to that document (claimdesk import --annotator)', async () => {
    buildNodeIfStale();
    const { root, ws, docId, span } = await envoy();
    await ws.applyChanges(docId, 'ann', [add(span('a1', 'Source', 'Christopher Hill', 'ann'))]);
    const out = join(await tempDir(), 'ann.jsonl');
    await exportDocuments(ws, { format: 'jsonl', out, scope: WHOLE_WORKSPACE, split: null, force: false });
    await ws.close();
    const r = spawnSync('node', [BIN, 'import', '--workspace', root, '--annotator', 'bob', out], { encoding: 'utf8', cwd: ROOT });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`-> ${docId}`);
    const again = await Workspace.open(root, { mergeDriver: null });
    expect(again.listDocuments('')).toHaveLength(1);
    expect(Object.keys(again.layers(docId)).sort()).toEqual(['ann', 'bob']);
    expect((await again.openDocument(docId, 'bob')).annotations.map((a) => a.quote)).toEqual(['Christopher Hill']);
    // Importing it again changes nothing: bob's layer is already there.
    await again.close();
    const twice = spawnSync('node', [BIN, 'import', '--workspace', root, '--annotator', 'bob', out], { encoding: 'utf8', cwd: ROOT });
    expect(twice.stdout).toContain('skipped');
  });

  it('default: the curated layer, else the only one; several and no curated are skipped and listed; all: one record per annotator', async () => {
    const { ws, docId, span } = await envoy();
    const claim = { claim_type: 'factual', attribution: 'attributed', quote_form: 'direct', veracity: 'unknown' };
    await ws.applyChanges(docId, 'ann', [add(span('a1', 'Claim', 'a very clear message', 'ann', claim))]);
    await ws.applyChanges(docId, 'bob', [add(span('b1', 'Claim', 'a very clear message', 'bob', claim))]);
    const dir = await tempDir();
    const run = (name: string, layer: string, format: 'jsonl' | 'claims-csv' = 'jsonl') =>
      exportDocuments(ws, { format, out: join(dir, name), scope: { ...WHOLE_WORKSPACE, layer }, split: null, force: false });
    const skipped = await run('default.jsonl', 'default');
    expect(skipped.after.documents).toBe(0);
    expect(skipped.after.skipped).toEqual([expect.objectContaining({ docId, reason: expect.stringContaining('no curated') })]);
    const all = await run('all.jsonl', 'all');
    const records = (await readFile(join(dir, 'all.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => JSON.parse(l));
    expect(records.map((r) => [r.id, r.annotator, r.spans.map((s: { id: string }) => s.id)])).toEqual([
      [docId, 'ann', ['a1']],
      [docId, 'bob', ['b1']],
    ]);
    expect(all.after.documentLayers[docId]).toEqual(['ann', 'bob']);
    await run('all.csv', 'all', 'claims-csv');
    const csv = (await readFile(join(dir, 'all.csv'), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]!.split(',').slice(0, 3)).toEqual(['document_id', 'document_title', 'annotator']);
    expect(csv.filter((l) => l.includes('a very clear message'))).toHaveLength(2);
    await ws.applyChanges(docId, 'curated', [add(span('k1', 'Claim', 'a very clear message', 'cur', claim))]);
    const curated = await run('curated.jsonl', 'default');
    expect(curated.after.documentLayers[docId]).toEqual(['curated']);
    const line = JSON.parse((await readFile(join(dir, 'curated.jsonl'), 'utf8')).trim().split('\n')[1]!);
    expect(line.spans.map((s: { id: string }) => s.id)).toEqual(['k1']);
    expect(line).not.toHaveProperty('annotator');
    await ws.close();
  });

  it("a W3C file puts each annotation into its author's layer, and importing it again adds nothing", async () => {
    const { ws, docId, span } = await envoy();
    await ws.applyChanges(docId, 'ann', [add(span('a1', 'Source', 'Christopher Hill', 'ann'))]);
    await ws.applyChanges(docId, 'bob', [add(span('b1', 'Source', 'Aso', 'bob'))]);
    const dir = await tempDir();
    for (const layer of ['ann', 'bob'])
      await exportDocuments(ws, {
        format: 'w3c',
        out: join(dir, `${layer}.jsonld`),
        scope: { ...WHOLE_WORKSPACE, layer },
        split: null,
        force: false,
      });
    await ws.close();
    const fresh = await envoy();
    for (const _ of [1, 2]) {
      const report = await importCorpusPaths(fresh.ws, [join(dir, 'ann.jsonld'), join(dir, 'bob.jsonld')], { fallback: 'me' });
      expect(report.problems).toEqual([]);
    }
    expect(Object.keys(fresh.ws.layers(fresh.docId)).sort()).toEqual(['ann', 'bob']);
    expect((await fresh.ws.openDocument(fresh.docId, 'bob')).annotations.map((a) => a.id)).toEqual(['b1']);
    await fresh.ws.close();
  });

  it('claimdesk agreement prints the JSON form for the workspace', async () => {
    buildNodeIfStale();
    const { root, ws, docId, span } = await envoy();
    await ws.applyChanges(docId, 'ann', [add(span('a1', 'Source', 'Christopher Hill', 'ann')), add(span('a2', 'Source', 'Aso', 'ann'))]);
    await ws.applyChanges(docId, 'bob', [add(span('b1', 'Source', 'Christopher Hill', 'bob'))]);
    await ws.close();
    const r = spawnSync('node', [BIN, 'agreement', '--workspace', root, '--format', 'json'], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.annotators).toEqual(['ann', 'bob']);
    expect(report.pairs).toHaveLength(1);
    // ann has 2 sources, bob 1, one identical: F1 = 2·1/(2+1).
    expect(report.pairs[0].labels.Source.f1_exact).toBeCloseTo(2 / 3, 10);
    expect(report.mean.overall.f1_exact).toBeCloseTo(2 / 3, 10);
    // --out follows export's rules: never into the workspace's own files, an existing file only with --force.
    const inside = spawnSync('node', [BIN, 'agreement', '--workspace', root, '--out', join(root, 'claimdesk.json')], { encoding: 'utf8', cwd: ROOT });
    expect(inside.status).toBe(4);
    expect(inside.stderr).toContain("inside the workspace's own files");
    const out = join(await tempDir(), 'agreement.csv');
    await writeFile(out, 'keep me');
    const refused = spawnSync('node', [BIN, 'agreement', '--workspace', root, '--format', 'csv', '--out', out], { encoding: 'utf8', cwd: ROOT });
    expect(refused.status).toBe(4);
    expect(await readFile(out, 'utf8')).toBe('keep me');
    const forced = spawnSync('node', [BIN, 'agreement', '--workspace', root, '--format', 'csv', '--out', out, '--force'], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    expect(forced.status).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('f1_exact');
  });
});
