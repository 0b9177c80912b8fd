/**
 * The export service on real workspaces: every format written from the fixture workspace,
 * round trips (JSONL, W3C and brat: export -> import -> export is byte-identical), scope filters,
 * reproducible and disjoint splits that keep duplicate texts together, atomic output (existing
 * targets refused, unwritable folders, cancellation) and a Python check that every exported span
 * satisfies text[start:end] == quote in code points.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCorpusPaths } from '../../electron/services/importers/corpus';
import { exportDocuments, type ExportOptions } from '../../electron/services/export/export';
import { Workspace } from '../../electron/services/workspace';
import { ApiError } from '../../shared/api';
import { FORMAT_SPECS } from '../../shared/formats/format-specs';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/formats/serializer';
import { WHOLE_WORKSPACE } from '../../shared/formats/scope';
import { ARTICLES, buildFixtureWorkspace, FIXED_TIME, FIXTURE_LAYER, FIXTURE_SCHEMA } from '../fixtures/export/fixture';
import { generateDocument } from '../fixtures/export/generate';
import { tempDir } from './support/temp';

const CHECK_SLICES = join(import.meta.dirname, '..', 'fixtures', 'export', 'check_slices.py');
// CI machines have python3 (see .ci/run): there a missing one fails the test instead of skipping it.
const NO_PYTHON = spawnSync('python3', ['--version']).status === 0 ? null : 'python3 is not on the PATH (install Python 3 to run this check)';

let fixture: { workspace: Workspace; sources: string };
beforeAll(async () => {
  fixture = await buildFixtureWorkspace(await tempDir());
});
// Closed before the temporary folders are removed: an open workspace may still write its summaries cache.
afterAll(() => fixture.workspace.close());

const options = (format: ExportFormat, out: string, extra: Partial<ExportOptions> = {}): ExportOptions => ({
  format,
  out,
  scope: WHOLE_WORKSPACE,
  split: null,
  force: false,
  ...extra,
});

/** Every file below a folder, by relative path, with its content. */
async function readTree(dir: string, prefix = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) Object.assign(out, await readTree(join(dir, e.name), `${prefix}${e.name}/`));
    else out[`${prefix}${e.name}`] = await readFile(join(dir, e.name), 'utf8');
  }
  return out;
}

/** A corpus import into the fixture's one layer (its annotations have two authors; a default export takes one layer). */
const intoFixtureLayer = { annotator: FIXTURE_LAYER, fallback: FIXTURE_LAYER };

/** A fresh workspace with the fixture's articles imported but not annotated. */
async function articlesOnly(): Promise<Workspace> {
  const ws = await Workspace.open(join(await tempDir(), 'ws'), { now: () => new Date(FIXED_TIME) });
  await ws.updateSchema(FIXTURE_SCHEMA, { renamedLabels: {}, removedLabels: [] });
  await ws.importPaths(ARTICLES.map((a) => join(fixture.sources, a.name)));
  return ws;
}

