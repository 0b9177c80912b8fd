/**
 * Schema versions on disk. Version 1 is the only format that ever shipped, so no fixture of an
 * earlier one exists: this checks that version 1 files are opened without a byte changed, that
 * newer ones are refused and left alone, and, with a migration step defined here, that the
 * originals are copied before any migrated content can be written: by openJsonFile, and by
 * Workspace.open itself on a workspace of the older version (a build whose registry has the step).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openJsonFile } from '../../electron/services/store/json-store';
import { Workspace } from '../../electron/services/workspace';
import { migrateDocumentFile, type DocumentFile, type MigrationStep } from '../../shared/model/migrate';
import type * as Migrate from '../../shared/model/migrate';
import { filesUnder } from './support/disk';
import { SAMPLES, tempDir } from './support/temp';

async function workspaceWithEnvoy() {
  const dir = await tempDir();
  const ws = await Workspace.open(dir);
  const docId = (await ws.importPaths([join(SAMPLES, 'us-envoy-arrives-in-japan.txt')])).imported[0]!.row.id;
  await ws.close();
  return { dir, docId, docPath: join(dir, 'documents', `${docId}.json`) };
}

describe('version 1 files', () => {
  it('open, are read and stay byte-identical, with no copy of originals made', async () => {
    const { dir, docId } = await workspaceWithEnvoy();
    const before = await filesUnder(dir);
    const ws = await Workspace.open(dir);
    await ws.openDocument(docId);
    await ws.close();
    const after = await filesUnder(dir);
    for (const [path, bytes] of before) if (path !== '.claimdesk.lock') expect(after.get(path)?.equals(bytes), path).toBe(true);
    expect([...after.keys()].filter((p) => p.startsWith('.backups/'))).toEqual([]);
  });
});

describe('newer files', () => {
  it('are refused with what to do and never written, the index as the documents', async () => {
    const { dir, docId, docPath } = await workspaceWithEnvoy();
    const newer = (await readFile(docPath, 'utf8')).replace('"version": 1', '"version": 7');
    await writeFile(docPath, newer);
    const ws = await Workspace.open(dir);
    await expect(ws.openDocument(docId)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/written by a newer Claimdesk \(format version 7, this one reads up to 1\); update Claimdesk to open it/),
    });
    await ws.close();
    expect(await readFile(docPath, 'utf8')).toBe(newer);

    const index = join(dir, 'claimdesk.json');
    const newerIndex = (await readFile(index, 'utf8')).replace('"version": 1', '"version": 2');
    await writeFile(index, newerIndex);
    await expect(Workspace.open(dir)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await readFile(index, 'utf8')).toBe(newerIndex);
    expect(await readdir(dir)).not.toContain('.backups');
  });
});

describe('a migration (with a step defined by this test)', () => {
  const toV2: MigrationStep = {
    from: 1,
    workspace: (raw) => raw,
    document: (raw) => ({ ...raw, attributes: { ...(raw.attributes as object), migrated: true } }),
  };
  const migrate = (raw: unknown) => migrateDocumentFile(raw, [toV2], 2);

  it('copies the original, byte for byte, before the migrated content can be written', async () => {
    const { dir, docPath } = await workspaceWithEnvoy();
    const original = await readFile(docPath);
    const copy = join(dir, '.backups', 'before-migration-from-v1', 'documents', 'envoy.json');
    const { db, migrated } = await openJsonFile<DocumentFile>(docPath, migrate, null, () => copy);
    expect(migrated).toBe(true);
    expect((await readFile(copy)).equals(original)).toBe(true);
    expect((await readFile(docPath)).equals(original)).toBe(true); // opening alone writes nothing
    await db.write();
    expect(JSON.parse(await readFile(docPath, 'utf8'))).toMatchObject({ version: 2, attributes: { migrated: true } });
    expect((await readFile(copy)).equals(original)).toBe(true);
  });

  it('keeps the first copy when opened again, and refuses to go on when no copy can be made', async () => {
    const { dir, docPath } = await workspaceWithEnvoy();
    const copy = join(dir, '.backups', 'originals', 'envoy.json');
    await mkdir(join(dir, '.backups', 'originals'), { recursive: true });
    await writeFile(copy, 'the first original');
    await openJsonFile<DocumentFile>(docPath, migrate, null, () => copy);
    expect(await readFile(copy, 'utf8')).toBe('the first original');

    const blocked = join(dir, 'not-a-folder');
    await writeFile(blocked, '');
    await expect(openJsonFile<DocumentFile>(docPath, migrate, null, () => join(blocked, 'envoy.json'))).rejects.toMatchObject({
      code: 'IO',
      message: expect.stringMatching(/^Could not keep a copy of .* before bringing it up to date, so Claimdesk has left it untouched/),
    });
  });

  it('is made by Workspace.open: the originals of claimdesk.json and of each document go to .backups/before-migration-from-v1/ first', async () => {
    const { dir, docId, docPath } = await workspaceWithEnvoy();
    const indexPath = join(dir, 'claimdesk.json');
    const [originalIndex, originalDoc] = [await readFile(indexPath), await readFile(docPath)];
    // A build whose on-disk format is version 2, with the step defined above in its registry:
    // the workspace written by this one is of the older version for it.
    vi.resetModules();
    vi.doMock('../../shared/model/migrate', async (importOriginal) => {
      const actual = await importOriginal<typeof Migrate>();
      return {
        ...actual,
        STORE_VERSION: 2,
        MIGRATIONS: [toV2],
        migrateWorkspaceFile: (raw: unknown) => actual.migrateWorkspaceFile(raw, [toV2], 2),
        migrateDocumentFile: (raw: unknown) => actual.migrateDocumentFile(raw, [toV2], 2),
      };
    });
    try {
      const { Workspace: NewerWorkspace } = await import('../../electron/services/workspace');
      const ws = await NewerWorkspace.open(dir);
      const copies = join(dir, '.backups', 'before-migration-from-v1');
      expect((await readFile(join(copies, 'claimdesk.json'))).equals(originalIndex)).toBe(true);
      expect(JSON.parse(await readFile(indexPath, 'utf8'))).toMatchObject({ version: 2 });

      expect((await ws.openDocument(docId)).attributes).toMatchObject({ migrated: true });
      expect((await readFile(join(copies, 'documents', `${docId}.json`))).equals(originalDoc)).toBe(true);
      expect(JSON.parse(await readFile(docPath, 'utf8'))).toMatchObject({ version: 2, attributes: { migrated: true } });
      await ws.close();

      // Opened again, nothing is migrated any more and the copies stay the originals.
      const again = await NewerWorkspace.open(dir);
      await again.openDocument(docId);
      await again.close();
      expect((await readFile(join(copies, 'claimdesk.json'))).equals(originalIndex)).toBe(true);
      expect((await readFile(join(copies, 'documents', `${docId}.json`))).equals(originalDoc)).toBe(true);
    } finally {
      vi.doUnmock('../../shared/model/migrate');
      vi.resetModules();
    }
  });
});
