/** Changes made to workspace files by other programs (an editor, git) are noticed and picked up, never overwritten. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace';
import { SAMPLES, tempDir } from './support/temp';
import { until } from './support/wait';

/**
 * A workspace with two articles, watched: `docId` for the test, `witness` for a later change by
 * another program that the test waits to see. Checks run in the order the changes were made, so
 * once the later change is seen the earlier one has been looked at: a positive signal, where a
 * sleep would pass whenever the watcher had not looked yet.
 */
async function watchedWorkspace() {
  const dir = await tempDir();
  const ws = await Workspace.open(dir);
  const report = await ws.importPaths([join(SAMPLES, 'us-envoy-arrives-in-japan.txt'), join(SAMPLES, 'multilingual-summit-report.txt')]);
  const [docId, witness] = report.imported.map((i) => i.row.id) as [string, string];
  const title = (await ws.openDocument(docId)).title;
  ws.watch();
  const fileOf = (id: string) => join(dir, 'documents', `${id}.json`);
  /** Retitles the witness document as another program would, and waits until the workspace has seen it. */
  const seeLaterChange = async (newTitle: string) => {
    const edited = JSON.parse(await readFile(fileOf(witness), 'utf8')) as { title: string };
    edited.title = newTitle;
    await writeFile(fileOf(witness), JSON.stringify(edited, null, 2));
    await until(
      () => ws.listDocuments().find((row) => row.id === witness)!.title,
      (t) => t === newTitle,
    );
  };
  return { dir, ws, docId, witness, title, fileOf, seeLaterChange };
}

describe('files changed outside Claimdesk', () => {
  it('reloads a document another program changed and lists it, but not our own saves', async () => {
    const { ws, docId, witness, fileOf, seeLaterChange } = await watchedWorkspace();
    await ws.updateDocument(docId, { status: 'in_progress' });
    await seeLaterChange('Seen after our own save');
    expect(ws.info().externalChanges.map((c) => c.docId)).toEqual([witness]);

    const path = fileOf(docId);
    const edited = JSON.parse(await readFile(path, 'utf8')) as { title: string; status: string };
    edited.title = 'Retitled in a text editor';
    edited.status = 'done';
    await writeFile(path, JSON.stringify(edited, null, 2));
    const info = await until(
      () => ws.info(),
      (i) => i.externalChanges.some((c) => c.docId === docId),
    );
    expect(info.externalChanges.map((c) => c.docId).sort()).toEqual([docId, witness].sort());
    expect((await ws.openDocument(docId)).title).toBe('Retitled in a text editor');
    expect(ws.listDocuments().find((row) => row.id === docId)).toMatchObject({ title: 'Retitled in a text editor', status: 'done' });
    await ws.close();
  });

  it('ignores a half-written change and never overwrites it', async () => {
    const { ws, docId, title, fileOf, seeLaterChange } = await watchedWorkspace();
    await writeFile(fileOf(docId), '{"version": 1, "id": "');
    await seeLaterChange('Seen after the half-written change');
    expect((await ws.openDocument(docId)).title).toBe(title);
    expect(ws.info().externalChanges.map((c) => c.docId)).not.toContain(docId);
    expect(await readFile(fileOf(docId), 'utf8')).toBe('{"version": 1, "id": "');
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
    await until(
      () => ws.info().revision,
      (r) => r > before,
    );
    expect(ws.listDocuments()[0]!.title).toBe('Changed by a pull');
    await ws.close();
  });
});
