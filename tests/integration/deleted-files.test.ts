/**
 * Workspace files deleted by another program while the workspace is open: a layer file, an
 * article file, the whole documents/ folder, claimdesk.json. Claimdesk holds open layers,
 * articles and the index in memory, so it writes them back (at once when watching, else on the
 * next save), tells the user ('restored' in externalChanges), and never drops an open document
 * silently. A file that was not open cannot be written back: opening it says what happened and
 * what to do.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace';
import { addSpan } from '../../shared/model/commands';
import type { Operation } from '../../shared/model/operations';
import type { DocumentData } from '../../shared/model/types';
import { expectAllParse } from './support/disk';
import { ANALYST, articleFile, documentFolder, layerFile } from './support/layout';
import { SAMPLES, tempDir } from './support/temp';
import { until } from './support/wait';

const ENVOY = join(SAMPLES, 'us-envoy-arrives-in-japan.txt');
const SUMMIT = join(SAMPLES, 'multilingual-summit-report.txt');

const readIfThere = (path: string) => readFile(path, 'utf8').catch(() => null);

/** The analyst's view of a document as the next start of Claimdesk opens it. */
async function afterRestart(dir: string, docId: string): Promise<DocumentData> {
  const ws = await Workspace.open(dir);
  try {
    return await ws.openDocument(docId, ANALYST);
  } finally {
    await ws.close();
  }
}

/** A workspace with the given articles imported, each with the analyst's layer on disk (status in progress). */
async function open(...paths: string[]) {
  const dir = await tempDir();
  const ws = await Workspace.open(dir);
  const ids = (await ws.importPaths(paths)).imported.map((entry) => entry.row.id);
  for (const id of ids) await ws.updateStatus(id, ANALYST, 'in_progress');
  const layerPath = (id: string) => layerFile(dir, id);
  return { dir, ws, ids, layerPath };
}

function tagTokyo(ws: Workspace, doc: DocumentData): Operation[] {
  const at = doc.text.indexOf('Tokyo');
  const ops = addSpan(doc, ws.info().schema, 'Entity', at, at + 5, { author: ANALYST, now: 't', newId: () => 'tokyo' });
  if (typeof ops === 'string') throw new Error(ops);
  return ops;
}

describe('a layer file deleted under the app', () => {
  it('is written back at once from the open copy and reported as restored', async () => {
    const { ws, ids, layerPath } = await open(ENVOY);
    const [docId] = ids as [string];
    const doc = await ws.openDocument(docId, ANALYST);
    ws.watch();
    const before = await readFile(layerPath(docId), 'utf8');
    await rm(layerPath(docId));

    expect(
      await until(
        () => readIfThere(layerPath(docId)),
        (text) => text !== null,
      ),
    ).toBe(before);
    expect(ws.info().externalChanges).toEqual([{ docId, kind: 'restored', layer: ANALYST, revision: expect.any(Number) }]);
    await ws.applyChanges(docId, ANALYST, tagTokyo(ws, doc));
    expect(JSON.parse((await readIfThere(layerPath(docId)))!).annotations).toHaveLength(1);
    await ws.close();
  });

  it('without a watcher, is written back whole by the next save, which says so', async () => {
    const { ws, ids, layerPath } = await open(ENVOY);
    const [docId] = ids as [string];
    const doc = await ws.openDocument(docId, ANALYST);
    await ws.applyChanges(docId, ANALYST, [{ op: 'updateDocument', before: {}, after: { attributes: { topic: 'diplomacy' } } }]);
    await rm(layerPath(docId));

    const row = await ws.applyChanges(docId, ANALYST, tagTokyo(ws, doc));
    expect(row).toMatchObject({ annotationCount: 1, status: 'in_progress' });
    const stored = JSON.parse((await readIfThere(layerPath(docId)))!) as { status: string; attributes: object; annotations: unknown[] };
    expect(stored).toMatchObject({ status: 'in_progress', attributes: { topic: 'diplomacy' } });
    expect(stored.annotations).toHaveLength(1);
    expect(ws.info().externalChanges.map((c) => c.kind)).toEqual(['restored']);
    await ws.close();
  });

  it('that was not open cannot be written back: opening it says what to do, and it stays listed until trashed', async () => {
    const { dir, ws, ids, layerPath } = await open(ENVOY);
    const [docId] = ids as [string];
    await ws.applyChanges(docId, ANALYST, tagTokyo(ws, await ws.openDocument(docId, ANALYST)));
    await ws.close();
    const reopened = await Workspace.open(dir); // nothing open yet
    await rm(layerPath(docId));
    // Opening it as an empty layer would show the analyst's work as gone, and the next save would make that so.
    await expect(reopened.openDocument(docId, ANALYST)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/was deleted outside Claimdesk/),
    });
    expect(reopened.listDocuments(ANALYST).map((row) => row.id)).toEqual([docId]);
    await reopened.deleteDocument(docId);
    expect(reopened.listDocuments(ANALYST)).toEqual([]);
    await reopened.close();
  });

  it('of a document only read ahead is not written back: the document is closed, and opening it says what to do', async () => {
    const { dir, ws, ids, layerPath } = await open(ENVOY, SUMMIT);
    const [docId, witness] = ids as [string, string];
    await ws.close();
    const reopened = await Workspace.open(dir);
    await reopened.openDocument(witness, ANALYST); // opened: written back when deleted
    reopened.watch();
    await reopened.readAhead([docId], ANALYST); // read ahead for the window, never opened
    await rm(layerPath(docId));
    await rm(layerPath(witness));
    // The opened one comes back: by then the watcher has looked at both deletions.
    await until(
      () => readIfThere(layerPath(witness)),
      (text) => text !== null,
    );
    expect(await readIfThere(layerPath(docId))).toBeNull();
    await expect(reopened.openDocument(docId, ANALYST)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/was deleted outside Claimdesk/),
    });
    await reopened.close();
  });

  it('is not written back when a checkout also took the document out of claimdesk.json', async () => {
    const { dir, ws, ids, layerPath } = await open(ENVOY, SUMMIT);
    const [gone, stays] = ids as [string, string];
    await ws.openDocument(gone, ANALYST);
    ws.watch();
    const index = JSON.parse(await readFile(join(dir, 'claimdesk.json'), 'utf8')) as { documents: { id: string }[] };
    index.documents = index.documents.filter((row) => row.id !== gone);
    await Promise.all([rm(documentFolder(dir, gone), { recursive: true }), writeFile(join(dir, 'claimdesk.json'), JSON.stringify(index, null, 2))]);

    await until(
      () => ws.listDocuments(ANALYST).map((row) => row.id),
      (rows) => rows.length === 1,
    );
    expect(ws.listDocuments(ANALYST).map((row) => row.id)).toEqual([stays]);
    await new Promise((r) => setTimeout(r, 400));
    expect(await readIfThere(layerPath(gone))).toBeNull();
    expect(await readIfThere(articleFile(dir, gone))).toBeNull();
    expect(ws.info().externalChanges).toEqual([]);
    await ws.close();
  });
});

