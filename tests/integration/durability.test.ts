/** Backups on every save, the trash, and a read-only second opener, on real folders. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BACKUPS_PER_DOCUMENT, Workspace } from '../../electron/services/workspace';
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
  it('keeps the previous version on every save, the newest few, and restores one', async () => {
    const { dir, ws, docId } = await withEnvoy();
    for (const status of ['in_progress', 'done', 'new'] as const) await ws.updateDocument(docId, { status });
    const backups = await ws.listBackups(docId);
    expect(backups).toHaveLength(3);
    const stored = await Promise.all(
      backups.map(async (b) => JSON.parse(await readFile(join(dir, '.backups', docId, `${b.id}.json`), 'utf8')) as { status: string }),
    );
    expect(stored.map((d) => d.status)).toEqual(['done', 'in_progress', 'new']); // newest first

    const row = await ws.restoreBackup(docId, backups[0]!.id);
    expect(row.status).toBe('done');
    expect((await Workspace.open(dir)).listDocuments()[0]!.status).toBe('done');

    for (let i = 0; i < BACKUPS_PER_DOCUMENT + 5; i++) await ws.updateDocument(docId, { title: `Title ${i}` });
    expect(await readdir(join(dir, '.backups', docId))).toHaveLength(BACKUPS_PER_DOCUMENT);
  });
});

describe('trash', () => {
  it('moves a deleted document to the trash and restores it intact', async () => {
    const { dir, ws, docId } = await withEnvoy();
    const before = await readFile(join(dir, 'documents', `${docId}.json`), 'utf8');
    await ws.deleteDocument(docId);
    expect(ws.listDocuments()).toEqual([]);
    expect((await ws.listTrash()).map((r) => r.id)).toEqual([docId]);
    await expect(ws.openDocument(docId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await ws.restoreDocument(docId);
    expect(ws.listDocuments().map((r) => r.id)).toEqual([docId]);
    expect(await readFile(join(dir, 'documents', `${docId}.json`), 'utf8')).toBe(before);
    expect(await ws.listTrash()).toEqual([]);
  });
});

describe('a second Claimdesk on the same workspace', () => {
  it('opens it read-only, refuses writes with who holds it, and changes nothing', async () => {
    const { dir, docId } = await withEnvoy();
    const script = `import { Workspace } from ${JSON.stringify(join(ROOT, 'electron/services/workspace/index.ts'))};
const ws = await Workspace.open(${JSON.stringify(dir)});
const result = { reason: ws.readOnlyReason(), docs: ws.listDocuments().length };
try { await ws.updateDocument(${JSON.stringify(docId)}, { status: 'done' }); result.write = 'ok'; } catch (e) { result.write = e.code + ': ' + e.message; }
console.log(JSON.stringify(result));`;
    const before = await readFile(join(dir, 'documents', `${docId}.json`), 'utf8');
    const res = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    const out = JSON.parse(res.stdout.trim().split('\n').at(-1)!) as { reason: string; docs: number; write: string };
    expect(out.docs).toBe(1);
    expect(out.reason).toMatch(/open in another Claimdesk by .* \(process \d+/);
    expect(out.write).toMatch(/^CONFLICT: This workspace is open in another Claimdesk/);
    expect(await readFile(join(dir, 'documents', `${docId}.json`), 'utf8')).toBe(before);
  });
});
