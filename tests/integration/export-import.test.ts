/**
 * Importing corpora into a workspace that already has documents: bad records (a malformed JSONL
 * line, a W3C file that is not an annotation, a brat line whose text does not match its .txt) are
 * reported with file and line, valid records still go in, and no existing document changes.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { importCorpusPaths } from '../../electron/services/importers/corpus';
import type { Workspace } from '../../electron/services/workspace';
import { toJsonlHeader, toJsonlLine } from '../../shared/formats/jsonl';
import { buildFixtureWorkspace, FIXTURE_LAYER, FIXTURE_SCHEMA } from '../fixtures/export/fixture';
import { generateDocument } from '../fixtures/export/generate';
import { tempDir } from './support/temp';

let dir: string;
let workspace: Workspace;
beforeEach(async () => {
  dir = await tempDir();
  ({ workspace } = await buildFixtureWorkspace(dir));
});

/** A corpus import as the analyst who owns the fixture's layer: annotations go to each author's layer, unsigned ones to theirs. */
const asAnalyst = { fallback: FIXTURE_LAYER };

/** The bytes of every existing document's files (article and layers) and the index rows, to compare after an import. */
async function snapshot(ws: Workspace): Promise<{ files: Record<string, string>; rows: string }> {
  const docs = join(ws.path, 'documents');
  const files: Record<string, string> = {};
  for (const f of await readdir(docs, { recursive: true, withFileTypes: true }))
    if (f.isFile()) files[join(f.parentPath, f.name).slice(docs.length + 1)] = await readFile(join(f.parentPath, f.name), 'utf8');
  return { files, rows: JSON.stringify(ws.listDocuments(FIXTURE_LAYER)) };
}

describe('importing corpora next to existing documents', () => {
  it('JSONL: reports bad lines by number, imports the good ones, changes no existing document', async () => {
    const before = await snapshot(workspace);
    const good = generateDocument(1, { seed: 3, annotations: 6, words: 40 });
    const bad = JSON.parse(toJsonlLine(generateDocument(2, { seed: 3, annotations: 6, words: 40 }))) as { spans: { quote: string }[] };
    bad.spans[0]!.quote = 'not the text';
    const existing = await workspace.readDocument(workspace.listDocuments(FIXTURE_LAYER)[0]!.id, FIXTURE_LAYER);
    const file = join(dir, 'corpus.jsonl');
    await writeFile(
      file,
      [toJsonlHeader(FIXTURE_SCHEMA), '{"id": oops', toJsonlLine(good), JSON.stringify(bad), toJsonlLine(existing), ''].join('\n'),
    );
    const report = await importCorpusPaths(workspace, [file], asAnalyst);
    expect(report.problems.map((p) => [p.file, p.line])).toEqual([
      ['corpus.jsonl', 2],
      ['corpus.jsonl', 4],
    ]);
    expect(report.problems[1]!.reason).toMatch(/quote does not match/);
    expect(report.imported.map((e) => e.row.id)).toEqual([good.id]);
    expect(report.duplicates.map((d) => d.existing.id)).toEqual([existing.id]);
    const after = await snapshot(workspace);
    for (const [f, content] of Object.entries(before.files)) expect(after.files[f]).toBe(content);
    expect(JSON.parse(after.rows).slice(0, 3)).toEqual(JSON.parse(before.rows));
    expect(await workspace.readDocument(good.id, 'bench')).toMatchObject({ annotations: good.annotations, relations: good.relations });
  });

  it('W3C: a file that is not an annotation is reported and changes nothing', async () => {
    const before = await snapshot(workspace);
    const file = join(dir, 'person.jsonld');
    await writeFile(file, JSON.stringify({ '@context': 'http://schema.org', type: 'Person', name: 'Hill' }, null, 2));
    const report = await importCorpusPaths(workspace, [file], asAnalyst);
    expect(report.problems).toEqual([{ file: 'person.jsonld', line: 1, reason: expect.stringMatching(/not a W3C Web Annotation/) }]);
    expect(await snapshot(workspace)).toEqual(before);
  });

  it('W3C: annotations on unknown documents or with quotes not in the text are reported; the rest go in', async () => {
    const doc = await workspace.readDocument(workspace.listDocuments(FIXTURE_LAYER)[2]!.id, FIXTURE_LAYER);
    const item = (id: string, source: string, exact: string) => ({
      id: `urn:x:${id}`,
      type: 'Annotation',
      motivation: 'classifying',
      body: [{ type: 'TextualBody', purpose: 'classifying', value: 'Entity' }],
      target: { source, selector: [{ type: 'TextQuoteSelector', exact }] },
    });
    const file = join(dir, 'anno.json');
    const page = {
      type: 'AnnotationPage',
      items: [
        item('a', `urn:claimdesk:doc:${doc.id}`, 'council'),
        item('b', 'urn:claimdesk:doc:ffffffffffff', 'x'),
        item('c', `urn:claimdesk:doc:${doc.id}`, 'parliament'),
      ],
    };
    await writeFile(file, JSON.stringify(page, null, 2));
    const before = await snapshot(workspace);
    const report = await importCorpusPaths(workspace, [file], { annotator: 'bob', fallback: FIXTURE_LAYER });
    expect(report.annotationsAdded).toBe(1);
    expect(report.problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/not in this workspace/),
      expect.stringMatching(/quote is not in the text/),
    ]);
    expect(report.problems.every((p) => p.line !== null && p.line > 1)).toBe(true);
    expect((await workspace.readDocument(doc.id, 'bob')).annotations.map((a) => a.quote)).toEqual(['council']);
    // Placed in bob's layer: the analyst's layer of that document is as it was.
    const after = await snapshot(workspace);
    for (const [f, content] of Object.entries(before.files)) expect(after.files[f]).toBe(content);
  });

  it('brat: a line whose text does not match the .txt is reported with its line; the rest goes in', async () => {
    const before = await snapshot(workspace);
    const folder = join(dir, 'brat');
    await mkdir(folder);
    await writeFile(join(folder, 'story.txt'), 'The mayor said the bridge would reopen in May.');
    await writeFile(
      join(folder, 'story.ann'),
      [
        'T1\tSource 0 9\tThe mayor',
        'T2\tClaim 15 46\tthe bridge would reopen in JUNE',
        'T3\tClaim 15 45\tthe bridge would reopen in May',
        'R1\tattributed_to Arg1:T3 Arg2:T1',
      ].join('\n'),
    );
    await writeFile(join(folder, 'orphan.ann'), 'T1\tSource 0 3\tabc\n');
    const report = await importCorpusPaths(workspace, [folder], asAnalyst);
    expect(report.problems).toEqual([
      { file: 'orphan.ann', line: null, reason: expect.stringMatching(/orphan\.txt is missing/) },
      { file: 'story.ann', line: 2, reason: expect.stringMatching(/does not match the \.txt/) },
    ]);
    expect(report.imported).toHaveLength(1);
    const doc = await workspace.readDocument(report.imported[0]!.row.id, FIXTURE_LAYER);
    expect(doc.annotations.map((a) => a.quote)).toEqual(['The mayor', 'the bridge would reopen in May']);
    expect(doc.relations).toHaveLength(1);
    const after = await snapshot(workspace);
    for (const [f, content] of Object.entries(before.files)) expect(after.files[f]).toBe(content);
  });
});
