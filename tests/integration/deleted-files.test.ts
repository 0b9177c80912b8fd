/**
 * Workspace files deleted by another program while the workspace is open: a document's file,
 * the whole documents/ folder, claimdesk.json. Claimdesk holds open documents and the index in
 * memory, so it writes them back (at once when watching, else on the next save), tells the
 * user ('restored' in externalChanges), and never drops an open document silently. A document
 * that was not open cannot be written back: opening it says what happened and what to do.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace';
import { addSpan } from '../../shared/model/commands';
import type { Operation } from '../../shared/model/operations';
import type { DocumentData } from '../../shared/model/types';
import { expectAllParse } from './support/disk';
import { SAMPLES, tempDir } from './support/temp';
import { until } from './support/wait';

const ENVOY = join(SAMPLES, 'us-envoy-arrives-in-japan.txt');
const SUMMIT = join(SAMPLES, 'multilingual-summit-report.txt');

const readIfThere = (path: string) => readFile(path, 'utf8').catch(() => null);

async function open(...paths: string[]) {
  const dir = await tempDir();
  const ws = await Workspace.open(dir);
  const ids = (await ws.importPaths(paths)).imported.map((entry) => entry.row.id);
  const docPath = (id: string) => join(dir, 'documents', `${id}.json`);
  return { dir, ws, ids, docPath };
}

function tagTokyo(ws: Workspace, doc: DocumentData): Operation[] {
  const at = doc.text.indexOf('Tokyo');
  const ops = addSpan(doc, ws.info().schema, 'Entity', at, at + 5, { author: 'ann', now: 't', newId: () => 'tokyo' });
  if (typeof ops === 'string') throw new Error(ops);
  return ops;
}

describe('a document file deleted under the app', () => {
  it('is written back at once from the open copy and reported as restored', async () => {
    const { ws, ids, docPath } = await open(ENVOY);
    const [docId] = ids as [string];
    const doc = await ws.openDocument(docId);
    ws.watch();
    const before = await readFile(docPath(docId), 'utf8');
    await rm(docPath(docId));

    expect(
      await until(
        () => readIfThere(docPath(docId)),
        (text) => text !== null,
      ),
    ).toBe(before);
    expect(ws.info().externalChanges).toEqual([{ docId, kind: 'restored', revision: expect.any(Number) }]);
    await ws.applyChanges(docId, tagTokyo(ws, doc));
    expect(JSON.parse((await readIfThere(docPath(docId)))!).annotations).toHaveLength(1);
    await ws.close();
  });

  it('without a watcher, is written back whole by the next save, which says so', async () => {
    const { ws, ids, docPath } = await open(ENVOY);
    const [docId] = ids as [string];
    const doc = await ws.openDocument(docId);
    await ws.updateDocument(docId, { status: 'in_progress' });
    await rm(docPath(docId));

    const row = await ws.applyChanges(docId, tagTokyo(ws, doc));
    expect(row).toMatchObject({ annotationCount: 1, status: 'in_progress' });
    const stored = JSON.parse((await readIfThere(docPath(docId)))!) as { text: string; status: string; annotations: unknown[] };
    expect(stored).toMatchObject({ text: doc.text, status: 'in_progress' });
    expect(stored.annotations).toHaveLength(1);
    expect(ws.info().externalChanges.map((c) => c.kind)).toEqual(['restored']);
    await ws.close();
  });

  it('that was not open cannot be written back: opening it says what to do, and it stays listed until trashed', async () => {
    const { dir, ws, ids, docPath } = await open(ENVOY);
    const [docId] = ids as [string];
    await ws.close();
    const reopened = await Workspace.open(dir); // nothing open yet
    await rm(docPath(docId));
    await expect(reopened.openDocument(docId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(
        /^The file of ".+" \(.+\) was deleted outside Claimdesk\. Put it back \(from git or a backup copy; earlier versions are in .+\) and open it again, or move the document to the trash$/,
      ),
    });
    expect(reopened.listDocuments().map((row) => row.id)).toEqual([docId]);
    await reopened.deleteDocument(docId);
    expect(reopened.listDocuments()).toEqual([]);
    await reopened.close();
  });

  it('is not written back when a checkout also took it out of claimdesk.json', async () => {
    const { dir, ws, ids, docPath } = await open(ENVOY, SUMMIT);
    const [gone, stays] = ids as [string, string];
    await ws.openDocument(gone);
    ws.watch();
    const index = JSON.parse(await readFile(join(dir, 'claimdesk.json'), 'utf8')) as { documents: { id: string }[] };
    index.documents = index.documents.filter((row) => row.id !== gone);
    await Promise.all([rm(docPath(gone)), writeFile(join(dir, 'claimdesk.json'), JSON.stringify(index, null, 2))]);

    await until(
      () => ws.listDocuments().map((row) => row.id),
      (rows) => rows.length === 1,
    );
    expect(ws.listDocuments().map((row) => row.id)).toEqual([stays]);
    await new Promise((r) => setTimeout(r, 400));
    expect(await readIfThere(docPath(gone))).toBeNull();
    expect(ws.info().externalChanges).toEqual([]);
    await ws.close();
  });
});

describe('the documents folder deleted under the app', () => {
  it('comes back with the open documents in it, and is watched again', async () => {
    const { dir, ws, ids, docPath } = await open(ENVOY, SUMMIT);
    const [openId, closedId] = ids as [string, string];
    const openDoc = await ws.openDocument(openId);
    // The summit report was imported in this session, so it is open in memory too; reopen to have one that is not.
    await ws.close();
    const again = await Workspace.open(dir);
    await again.openDocument(openId);
    again.watch();
    const before = await readFile(docPath(openId), 'utf8');
    await rm(join(dir, 'documents'), { recursive: true });

    expect(
      await until(
        () => readIfThere(docPath(openId)),
        (text) => text !== null,
      ),
    ).toBe(before);
    expect(again.info().externalChanges).toEqual([{ docId: openId, kind: 'restored', revision: expect.any(Number) }]);
    await expect(again.openDocument(closedId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/was deleted outside Claimdesk/),
    });
    expect(again.listDocuments()).toHaveLength(2);

    // The new folder is watched: a change made there by another program is picked up.
    const edited = { ...(JSON.parse(before) as object), title: 'Retitled after the folder came back' };
    await new Promise((r) => setTimeout(r, 300));
    await writeFile(docPath(openId), JSON.stringify(edited, null, 2));
    await until(
      () => again.openDocument(openId),
      (doc) => doc.title === 'Retitled after the folder came back',
    );
    expect(again.info().externalChanges.find((c) => c.docId === openId)?.kind).toBe('changed');
    expect(openDoc.text).toBe((await again.openDocument(openId)).text);
    await until(
      () => readIfThere(join(dir, 'claimdesk.json')),
      (text) => text?.includes('Retitled after the folder came back') === true,
    );
    await expectAllParse(dir);
    await again.close();
  });

  it('without a watcher, is made anew by the next save', async () => {
    const { dir, ws, ids, docPath } = await open(ENVOY);
    const [docId] = ids as [string];
    const doc = await ws.openDocument(docId);
    await rm(join(dir, 'documents'), { recursive: true });
    expect((await ws.applyChanges(docId, tagTokyo(ws, doc))).annotationCount).toBe(1);
    expect(JSON.parse((await readIfThere(docPath(docId)))!).annotations).toHaveLength(1);
    await ws.close();
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
    expect(reopened.listDocuments()).toHaveLength(2);
    await reopened.close();
  });
});