describe('an article file deleted under the app', () => {
  it('that was not open cannot be written back: opening it says what to do, and it stays listed until trashed', async () => {
    const { dir, ws, ids } = await open(ENVOY);
    const [docId] = ids as [string];
    await ws.close();
    const reopened = await Workspace.open(dir); // nothing open yet
    await rm(articleFile(dir, docId));
    await expect(reopened.openDocument(docId, ANALYST)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(
        /^The article file of ".+" \(.+\) was deleted outside Claimdesk\. Put it back \(.+\) and open it again, or move the document to the trash$/,
      ),
    });
    expect(reopened.listDocuments(ANALYST).map((row) => row.id)).toEqual([docId]);
    await reopened.deleteDocument(docId);
    expect(reopened.listDocuments(ANALYST)).toEqual([]);
    await reopened.close();
  });
});

describe('the documents folder deleted under the app', () => {
  it('comes back with the open documents in it, and is watched again', async () => {
    const { dir, ws, ids, layerPath } = await open(ENVOY, SUMMIT);
    const [openId, closedId] = ids as [string, string];
    const openDoc = await ws.openDocument(openId, ANALYST);
    // The summit report was imported in this session, so it is open in memory too; reopen to have one that is not.
    await ws.close();
    const again = await Workspace.open(dir);
    await again.openDocument(openId, ANALYST);
    again.watch();
    const before = await readFile(layerPath(openId), 'utf8');
    const articleBefore = await readFile(articleFile(dir, openId), 'utf8');
    await rm(join(dir, 'documents'), { recursive: true });

    expect(
      await until(
        () => readIfThere(layerPath(openId)),
        (text) => text !== null,
      ),
    ).toBe(before);
    expect(again.info().externalChanges).toEqual([{ docId: openId, kind: 'restored', layer: ANALYST, revision: expect.any(Number) }]);
    await expect(again.openDocument(closedId, ANALYST)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/was deleted outside Claimdesk/),
    });
    expect(again.listDocuments(ANALYST)).toHaveLength(2);

    // The new folder is watched: a change made there by another program is picked up.
    const edited = { ...(JSON.parse(before) as object), status: 'done' };
    await new Promise((r) => setTimeout(r, 300));
    await writeFile(layerPath(openId), JSON.stringify(edited, null, 2));
    await until(
      () => again.openDocument(openId, ANALYST),
      (doc) => doc.status === 'done',
    );
    expect(again.info().externalChanges.find((c) => c.docId === openId)).toMatchObject({ kind: 'changed', layer: ANALYST });
    expect(openDoc.text).toBe((await again.openDocument(openId, ANALYST)).text);
    expect(again.listDocuments(ANALYST).find((row) => row.id === openId)!.status).toBe('done');
    await expectAllParse(dir);
    await again.close();
    // The open document came back whole: its article too, so it opens after a restart.
    expect(await readIfThere(articleFile(dir, openId))).toBe(articleBefore);
    expect((await afterRestart(dir, openId)).status).toBe('done');
  });

  it('without a watcher, is made anew by the next save', async () => {
    const { dir, ws, ids, layerPath } = await open(ENVOY);
    const [docId] = ids as [string];
    const doc = await ws.openDocument(docId, ANALYST);
    await rm(join(dir, 'documents'), { recursive: true });
    expect((await ws.applyChanges(docId, ANALYST, tagTokyo(ws, doc))).annotationCount).toBe(1);
    expect(JSON.parse((await readIfThere(layerPath(docId)))!).annotations).toHaveLength(1);
    await ws.close();
    // Made anew whole: the article too, so the document opens after a restart.
    expect((await afterRestart(dir, docId)).annotations).toHaveLength(1);
  });
});

describe('claimdesk.json deleted under the app', () => {
  it('is written back at once from memory, so the workspace does not reopen empty', async () => {
    const { dir, ws } = await open(ENVOY, SUMMIT);
    ws.watch();
    const path = join(dir, 'claimdesk.json');
    const before = await readFile(path, 'utf8');
    await rm(path);
    expect(
      await until(
        () => readIfThere(path),
        (text) => text !== null,
      ),
    ).toBe(before);
    await ws.close();
    const reopened = await Workspace.open(dir);
    expect(reopened.listDocuments(ANALYST)).toHaveLength(2);
    await reopened.close();
  });
});
