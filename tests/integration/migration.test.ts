/**
 * Format versions on disk. Version 1 (one file per document, every annotation in it) is what
 * Claimdesk wrote before layers; tests/fixtures/workspace-v1 is a workspace made by that build,
 * with two analysts' annotations, a link across their work, an unsigned annotation and statuses.
 * This checks that such a workspace is brought to version 2 on open with its originals kept and
 * nothing lost, that a broken one is refused and left as it was, that version 2 files open
 * without a byte changed, that newer ones are refused and left alone, and, with a step defined
 * here, that openJsonFile copies an original before any migrated content can be written.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import { openJsonFile } from '../../electron/services/store/json-store';
import { Workspace } from '../../electron/services/workspace';
import { migrateWorkspaceFile, type MigrationStep, type WorkspaceFile } from '../../shared/model/migrate';
import type { Annotation, DocumentData, Relation } from '../../shared/model/types';
import { filesUnder } from './support/disk';
import { ANALYST, articleFile, layerFile, readArticleFile, readLayerFile } from './support/layout';
import { SAMPLES, tempDir } from './support/temp';

const V1_FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'workspace-v1');
const ORIGINALS = join('.backups', 'before-migration-from-v1');
/** The analyst opening the old workspace: annotations nobody signed go to their layer. */
const MIGRATOR = 'carol';

type V1Document = DocumentData & { version: number };
type V1Index = { version: number; schema: unknown; settings: unknown; documents: { id: string; title: string; status: string }[] };

/** The fixture as it is in the repository: claimdesk.json and each documents/<id>.json, parsed and as bytes. */
async function readFixture() {
  const indexBytes = await readFile(join(V1_FIXTURE, 'claimdesk.json'));
  const index = JSON.parse(indexBytes.toString('utf8')) as V1Index;
  const documents = await Promise.all(
    index.documents.map(async (row) => {
      const bytes = await readFile(join(V1_FIXTURE, 'documents', `${row.id}.json`));
      return { bytes, doc: JSON.parse(bytes.toString('utf8')) as V1Document };
    }),
  );
  return { indexBytes, index, documents };
}

/** A copy of the version-1 fixture in a fresh folder (only what Claimdesk wrote: claimdesk.json and documents/). */
async function v1Workspace(): Promise<string> {
  const dir = await tempDir();
  await cp(join(V1_FIXTURE, 'claimdesk.json'), join(dir, 'claimdesk.json'));
  await cp(join(V1_FIXTURE, 'documents'), join(dir, 'documents'), { recursive: true });
  return dir;
}

/** Files of a workspace folder that a test compares: all but the lock (held while open) and the summaries cache (derived, rewritten on close). */
async function lasting(dir: string): Promise<Map<string, Buffer>> {
  const files = await filesUnder(dir);
  for (const path of [...files.keys()]) if (path === '.claimdesk.lock' || path.startsWith('.cache/')) files.delete(path);
  return files;
}

/** The layer an annotation belongs to after the split: its author's, or the migrating analyst's when it has none. */
const ownerOf = (a: Annotation) => (a.author === '' ? MIGRATOR : a.author);

async function workspaceWithEnvoy() {
  const dir = await tempDir();
  const ws = await Workspace.open(dir);
  const docId = (await ws.importPaths([join(SAMPLES, 'us-envoy-arrives-in-japan.txt')])).imported[0]!.row.id;
  await ws.updateStatus(docId, ANALYST, 'in_progress');
  await ws.close();
  return { dir, docId };
}

