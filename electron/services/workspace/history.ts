/**
 * A workspace's history: the earlier versions of each layer of each document
 * (`.backups/<id>/<layer>/`, the newest few, kept by every save) and the trash (`.trash/<id>/`,
 * deleted documents with all their layers, restorable). Paths are built from checked document ids
 * and encoded layer names only, so nothing outside the workspace is read or pruned.
 */
import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { writeFileAtomically } from '../store/atomic-file';
import { join } from 'node:path';
import { ApiError, type BackupEntry } from '../../../shared/api';
import { CURATED_LAYER, layerFileBase, type ArticleFile, type LayerFile } from '../../../shared/model/layers';
import { isDocId } from '../../../shared/model/keys';
import type { DocId, DocumentRow } from '../../../shared/model/types';
import { documentRowOf, canonicalLayer } from '../../../shared/model/layers';
import { openJsonFile } from '../store/json-store';
import type { DocumentStore } from './document-store';
import { ARTICLE_FILE, BACKUPS_DIR, documentDir, migrateArticleOf, migrateLayerOf, rowOf, TRASH_DIR } from './files';

/** How many earlier versions of each layer are kept in .backups/<id>/<layer>/. */
export const BACKUPS_PER_DOCUMENT = 10;

/** Tells apart backups made in the same millisecond by this process. */
let backupSeq = 0;

/** The folder of a layer's backups. */
const backupDir = (root: string, docId: DocId, layer: string): string =>
  layer === CURATED_LAYER ? join(root, BACKUPS_DIR, docId, CURATED_LAYER) : join(root, BACKUPS_DIR, docId, 'layers', layerFileBase(layer));

/**
 * Keeps a layer's file as a backup before it is replaced: a hard link to the old file, which the
 * atomic rename of the save then leaves behind (no copy), pruned to the newest few.
 * @returns false when there was no file (a new layer, or another program deleted it)
 */
export async function keepBackup(root: string, path: string, docId: DocId, layer: string, now: Date): Promise<boolean> {
  const dir = backupDir(root, docId, layer);
  const target = join(dir, `${now.toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++backupSeq}.json`);
  if (
    !(await stat(path).then(
      () => true,
      () => false,
    ))
  )
    return false;
  await mkdir(dir, { recursive: true });
  try {
    await link(path, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code === 'EEXIST') return true;
    // File systems without hard links (FAT, some network shares): copy instead.
    await copyFile(path, target);
  }
  const entries = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  await Promise.all(entries.slice(0, Math.max(0, entries.length - BACKUPS_PER_DOCUMENT)).map((f) => rm(join(dir, f), { force: true })));
  return true;
}

/**
 * Keeps what a layer held before its first save (no file yet: empty, or what an import put in
 * memory) as its first backup, so that even the first change can be undone from the history.
 */
export async function keepFirstBackup(root: string, before: LayerFile, now: Date): Promise<void> {
  const dir = backupDir(root, before.docId, before.layer);
  await mkdir(dir, { recursive: true });
  const name = `${now.toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++backupSeq}.json`;
  // Whole or not at all: a full disk leaves no half-written backup behind.
  await writeFileAtomically(join(dir, name), JSON.stringify(before, null, 2));
}

/** Earlier versions of one layer of a document, newest first. @throws ApiError NOT_FOUND */
export async function listBackups(store: DocumentStore, docId: DocId, layer: string): Promise<BackupEntry[]> {
  store.rowFor(docId);
  const dir = backupDir(store.root, docId, layer);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  const entries = await Promise.all(
    names.map(async (name) => {
      const info = await stat(join(dir, name));
      return { id: name.replace(/\.json$/, ''), savedAt: info.mtime.toISOString(), size: info.size };
    }),
  );
  return entries.sort((a, b) => b.id.localeCompare(a.id));
}

/**
 * Brings back an earlier version of a layer (the current one becomes a backup in turn).
 * @throws ApiError INVALID_INPUT for a malformed backup id; NOT_FOUND for an unknown one; IO/CONFLICT when it cannot be used
 */
export function restoreBackup(store: DocumentStore, docId: DocId, layer: string, backupId: string): Promise<DocumentRow> {
  if (!/^[\w-]+$/.test(backupId)) return Promise.reject(new ApiError('INVALID_INPUT', 'not a backup id'));
  return store.run(async () => {
    const db = await store.layerHandle(docId, layer, { mayBeMissing: true });
    const article = await store.article(docId);
    const path = join(backupDir(store.root, docId, layer), `${backupId}.json`);
    const { db: backup } = await openJsonFile<LayerFile>(path, migrateLayerOf(article, layer), null);
    await store.saveLayer(db, canonicalLayer(backup.data));
    return store.rowViewFor(docId, layer);
  });
}

/** Moves a document (its folder: article and every layer) to the trash, restorable, and out of the index. @throws ApiError NOT_FOUND */
export function deleteDocument(store: DocumentStore, docId: DocId): Promise<void> {
  return store.run(async () => {
    store.assertWritable();
    store.rowFor(docId);
    await mkdir(join(store.root, TRASH_DIR), { recursive: true });
    await rm(join(store.root, TRASH_DIR, docId), { recursive: true, force: true });
    await rename(documentDir(store.root, docId), join(store.root, TRASH_DIR, docId)).catch((err: NodeJS.ErrnoException) => {
      // Its folder was deleted by another program: there is nothing to move, only the index row.
      if (err.code !== 'ENOENT') throw err;
    });
    await store.removeRow(docId);
  });
}

/** Documents in the trash, as rows (an unreadable one is left alone and not offered). */
export async function listTrash(store: DocumentStore, viewer: string): Promise<DocumentRow[]> {
  const dir = join(store.root, TRASH_DIR);
  const names = (await readdir(dir).catch(() => [] as string[])).filter(isDocId);
  const rows: DocumentRow[] = [];
  for (const docId of names) {
    try {
      const { db } = await openJsonFile<ArticleFile>(join(dir, docId, ARTICLE_FILE), migrateArticleOf(docId), null);
      rows.push(documentRowOf(rowOf(db.data), {}, viewer));
    } catch {
      // An unreadable document in the trash is left there untouched; it is not offered for restore.
    }
  }
  return rows;
}

/**
 * Moves a document back from the trash.
 * @throws ApiError NOT_FOUND when it is not in the trash; CONFLICT when its id is in use again
 */
export function restoreDocument(store: DocumentStore, docId: DocId, viewer: string): Promise<DocumentRow> {
  if (!isDocId(docId)) return Promise.reject(new ApiError('INVALID_INPUT', 'not a document id'));
  return store.run(async () => {
    store.assertWritable();
    const from = join(store.root, TRASH_DIR, docId);
    const { db } = await openJsonFile<ArticleFile>(join(from, ARTICLE_FILE), migrateArticleOf(docId), null);
    if (store.hasRow(docId)) throw new ApiError('CONFLICT', `a document with id ${docId} is already in the workspace`);
    await rename(from, documentDir(store.root, docId));
    await store.putRow(rowOf(db.data));
    store.rescanLayers(docId);
    return store.rowViewFor(docId, viewer);
  });
}
