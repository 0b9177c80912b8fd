/** Changes made to workspace files by other programs (an editor, git) are noticed and picked up, never overwritten. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace';
import { SAMPLES, tempDir } from './support/temp';

async function until<T>(probe: () => T | Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await probe();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached in 5 s');
}

describe('files changed outside Claimdesk', () => {
  it('reloads a document another program changed and lists it, but not our own saves', async () => {
    const dir = await tempDir();
    const ws = await Workspace.open(dir);
    const docId = (await ws.importPaths([join(SAMPLES, 'us-envoy-arrives-in-japan.txt')])).imported[0]!.row.id;
    await ws.getDocument(docId);
    ws.watch();
    await ws.updateDocument(docId, { status: 'in_progress' });
    await new Promise((r) => setTimeout(r, 400));
    expect(ws.info().externalChanges).toEqual([]);

    const path = join(dir, 'documents', `${docId}.json`);
    const edited = JSON.parse(await readFile(path, 'utf8')) as { title: string; status: string };
    edited.title = 'Retitled in a text editor';
    edited.status = 'done';
    await writeFile(path, JSON.stringify(edited, null, 2));
    const info = await until(() => ws.info(), (i) => i.externalChanges.length > 0);
    expect(info.externalChanges.map((c) => c.docId)).toEqual([docId]);
    expect((await ws.getDocument(docId)).title).toBe('Retitled in a text editor');
    expect(ws.listDocuments()[0]).toMatchObject({ title: 'Retitled in a text editor', status: 'done' });
    await ws.close();
  });

  it('ignores a half-written change and never overwrites it', async () => {
    const dir = await tempDir();
    const ws = await Workspace.open(dir);
    const docId = (await ws.importPaths([join(SAMPLES, 'us-envoy-arrives-in-japan.txt')])).imported[0]!.row.id;
    const title = (await ws.getDocument(docId)).title;
    ws.watch();
    const path = join(dir, 'documents', `${docId}.json`);
    await writeFile(path, '{"version": 1, "id": "');
    await new Promise((r) => setTimeout(r, 500));
    expect((await ws.getDocument(docId)).title).toBe(title);
    expect(await readFile(path, 'utf8')).toBe('{"version": 1, "id": "');
    await ws.close();
  });

  it('picks up an index changed by git', async () => {
    const dir = await tempDir();
    const ws = await Workspace.open(dir);
    await ws.importPaths([join(SAMPLES, 'us-envoy-arrives-in-japan.txt')]);
    ws.watch();
    const before = ws.info().revision;
    const index = JSON.parse(await readFile(join(dir, 'claimdesk.json'), 'utf8')) as { documents: { title: string }[] };
    index.documents[0]!.title = 'Changed by a pull';
    await writeFile(join(dir, 'claimdesk.json'), JSON.stringify(index, null, 2));
    await until(() => ws.info().revision, (r) => r > before);
    expect(ws.listDocuments()[0]!.title).toBe('Changed by a pull');
    await ws.close();
  });
});