describe('a version-1 workspace (made by the previous Claimdesk)', () => {
  it('is brought to version 2 on open: originals kept byte for byte, every annotation in its author’s layer, nothing lost', async () => {
    const fixture = await readFixture();
    const dir = await v1Workspace();
    const ws = await Workspace.open(dir, { annotator: MIGRATOR });

    // The originals, byte for byte, before anything was changed.
    expect((await readFile(join(dir, ORIGINALS, 'claimdesk.json'))).equals(fixture.indexBytes)).toBe(true);
    for (const { doc, bytes } of fixture.documents)
      expect((await readFile(join(dir, ORIGINALS, 'documents', `${doc.id}.json`))).equals(bytes), doc.id).toBe(true);

    // claimdesk.json is version 2: the same documents, schema and settings; status and counts are per layer now.
    const index = JSON.parse(await readFile(join(dir, 'claimdesk.json'), 'utf8')) as WorkspaceFile;
    expect(index.version).toBe(2);
    expect(index.schema).toEqual(fixture.index.schema);
    expect(index.settings).toEqual(fixture.index.settings);
    expect(index.documents.map((r) => [r.id, r.title])).toEqual(fixture.index.documents.map((r) => [r.id, r.title]));
    for (const row of index.documents) {
      expect(row.textSha256).toMatch(/^[0-9a-f]{64}$/);
      for (const perLayer of ['status', 'annotationCount', 'labelCounts']) expect(row).not.toHaveProperty(perLayer);
    }

    for (const { doc } of fixture.documents) {
      // The old file is gone; the article is the old document's text, blocks, title and metadata.
      expect(existsSync(join(dir, 'documents', `${doc.id}.json`)), `documents/${doc.id}.json is removed`).toBe(false);
      expect(await readArticleFile(dir, doc.id)).toEqual({
        version: 2,
        id: doc.id,
        title: doc.title,
        meta: doc.meta,
        text: doc.text,
        blocks: doc.blocks,
      });

      const rows = Object.fromEntries(['ann', 'bob', MIGRATOR].map((viewer) => [viewer, ws.listDocuments(viewer).find((r) => r.id === doc.id)!]));
      const layerNames = Object.keys(rows[MIGRATOR]!.layers).sort();
      const expectedLayers = doc.annotations.length > 0 ? [...new Set(doc.annotations.map(ownerOf))].sort() : [MIGRATOR];
      expect(layerNames).toEqual(expectedLayers);

      const layers = new Map<string, DocumentData>();
      for (const name of layerNames) {
        const file = await readLayerFile(dir, doc.id, name);
        expect(file).toMatchObject({ version: 2, docId: doc.id, layer: name });
        const opened = await ws.openDocument(doc.id, name);
        expect(opened.annotations).toEqual(file.annotations);
        layers.set(name, opened);
      }
      for (const [name, layer] of layers) {
        // The status and document attributes are kept in every layer.
        expect(layer.status, `${name}'s status`).toBe(doc.status);
        expect(layer.attributes).toEqual(doc.attributes);
        expect(rows[name]).toMatchObject({ status: doc.status, annotationCount: layer.annotations.length });
      }

      // Every annotation is in its author's layer, unchanged: count and ids per author.
      const authors = new Set(doc.annotations.map(ownerOf));
      for (const author of authors) {
        const theirs = doc.annotations.filter((a) => ownerOf(a) === author);
        const inLayer = layers.get(author)!.annotations.filter((a) => ownerOf(a) === author);
        expect(inLayer.map((a) => a.id).sort(), `${author}'s annotations`).toEqual(theirs.map((a) => a.id).sort());
        for (const a of theirs) expect(inLayer.find((b) => b.id === a.id)).toEqual(a);
      }
      // Relations are kept, each once, with both ends in the layer that holds it; an annotation of
      // another author is in a layer only as the end of a link there (copied, unchanged).
      const relations: Relation[] = [...layers.values()].flatMap((l) => l.relations);
      expect([...relations].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...doc.relations].sort((a, b) => a.id.localeCompare(b.id)));
      for (const [name, layer] of layers) {
        const ids = new Set(layer.annotations.map((a) => a.id));
        for (const r of layer.relations) expect(ids.has(r.from) && ids.has(r.to), `${name} holds both ends of ${r.id}`).toBe(true);
        const linked = new Set(layer.relations.flatMap((r) => [r.from, r.to]));
        for (const a of layer.annotations) {
          if (ownerOf(a) !== name) expect(linked.has(a.id), `${a.id} (by ${a.author}) is in ${name}'s layer only as a link's end`).toBe(true);
          expect(a).toEqual(doc.annotations.find((b) => b.id === a.id));
        }
      }
      const allIds = new Set([...layers.values()].flatMap((l) => l.annotations.map((a) => a.id)));
      expect([...allIds].sort()).toEqual(doc.annotations.map((a) => a.id).sort());
    }
    await ws.close();

    // A second open changes nothing, whoever opens it.
    const migrated = await lasting(dir);
    const again = await Workspace.open(dir, { annotator: 'ann' });
    for (const row of again.listDocuments('ann')) await again.openDocument(row.id, 'ann');
    await again.close();
    const after = await lasting(dir);
    expect([...after.keys()].sort()).toEqual([...migrated.keys()].sort());
    for (const [path, bytes] of migrated) expect(after.get(path)?.equals(bytes), `${path} is unchanged`).toBe(true);
  });

  it.each([
    ['does not parse', (text: string) => text.slice(0, text.length / 2)],
    [
      'fails the checks (an annotation whose quote is not the text)',
      (text: string) =>
        text.replace(
          '"annotations": []',
          '"annotations": [{"id": "x1", "label": "Claim", "start": 0, "end": 4, "quote": "nope", "attributes": {}, "author": "ann", "createdAt": "t", "updatedAt": "t"}]',
        ),
    ],
  ])('with a document file that %s is refused with what to do, and left as it was', async (_what, damage) => {
    const dir = await v1Workspace();
    const { index } = await readFixture();
    // The last document in the index, so that one before it has been read when the broken one is found.
    const broken = index.documents.at(-1)!.id;
    const brokenPath = join(dir, 'documents', `${broken}.json`);
    const good = await readFile(brokenPath, 'utf8');
    await writeFile(brokenPath, damage(good));
    const before = await filesUnder(dir);

    const error = await Workspace.open(dir, { annotator: MIGRATOR }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toContain(`${broken}.json`);
    expect((error as ApiError).message).toMatch(/cannot be brought up to date/);
    expect((error as ApiError).message).toMatch(/open (it|the workspace) again/);

    // Every file is as it was, and nothing new beside them but copies of originals.
    const after = await filesUnder(dir);
    for (const [path, bytes] of before) expect(after.get(path)?.equals(bytes), `${path} is unchanged`).toBe(true);
    const added = [...after.keys()].filter((p) => !before.has(p));
    expect(added.filter((p) => !p.startsWith(`${ORIGINALS}/`))).toEqual([]);
  });

  it('once the broken file is fixed, migrates, and keeps as the original the file that was migrated', async () => {
    const dir = await v1Workspace();
    const { index, documents } = await readFixture();
    const broken = index.documents.at(-1)!.id;
    const brokenPath = join(dir, 'documents', `${broken}.json`);
    const good = await readFile(brokenPath, 'utf8');
    await writeFile(brokenPath, good.slice(0, good.length / 2));
    await expect(Workspace.open(dir, { annotator: MIGRATOR })).rejects.toBeInstanceOf(ApiError);

    await writeFile(brokenPath, good); // restored from git, say
    const ws = await Workspace.open(dir, { annotator: MIGRATOR });
    expect(ws.listDocuments(MIGRATOR).map((r) => r.id)).toEqual(index.documents.map((r) => r.id));
    expect((await ws.openDocument(broken, MIGRATOR)).status).toBe(documents.at(-1)!.doc.status);
    await ws.close();
    // The version-1 file is gone now: its copy in the backups is all that is left of it.
    expect(existsSync(brokenPath)).toBe(false);
    expect(await readFile(join(dir, ORIGINALS, 'documents', `${broken}.json`), 'utf8')).toBe(good);
  });
});