describe('export every format', () => {
  it.each(EXPORT_FORMATS)('%s: writes its files and a report with counts', async (format) => {
    const out = join(await tempDir(), `out-${format}`);
    const result = await exportDocuments(fixture.workspace, options(format, out));
    expect(result.after.documents).toBe(3);
    expect(result.after.spansPerLabel.Claim).toBe(8);
    // What the format writes is counted as written; what it does not keep, under what it does not keep (#12).
    const dropped = (measure: string) => result.after.drops.find((d) => d.measure === measure && d.what !== 'attributes of cues')?.counts ?? {};
    const relations = FORMAT_SPECS[format].drops.some((d) => d.what === 'relations') ? dropped('relations') : result.after.relationsPerType;
    expect(relations.attributed_to).toBe(9);
    if (FORMAT_SPECS[format].drops.some((d) => d.what === 'attributes')) {
      expect(result.after.attributeValues).toEqual({});
      expect(dropped('attribute values')['Claim.topics']).toBe(8); // one per claim: every claim has topics set (some to an empty list)
    } else expect(result.after.attributeValues['Claim.topics']).toMatchObject({ politics: 2, health: 2 });
    expect(result.before.problems).toEqual(result.after.problems);
    for (const p of result.paths) expect(existsSync(p)).toBe(true);
    expect(result.bytes).toBeGreaterThan(0);
  });

  it('starts a claims table with a UTF-8 byte-order mark unless told not to (the same default as the dialog and the CLI)', async () => {
    const dir = await tempDir();
    await exportDocuments(fixture.workspace, options('claims-csv', join(dir, 'default.csv')));
    await exportDocuments(fixture.workspace, options('claims-tsv', join(dir, 'plain.tsv'), { bom: false }));
    await exportDocuments(fixture.workspace, options('jsonl', join(dir, 'ignored.jsonl'), { bom: true }));
    expect([...(await readFile(join(dir, 'default.csv'))).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await readFile(join(dir, 'plain.tsv'), 'utf8')).startsWith('document_id\t')).toBe(true);
    expect((await readFile(join(dir, 'ignored.jsonl'), 'utf8')).startsWith('{')).toBe(true);
  });

  it('every exported span satisfies text[start:end] == quote in Python', async (ctx) => {
    if (NO_PYTHON) {
      if (process.env.CI) throw new Error(`${NO_PYTHON}; CI is supposed to have it`);
      console.warn(`skipped: ${NO_PYTHON}`);
      ctx.skip(NO_PYTHON);
    }
    const dir = await tempDir();
    for (const [format, name] of [
      ['jsonl', 'all.jsonl'],
      ['spacy', 'spacy.jsonl'],
      ['brat', 'brat'],
      ['claims-tsv', 'claims.tsv'],
      ['w3c', 'all.jsonld'],
    ] as const)
      await exportDocuments(fixture.workspace, options(format, join(dir, name)));
    const output = execFileSync('python3', [CHECK_SLICES, dir], { encoding: 'utf8' });
    // 29 spans per span format (jsonl, spacy, brat, w3c) and 8 claims in the table.
    expect(output.trim()).toBe('checked 124 spans: all match');
  });
});

