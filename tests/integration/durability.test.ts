/** Backups on every save, the trash, and a read-only second opener, on real folders. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BACKUPS_PER_DOCUMENT, Workspace } from '../../electron/services/workspace';
import { ANALYST, articleFile, layerBackups, layerFile } from './support/layout';
import { SAMPLES, tempDir } from './support/temp';

const ENVOY = join(SAMPLES, 'us-envoy-arrives-in-japan.txt');
const ROOT = join(import.meta.dirname, '..', '..');

async function withEnvoy() {
  const dir = await tempDir();
  const ws = await Workspace.open(dir);
  const docId = (await ws.importPaths([ENVOY])).imported[0]!.row.id;
  return { dir, ws, docId };
}

describe('backups', () => {
  it('keeps the previous version of a layer on every save, the newest few, and restores one', async () => {
    const { dir, ws, docId } = await withEnvoy();
    const topic = (value: string) => ws.applyChanges(docId, ANALYST, [{ op: 'updateDocument', before: {}, after: { attributes: { topic: value } } }]);
    await topic('diplomacy'); // the layer's first save keeps the empty layer it replaces, so even that change can be undone
    const [empty] = await ws.listBackups(docId, ANALYST);
    expect(JSON.parse(await readFile(join(layerBackups(dir, docId), `${empty!.id}.json`), 'utf8'))).toMatchObject({
      status: 'new',
      attributes: {},
      annotations: [],
    });
    for (const status of ['in_progress', 'done', 'new'] as const) await ws.updateStatus(docId, ANALYST, status);
    const backups = await ws.listBackups(docId, ANALYST);
    expect(backups).toHaveLength(4);
    const stored = await Promise.all(
      backups.map(
        async (b) => JSON.parse(await readFile(join(layerBackups(dir, docId), `${b.id}.json`), 'utf8')) as { status: string; layer: string },
      ),
    );
    expect(stored.map((d) => d.status)).toEqual(['done', 'in_progress', 'new', 'new']); // newest first, the empty layer last
    expect(stored.every((d) => d.layer === ANALYST)).toBe(true);
    expect(await ws.listBackups(docId, 'bob')).toEqual([]); // another analyst's layer has its own history

    const row = await ws.restoreBackup(docId, ANALYST, backups[0]!.id);
    expect(row.status).toBe('done');
    expect((await Workspace.open(dir)).listDocuments(ANALYST)[0]!.status).toBe('done');

    for (let i = 0; i < BACKUPS_PER_DOCUMENT + 5; i++) await topic(`Topic ${i}`);
    expect(await readdir(layerBackups(dir, docId))).toHaveLength(BACKUPS_PER_DOCUMENT);
  });
});

describe('trash', () => {
  it('moves a deleted document to the trash and restores it intact, with its layers', async () => {
    const { dir, ws, docId } = await withEnvoy();
    await ws.updateStatus(docId, ANALYST, 'in_progress');
    await ws.updateStatus(docId, 'bob', 'done');
    const files = [articleFile(dir, docId), layerFile(dir, docId), layerFile(dir, docId, 'bob')];
    const before = await Promise.all(files.map((f) => readFile(f, 'utf8')));
    await ws.deleteDocument(docId);
    expect(ws.listDocuments(ANALYST)).toEqual([]);
    expect((await ws.listTrash(ANALYST)).map((r) => r.id)).toEqual([docId]);
    await expect(ws.openDocument(docId, ANALYST)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const row = await ws.restoreDocument(docId, ANALYST);
    expect(row).toMatchObject({ id: docId, status: 'in_progress' });
    expect(ws.listDocuments(ANALYST).map((r) => r.id)).toEqual([docId]);
    expect(ws.listDocuments('bob')[0]!.status).toBe('done');
    expect(await Promise.all(files.map((f) => readFile(f, 'utf8')))).toEqual(before);
    expect(await ws.listTrash(ANALYST)).toEqual([]);
  });
});

describe('a second Claimdesk on the same workspace', () => {
  it('opens it read-only, refuses writes with who holds it, and changes nothing', async () => {
    const { dir, ws, docId } = await withEnvoy();
    await ws.updateStatus(docId, ANALYST, 'in_progress');
    const script = `import { Workspace } from ${JSON.stringify(join(ROOT, 'electron/services/workspace/index.ts'))};
const ws = await Workspace.open(${JSON.stringify(dir)});
const result = { reason: ws.readOnlyReason(), docs: ws.listDocuments(${JSON.stringify(ANALYST)}).length };
try { await ws.updateStatus(${JSON.stringify(docId)}, ${JSON.stringify(ANALYST)}, 'done'); result.write = 'ok'; } catch (e) { result.write = e.code + ': ' + e.message; }
console.log(JSON.stringify(result));`;
    const files = [join(dir, 'claimdesk.json'), articleFile(dir, docId), layerFile(dir, docId)];
    const before = await Promise.all(files.map((f) => readFile(f, 'utf8')));
    const res = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    const out = JSON.parse(res.stdout.trim().split('\n').at(-1)!) as { reason: string; docs: number; write: string };
    expect(out.docs).toBe(1);
    expect(out.reason).toMatch(/open in another Claimdesk by .* \(process \d+/);
    expect(out.write).toMatch(/^CONFLICT: This workspace is open in another Claimdesk/);
    expect(await Promise.all(files.map((f) => readFile(f, 'utf8')))).toEqual(before);
  });
});
