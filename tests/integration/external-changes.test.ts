/** Changes made to workspace files by other programs (an editor, git) are noticed and picked up, never overwritten. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace';
import { ANALYST, articleFile, layerFile } from './support/layout';
import { SAMPLES, tempDir } from './support/temp';
import { until } from './support/wait';

/**
 * A workspace with two articles, each with the analyst's layer on disk, watched: `docId` for the
 * test, `witness` for a later change by another program that the test waits to see. Checks run
 * in the order the changes were made, so once the later change is seen the earlier one has been
 * looked at: a positive signal, where a sleep would pass whenever the watcher had not looked yet.
 */
async function watchedWorkspace() {
  const dir = await tempDir();
  const ws = await Workspace.open(dir);
  const report = await ws.importPaths([join(SAMPLES, 'us-envoy-arrives-in-japan.txt'), join(SAMPLES, 'multilingual-summit-report.txt')]);
  const [docId, witness] = report.imported.map((i) => i.row.id) as [string, string];
  for (const id of [docId, witness]) await ws.updateStatus(id, ANALYST, 'in_progress');
  const title = (await ws.openDocument(docId, ANALYST)).title;
  ws.watch();
  /** Sets the witness document's topic in the analyst's layer as another program would, and waits until the workspace has seen it. */
  const seeLaterChange = async (topic: string) => {
    const path = layerFile(dir, witness);
    const edited = JSON.parse(await readFile(path, 'utf8')) as { attributes: Record<string, unknown> };
    edited.attributes = { ...edited.attributes, topic };
    await writeFile(path, JSON.stringify(edited, null, 2));
    await until(
      async () => (await ws.openDocument(witness, ANALYST)).attributes.topic,
      (t) => t === topic,
    );
  };
  return { dir, ws, docId, witness, title, seeLaterChange };
}

describe('files changed outside Claimdesk', () => {
  it('reloads a document another program changed and lists it, but not our own saves', async () => {
    const { dir, ws, docId, witness, seeLaterChange } = await watchedWorkspace();
    await ws.updateStatus(docId, ANALYST, 'done');
    await seeLaterChange('Seen after our own save');
    expect(ws.info().externalChanges.map((c) => c.docId)).toEqual([witness]);

    const article = JSON.parse(await readFile(articleFile(dir, docId), 'utf8')) as { title: string };
    article.title = 'Retitled in a text editor';
    await writeFile(articleFile(dir, docId), JSON.stringify(article, null, 2));
    const layer = JSON.parse(await readFile(layerFile(dir, docId), 'utf8')) as { status: string };
    layer.status = 'in_progress';
    await writeFile(layerFile(dir, docId), JSON.stringify(layer, null, 2));
    const info = await until(
      () => ws.info(),
      (i) => i.externalChanges.some((c) => c.docId === docId && c.layer === ANALYST),
    );
    expect(info.externalChanges.map((c) => c.docId).sort()).toEqual([docId, witness].sort());
    expect(await ws.openDocument(docId, ANALYST)).toMatchObject({ title: 'Retitled in a text editor', status: 'in_progress' });
    expect(ws.listDocuments(ANALYST).find((row) => row.id === docId)).toMatchObject({ title: 'Retitled in a text editor', status: 'in_progress' });
    await ws.close();
  });

  it('ignores a half-written change and never overwrites it', async () => {
    const { dir, ws, docId, title, seeLaterChange } = await watchedWorkspace();
    const halfWritten = [
      [articleFile(dir, docId), '{"version": 2, "id": "'],
      [layerFile(dir, docId), '{"version": 2, "docId": "'],
    ] as const;
    for (const [path, text] of halfWritten) await writeFile(path, text);
    await seeLaterChange('Seen after the half-written change');
    expect(await ws.openDocument(docId, ANALYST)).toMatchObject({ title, status: 'in_progress' });
    expect(ws.info().externalChanges.map((c) => c.docId)).not.toContain(docId);
    for (const [path, text] of halfWritten) expect(await readFile(path, 'utf8')).toBe(text);
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
    expect(ws.listDocuments(ANALYST)[0]!.title).toBe('Changed by a pull');
    await ws.close();
  });

  it('keeps a document read ahead current: a change another program makes afterwards is what opening it shows', async () => {
    const dir = await tempDir();
    const first = await Workspace.open(dir);
    const report = await first.importPaths([join(SAMPLES, 'us-envoy-arrives-in-japan.txt')]);
    const docId = report.imported[0]!.row.id;
    await first.updateStatus(docId, ANALYST, 'in_progress');
    await first.close();

    // A fresh start: nothing open until the window asks for the document to be read ahead (an unknown id is left out).
    const ws = await Workspace.open(dir);
    ws.watch();
    await ws.readAhead(['no-such-document', docId], ANALYST);
    const path = layerFile(dir, docId);
    const edited = JSON.parse(await readFile(path, 'utf8')) as { attributes: Record<string, unknown> };
    edited.attributes = { ...edited.attributes, topic: 'Changed after the read ahead' };
    await writeFile(path, JSON.stringify(edited, null, 2));
    await until(
      async () => (await ws.openDocument(docId, ANALYST)).attributes.topic,
      (t) => t === 'Changed after the read ahead',
    );
    await ws.close();
  });
});