describe('version 2 files', () => {
  it('open, are read and stay byte-identical, with no copy of originals made', async () => {
    const { dir, docId } = await workspaceWithEnvoy();
    const before = await lasting(dir);
    const ws = await Workspace.open(dir);
    await ws.openDocument(docId, ANALYST);
    await ws.readDocument(docId, ANALYST);
    await ws.close();
    const after = await lasting(dir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, bytes] of before) expect(after.get(path)?.equals(bytes), path).toBe(true);
    expect([...after.keys()].filter((p) => p.startsWith('.backups/before-migration-'))).toEqual([]);
  });
});

describe('newer files', () => {
  it('are refused with what to do and never written: a layer, an article, the index', async () => {
    const { dir, docId } = await workspaceWithEnvoy();
    const layer = layerFile(dir, docId);
    const newerLayer = (await readFile(layer, 'utf8')).replace('"version": 2', '"version": 7');
    await writeFile(layer, newerLayer);
    const ws = await Workspace.open(dir);
    const newer = {
      code: 'CONFLICT',
      message: expect.stringMatching(/written by a newer Claimdesk \(format version 7, this one reads up to 2\); update Claimdesk to open it/),
    };
    await expect(ws.openDocument(docId, ANALYST)).rejects.toMatchObject(newer);
    await expect(ws.updateStatus(docId, ANALYST, 'done')).rejects.toMatchObject(newer);
    await ws.close();
    expect(await readFile(layer, 'utf8')).toBe(newerLayer);

    const article = articleFile(dir, docId);
    const newerArticle = (await readFile(article, 'utf8')).replace('"version": 2', '"version": 7');
    await writeFile(article, newerArticle);
    const ws2 = await Workspace.open(dir);
    await expect(ws2.openDocument(docId, 'bob')).rejects.toMatchObject(newer);
    await expect(ws2.updateStatus(docId, 'bob', 'done')).rejects.toMatchObject(newer);
    await ws2.close();
    expect(await readFile(article, 'utf8')).toBe(newerArticle);

    const index = join(dir, 'claimdesk.json');
    const newerIndex = (await readFile(index, 'utf8')).replace('"version": 2', '"version": 3');
    await writeFile(index, newerIndex);
    await expect(Workspace.open(dir)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await readFile(index, 'utf8')).toBe(newerIndex);
    expect((await readdir(join(dir, '.backups'))).filter((f) => f.startsWith('before-migration-'))).toEqual([]);
  });
});