describe('round trips', () => {
  it('JSONL -> import -> JSONL is byte-identical', async () => {
    const dir = await tempDir();
    await exportDocuments(fixture.workspace, options('jsonl', join(dir, 'a.jsonl')));
    const ws = await Workspace.open(join(dir, 'ws'));
    const report = await importCorpusPaths(ws, [join(dir, 'a.jsonl')], intoFixtureLayer);
    expect(report.problems).toEqual([]);
    expect(report.imported).toHaveLength(3);
    await exportDocuments(ws, options('jsonl', join(dir, 'b.jsonl')));
    expect(await readFile(join(dir, 'b.jsonl'), 'utf8')).toBe(await readFile(join(dir, 'a.jsonl'), 'utf8'));
    // Importing it again changes nothing: every document is already there, with that layer.
    expect((await importCorpusPaths(ws, [join(dir, 'a.jsonl')], intoFixtureLayer)).duplicates).toHaveLength(3);
  });

  it('attributes nobody set stay unset through JSONL, W3C and brat and back: no default is filled in (#12)', async () => {
    const ws = await articlesOnly();
    const row = ws.listDocuments('').find((r) => r.title.includes('Envoy'))!;
    const doc = await ws.openDocument(row.id, FIXTURE_LAYER);
    const at = (quote: string) => doc.text.indexOf(quote);
    const span = (id: string, label: string, quote: string, attributes: Record<string, null>) => ({
      op: 'addAnnotation' as const,
      annotation: {
        id,
        label,
        start: at(quote),
        end: at(quote) + quote.length,
        quote,
        attributes,
        author: 'a',
        createdAt: FIXED_TIME,
        updatedAt: FIXED_TIME,
      },
    });
    await ws.applyChanges(row.id, FIXTURE_LAYER, [
      span('c1', 'Claim', 'I see a very clear message', {}),
      span('s1', 'Source', 'Hill', { role: null }),
    ]);
    const dir = await tempDir();
    for (const [format, name] of [
      ['jsonl', 'a.jsonl'],
      ['w3c', 'a.jsonld'],
      ['brat', 'brat'],
    ] as const) {
      await exportDocuments(ws, options(format, join(dir, name), { scope: { ...WHOLE_WORKSPACE, documentIds: [row.id] } }));
      const fresh = format === 'jsonl' ? await Workspace.open(join(dir, `ws-${format}`)) : await articlesOnly();
      if (format === 'brat') await fresh.updateSchema(FIXTURE_SCHEMA, { renamedLabels: {}, removedLabels: [] });
      const report = await importCorpusPaths(fresh, [join(dir, name)], intoFixtureLayer);
      expect(report.problems, format).toEqual([]);
      const freshRow = fresh.listDocuments('').find((r) => r.title.includes('Envoy'))!;
      const back = await fresh.readDocument(freshRow.id, FIXTURE_LAYER);
      const attributes = Object.fromEntries(back.annotations.map((a) => [a.quote, a.attributes]));
      // JSONL is lossless (null stays null); W3C and brat hold no unset value, so it comes back absent.
      expect(attributes, format).toEqual({
        'I see a very clear message': {},
        Hill: format === 'jsonl' ? { role: null } : {},
      });
      await fresh.close();
    }
    await ws.close();
  });

  it('W3C -> import (onto the same articles) -> W3C is byte-identical', async () => {
    const dir = await tempDir();
    await exportDocuments(fixture.workspace, options('w3c', join(dir, 'a.jsonld')));
    const ws = await articlesOnly();
    const report = await importCorpusPaths(ws, [join(dir, 'a.jsonld')], intoFixtureLayer);
    expect(report.problems).toEqual([]);
    expect(report.annotationsAdded).toBe(29);
    expect(report.relationsAdded).toBe(17);
    await exportDocuments(ws, options('w3c', join(dir, 'b.jsonld')));
    expect(await readFile(join(dir, 'b.jsonld'), 'utf8')).toBe(await readFile(join(dir, 'a.jsonld'), 'utf8'));
  });

  it('brat -> import -> brat is byte-identical', async () => {
    const dir = await tempDir();
    await exportDocuments(fixture.workspace, options('brat', join(dir, 'a')));
    // The same project schema: attribute kinds (multi, boolean, number) come from it.
    const ws = await Workspace.open(join(dir, 'ws'));
    await ws.updateSchema(FIXTURE_SCHEMA, { renamedLabels: {}, removedLabels: [] });
    const report = await importCorpusPaths(ws, [join(dir, 'a')], intoFixtureLayer);
    expect(report.failed).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(report.imported).toHaveLength(3);
    await exportDocuments(ws, options('brat', join(dir, 'b')));
    expect(await readTree(join(dir, 'b'))).toEqual(await readTree(join(dir, 'a')));
  });
});

