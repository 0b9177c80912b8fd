/**
 * A workspace's history: the earlier versions of each document (`.backups/<id>/`, the newest
 * few, kept by every save) and the trash (`.trash/`, deleted documents, restorable). Paths are
 * built from checked document ids only, so nothing outside the workspace is read or pruned.
 */
import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ApiError, type BackupEntry } from '../../../shared/api';
import type { DocumentFile } from '../../../shared/model/migrate';
import type { DocId, DocumentRow } from '../../../shared/model/types';
import { openJsonFile } from '../store/json-store';
import type { DocumentStore } from './document-store';
import { BACKUPS_DIR, canonicalDocument, documentPath, migrateDocumentOf, rowOf, TRASH_DIR } from './files';

/** How many earlier versions of each document are kept in .backups/<id>/. */
export const BACKUPS_PER_DOCUMENT = 10;

/** Tells apart backups made in the same millisecond by this process. */
let backupSeq = 0;

/**
 * Keeps a document's file as a backup before it is replaced: a hard link to the old file, which
 * the atomic rename of the save then leaves behind (no copy), pruned to the newest few.
 * @returns false when there was no file (another program deleted it)
 */
export async function keepBackup(root: string, docId: DocId, now: Date): Promise<boolean> {
  const dir = join(root, BACKUPS_DIR, docId);
  await mkdir(dir, { recursive: true });
  const target = join(dir, `${now.toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++backupSeq}.json`);
  try {
    await link(documentPath(root, docId), target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // An open document's file always exists (imports write it before opening it), unless another program deleted it.
    if (code === 'ENOENT') return false;
    if (code === 'EEXIST') return true;
    // File systems without hard links (FAT, some network shares): copy instead.
    await copyFile(documentPath(root, docId), target);
  }
  const entries = (await readdir(dir)).sort();
  await Promise.all(entries.slice(0, Math.max(0, entries.length - BACKUPS_PER_DOCUMENT)).map((f) => rm(join(dir, f), { force: true })));
  return true;
}

/** Earlier versions of a document, newest first. @throws ApiError NOT_FOUND */
export async function listBackups(store: DocumentStore, docId: DocId): Promise<BackupEntry[]> {
  store.rowFor(docId);
  const dir = join(store.root, BACKUPS_DIR, docId);
  const names = await readdir(dir).catch(() => [] as string[]);
  const entries = await Promise.all(
    names.map(async (name) => {
      const info = await stat(join(dir, name));
      return { id: name.replace(/\.json$/, ''), savedAt: info.mtime.toISOString(), size: info.size };
    }),
  );
  return entries.sort((a, b) => b.id.localeCompare(a.id));
}

/**
 * Brings back an earlier version of a document (the current one becomes a backup in turn).
 * @throws ApiError INVALID_INPUT for a malformed backup id; NOT_FOUND for an unknown one; IO/CONFLICT when it cannot be used
 */
export async function restoreBackup(store: DocumentStore, docId: DocId, backupId: string): Promise<DocumentRow> {
  if (!/^[\w-]+$/.test(backupId)) throw new ApiError('INVALID_INPUT', 'not a backup id');
  return store.run(async () => {
    const db = await store.handle(docId);
    const path = join(store.root, BACKUPS_DIR, docId, `${backupId}.json`);
    const { db: backup } = await openJsonFile<DocumentFile>(path, migrateDocumentOf(docId), null);
    await store.save(db, canonicalDocument(backup.data));
    return store.putRow(rowOf(db.data));
  });
}

/** Moves a document to the trash (restorable) and out of the index. @throws ApiError NOT_FOUND */
export function deleteDocument(store: DocumentStore, docId: DocId): Promise<void> {
  return store.run(async () => {
    store.assertWritable();
    store.rowFor(docId);
    await mkdir(join(store.root, TRASH_DIR), { recursive: true });
    await rename(store.documentPath(docId), join(store.root, TRASH_DIR, `${docId}.json`)).catch((err: NodeJS.ErrnoException) => {
      // Its file was deleted by another program: there is nothing to move, only the index row.
      if (err.code !== 'ENOENT') throw err;
    });
    await store.removeRow(docId);
  });
}

/** Documents in the trash, as index rows (an unreadable file there is left alone and not offered). */
export async function listTrash(store: DocumentStore): Promise<DocumentRow[]> {
  const dir = join(store.root, TRASH_DIR);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  const rows: DocumentRow[] = [];
  for (const name of names) {
    try {
      const { db } = await openJsonFile<DocumentFile>(join(dir, name), migrateDocumentOf(basename(name, '.json')), null);
      rows.push(rowOf(db.data));
    } catch {
      // An unreadable file in the trash is left there untouched; it is not offered for restore.
    }
  }
  return rows;
}

/**
 * Moves a document back from the trash.
 * @throws ApiError NOT_FOUND when it is not in the trash; CONFLICT when its id is in use again
 */
export function restoreDocument(store: DocumentStore, docId: DocId): Promise<DocumentRow> {
  return store.run(async () => {
    store.assertWritable();
    const from = join(store.root, TRASH_DIR, `${docId}.json`);
    const { db } = await openJsonFile<DocumentFile>(from, migrateDocumentOf(docId), null);
    if (store.hasRow(docId)) throw new ApiError('CONFLICT', `a document with id ${docId} is already in the workspace`);
    await rename(from, store.documentPath(docId));
    return store.putRow(rowOf(db.data));
  });
}