describe('openJsonFile with a migration (a step defined by this test)', () => {
  const toV3: MigrationStep = { from: 2, workspace: (raw) => ({ ...raw, settings: { ...(raw.settings as object), migrated: true } }) };
  const migrate = (raw: unknown) => migrateWorkspaceFile(raw, [toV3], 3);

  it('copies the original, byte for byte, before the migrated content can be written', async () => {
    const { dir } = await workspaceWithEnvoy();
    const path = join(dir, 'claimdesk.json');
    const original = await readFile(path);
    const copy = join(dir, '.backups', 'before-migration-from-v2', 'claimdesk.json');
    const { db, migrated, fromVersion } = await openJsonFile<WorkspaceFile>(path, migrate, null, () => copy);
    expect({ migrated, fromVersion }).toEqual({ migrated: true, fromVersion: 2 });
    expect((await readFile(copy)).equals(original)).toBe(true);
    expect((await readFile(path)).equals(original)).toBe(true); // opening alone writes nothing
    await db.write();
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ version: 3, settings: { migrated: true } });
    expect((await readFile(copy)).equals(original)).toBe(true);
  });

  it('keeps the first copy when opened again, and refuses to go on when no copy can be made', async () => {
    const { dir } = await workspaceWithEnvoy();
    const path = join(dir, 'claimdesk.json');
    const copy = join(dir, '.backups', 'originals', 'claimdesk.json');
    await mkdir(join(dir, '.backups', 'originals'), { recursive: true });
    await writeFile(copy, 'the first original');
    await openJsonFile<WorkspaceFile>(path, migrate, null, () => copy);
    expect(await readFile(copy, 'utf8')).toBe('the first original');

    const blocked = join(dir, 'not-a-folder');
    await writeFile(blocked, '');
    await expect(openJsonFile<WorkspaceFile>(path, migrate, null, () => join(blocked, 'claimdesk.json'))).rejects.toMatchObject({
      code: 'IO',
      message: expect.stringMatching(/^Could not keep a copy of .* before bringing it up to date, so Claimdesk has left it untouched/),
    });
  });
});

describe('the trash of a version-1 workspace', () => {
  it('is brought to the new layout, so its documents can still be restored with their annotations', async () => {
    const dir = await v1Workspace();
    const { index, documents } = await readFixture();
    const trashed = documents.map((d) => d.doc).find((d) => d.annotations.length > 0)!;
    // As the format-1 Claimdesk left a deleted document: its file in .trash/, its row gone from the index.
    await mkdir(join(dir, '.trash'), { recursive: true });
    await rename(join(dir, 'documents', `${trashed.id}.json`), join(dir, '.trash', `${trashed.id}.json`));
    await writeFile(
      join(dir, 'claimdesk.json'),
      JSON.stringify({ ...index, documents: index.documents.filter((r) => r.id !== trashed.id) }, null, 2),
    );

    const ws = await Workspace.open(dir, { annotator: MIGRATOR, mergeDriver: null });
    expect((await ws.listTrash(MIGRATOR)).map((r) => r.id)).toEqual([trashed.id]);
    expect(existsSync(join(dir, ORIGINALS, '.trash', `${trashed.id}.json`))).toBe(true);
    await ws.restoreDocument(trashed.id, MIGRATOR);
    const restored = new Set<string>();
    for (const layer of Object.keys(ws.layers(trashed.id)))
      for (const a of (await ws.openDocument(trashed.id, layer)).annotations) restored.add(a.id);
    expect([...restored].sort()).toEqual(trashed.annotations.map((a) => a.id).sort());
    await ws.close();
  });
});