describe('scope', () => {
  it('exports only documents with a status, and only some labels with the relations between them', async () => {
    const dir = await tempDir();
    const result = await exportDocuments(
      fixture.workspace,
      options('jsonl', join(dir, 'done.jsonl'), { scope: { ...WHOLE_WORKSPACE, status: 'done', labels: ['Claim', 'Source'] } }),
    );
    expect(result.after.documents).toBe(1);
    expect(Object.keys(result.after.spansPerLabel)).toEqual(['Claim', 'Source']);
    expect(Object.keys(result.after.relationsPerType)).toEqual(['attributed_to', 'coref']);
    const lines = (await readFile(join(dir, 'done.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
  });
});

describe('splits', () => {
  let ws: Workspace;
  beforeAll(async () => {
    const dir = await tempDir();
    ws = await Workspace.open(join(dir, 'ws'));
    const docs = Array.from({ length: 40 }, (_, i) => ({
      name: `g${i}`,
      doc: generateDocument(i, { seed: 5, annotations: 8, words: 60, claimlessEvery: 3 }),
    }));
    expect((await ws.importAnnotatedDocuments(docs, { fallback: FIXTURE_LAYER })).imported).toHaveLength(40);
    // The same article twice, as different bytes (CRLF and LF): two documents, one text.
    const src = join(dir, 'src');
    await mkdir(src);
    await writeFile(join(src, 'twin-crlf.txt'), 'Twin story\r\n\r\nThe mayor said the bridge would reopen.\r\n');
    await writeFile(join(src, 'twin-lf.txt'), 'Twin story\n\nThe mayor said the bridge would reopen.\n');
    expect((await ws.importPaths([src])).imported).toHaveLength(2);
  });

  const exportSplit = async (seed: number) => {
    const out = join(await tempDir(), 'split');
    const result = await exportDocuments(ws, options('jsonl', out, { split: { ratios: [60, 20, 20], seed, stratify: true } }));
    const ids: Record<string, string[]> = {};
    for (const s of ['train', 'dev', 'test']) {
      const lines = (await readFile(join(out, `${s}.jsonl`), 'utf8')).trim().split('\n').slice(1);
      ids[s] = lines.map((l) => (JSON.parse(l) as { id: string }).id);
    }
    return { result, ids, files: await readTree(out) };
  };

  it('is reproducible, disjoint, complete, keeps duplicate texts together, and gives each split claims', async () => {
    const a = await exportSplit(11);
    const b = await exportSplit(11);
    expect(b.files).toEqual(a.files);
    const all = [...a.ids.train!, ...a.ids.dev!, ...a.ids.test!];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(42);
    const twins = ws
      .listDocuments(FIXTURE_LAYER)
      .filter((r) => r.title === 'Twin story')
      .map((r) => r.id);
    expect(twins).toHaveLength(2);
    expect(Object.values(a.ids).filter((ids) => twins.some((t) => ids.includes(t)))).toHaveLength(1);
    for (const s of ['train', 'dev', 'test'] as const) expect(a.result.after.splits?.[s]?.documents).toBeGreaterThan(0);
    expect(a.result.after.splits).toEqual(a.result.before.splits);
    const c = await exportSplit(12);
    expect(c.files).not.toEqual(a.files);
  });

  it('writes brat splits as folders, each with its annotation.conf', async () => {
    const out = join(await tempDir(), 'brat-split');
    await exportDocuments(ws, options('brat', out, { split: { ratios: [80, 10, 10], seed: 1, stratify: false } }));
    for (const s of ['train', 'dev', 'test']) expect(existsSync(join(out, s, 'annotation.conf'))).toBe(true);
  });
});

describe('atomic output', () => {
  it('refuses an existing file without force, replaces it with force', async () => {
    const dir = await tempDir();
    const out = join(dir, 'x.jsonl');
    await writeFile(out, 'keep me');
    await expect(exportDocuments(fixture.workspace, options('jsonl', out))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await readFile(out, 'utf8')).toBe('keep me');
    await exportDocuments(fixture.workspace, options('jsonl', out, { force: true }));
    expect(await readFile(out, 'utf8')).toMatch(/^\{"claimdesk":"claimdesk-jsonl"/);
    expect(await readdir(dir)).toEqual(['x.jsonl']);
  });

  it('replaces an existing folder with force, and leaves no temp behind', async () => {
    const dir = await tempDir();
    const out = join(dir, 'brat');
    await mkdir(out);
    await writeFile(join(out, 'stale.ann'), '');
    await exportDocuments(fixture.workspace, options('brat', out, { force: true }));
    expect(existsSync(join(out, 'stale.ann'))).toBe(false);
    expect(existsSync(join(out, 'annotation.conf'))).toBe(true);
    expect(await readdir(dir)).toEqual(['brat']);
  });

  it('reports a folder it cannot write into, and writes nothing', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a-file'), '');
    const err = await exportDocuments(fixture.workspace, options('conll', join(dir, 'a-file', 'out.conll'))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('IO');
    expect(await readdir(dir)).toEqual(['a-file']);
  });

  it('removes everything when cancelled', async () => {
    const dir = await tempDir();
    const controller = new AbortController();
    const run = exportDocuments(fixture.workspace, options('brat', join(dir, 'out')), {
      signal: controller.signal,
      onPlan: () => controller.abort(new Error('user cancelled')),
    });
    await expect(run).rejects.toThrow(/user cancelled/);
    expect(await readdir(dir)).toEqual([]);
  });
});
