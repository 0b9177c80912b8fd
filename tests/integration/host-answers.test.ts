/**
 * getDocument's answers over the browser host's real HTTP (#14): the host keeps a document's
 * serialised answer (a long one) for as long as the workspace answers the same object, which it does only while
 * the document's article and layer are unchanged. So every answer is the stored document as it is
 * then: after a save, a rename, and for a document read ahead before it was opened.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, httpSend } from '../../renderer/api/client';
import { startHost, type RunningHost } from '../../electron/host';
import { openAppSettings } from '../../electron/services/app-paths';
import { Workspace } from '../../electron/services/workspace';
import { addSpan } from '../../shared/model/commands';
import { SAMPLES, tempDir } from './support/temp';

process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-data-');

const hosts: RunningHost[] = [];
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.close()));
});

async function setup() {
  const dir = await tempDir();
  const workspace = await Workspace.open(dir);
  // A long article (its answer is long enough to be kept) and a sample.
  const long = join(dir, 'long-report.txt');
  const paragraph = 'The envoy said on Tuesday that Japan would put the resolution to a vote on Monday. ';
  await writeFile(long, `A long report\n\n${Array.from({ length: 4_000 }, () => paragraph).join('\n\n')}`);
  const report = await workspace.importPaths([long, join(SAMPLES, 'multilingual-summit-report.txt')]);
  const [docId, other] = report.imported.map((i) => i.row.id) as [string, string];
  const host = await startHost({ workspace, settings: await openAppSettings(), rendererDir: dir });
  hosts.push(host);
  const api = createClient(httpSend(`http://127.0.0.1:${host.port}`, host.token));
  // The analyst the host writes as: their own layer is the one they may change.
  const { annotator: me } = await api.getWorkspace();
  return { workspace, docId, other, api, me };
}

describe('getDocument over the host', () => {
  it('answers the same object while nothing changed, and every change at once after it', async () => {
    const { workspace, docId, api, me } = await setup();
    const first = await workspace.openDocument(docId, me);
    expect(await workspace.openDocument(docId, me)).toBe(first);
    expect(await api.getDocument({ docId, layer: me })).toEqual(first);
    expect(await api.getDocument({ docId, layer: me })).toEqual(first);

    const start = first.text.lastIndexOf('Japan');
    expect(JSON.stringify(first).length).toBeGreaterThan(256 * 1024); // long enough for the host to keep its answer
    const ops = addSpan(first, workspace.info().schema, 'Source', start, start + 'Japan'.length, {
      author: me,
      now: '2026-12-06T00:00:00.000Z',
      newId: () => 'src-japan',
    });
    if (typeof ops === 'string') throw new Error(ops);
    await api.applyChanges({ docId, ops, layer: me });
    const saved = await api.getDocument({ docId, layer: me });
    expect(saved.annotations.map((a) => a.id)).toContain('src-japan');
    expect(await workspace.openDocument(docId, me)).not.toBe(first);

    await api.applyChanges({
      docId,
      ops: [{ op: 'updateDocument', before: { title: saved.title }, after: { title: 'Renamed while kept' } }],
      layer: me,
    });
    expect(await api.getDocument({ docId, layer: me })).toMatchObject({ title: 'Renamed while kept', annotations: saved.annotations });
  });

  it('answers a document read ahead as stored, then with the change made after the read', async () => {
    const { workspace, other, api, me } = await setup();
    await api.readAhead({ docIds: [other, 'ffffffffffff'], layer: me }); // an unknown id is left out
    const before = await api.getDocument({ docId: other, layer: me });
    expect(before).toEqual(await workspace.readDocument(other, me));
    await api.applyChanges({ docId: other, ops: [{ op: 'updateDocument', before: {}, after: { status: 'done' } }], layer: me });
    expect(await api.getDocument({ docId: other, layer: me })).toMatchObject({ status: 'done', annotations: before.annotations });
  });
});
