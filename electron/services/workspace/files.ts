/**
 * The workspace's layout on disk and the rules its files follow: where each file lives, the
 * stable form a document is written in, the index row made from it, and the checks a folder
 * and a file pass before Claimdesk uses them. No state: the store and its helpers call these.
 */
import { readFileSync } from 'node:fs';
import { lstat, mkdir, readdir, realpath, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ApiError } from '../../../shared/api';
import { bump, counter } from '../../../shared/model/keys';
import { migrateDocumentFile, STORE_VERSION, type DocumentFile } from '../../../shared/model/migrate';
import { compareSpans } from '../../../shared/model/spans';
import type { DocId, DocumentData, DocumentRow } from '../../../shared/model/types';

export const INDEX_FILE = 'claimdesk.json';
export const DOCUMENTS_DIR = 'documents';
export const BACKUPS_DIR = '.backups';
export const TRASH_DIR = '.trash';

/** Where files of format version `fromVersion` are kept as they were before being migrated (never pruned). */
export const originalsDir = (fromVersion: number): string => join(BACKUPS_DIR, `before-migration-from-v${fromVersion}`);

/** The file of a document (its id is a checked document id, so the path stays in documents/). */
export const documentPath = (root: string, docId: DocId): string => join(root, DOCUMENTS_DIR, `${docId}.json`);

/** Puts a document's fields in the stable order they are written in, annotations in text order. */
export function canonicalDocument(doc: DocumentData): DocumentFile {
  const annotations = [...doc.annotations].sort(compareSpans);
  const relations = [...doc.relations].sort((a, b) => a.id.localeCompare(b.id));
  return {
    version: STORE_VERSION,
    id: doc.id,
    title: doc.title,
    status: doc.status,
    attributes: doc.attributes,
    meta: doc.meta,
    text: doc.text,
    blocks: doc.blocks,
    annotations,
    relations,
  };
}

/** The index row of a document. */
export function rowOf(doc: DocumentData): DocumentRow {
  const row: DocumentRow = {
    id: doc.id,
    title: doc.title,
    sourceName: doc.meta.sourceName,
    sha256: doc.meta.sha256,
    importedAt: doc.meta.importedAt,
    length: doc.text.length,
    annotationCount: doc.annotations.length,
    labelCounts: countLabels(doc),
    status: doc.status,
  };
  return doc.meta.publishedAt ? { ...row, publishedAt: doc.meta.publishedAt } : row;
}

/** How many annotations each label has in a document, labels in name order (any label a key, `constructor` too). */
function countLabels(doc: DocumentData): Record<string, number> {
  const counts = counter();
  for (const a of doc.annotations) bump(counts, a.label);
  const sorted = counter();
  for (const label of Object.keys(counts).sort((a, b) => a.localeCompare(b))) sorted[label] = counts[label]!;
  return sorted;
}

/**
 * The migrator for the file of document `docId`: it also refuses a file that holds another
 * document's id (a tampered or misplaced file), since ids name files and backups.
 */
export function migrateDocumentOf(docId: DocId): (raw: unknown) => ReturnType<typeof migrateDocumentFile> {
  return (raw) => {
    const result = migrateDocumentFile(raw);
    if (result.ok && result.value.id !== docId)
      return { ok: false, reason: `it holds document ${JSON.stringify(result.value.id)}, not ${docId} as its name says` };
    return result;
  };
}

/**
 * A document file read, parsed, checked and brought up to date. The read is synchronous: in
 * fs/promises a file costs an open, a stat, reads and a close, each a round trip through the
 * thread pool, which took more time than reading (an export of 2,000 files: ~240 ms against
 * ~60 ms). It blocks no longer than the parse that follows it does.
 * @returns null when the file cannot be read or is not JSON (the caller reads it again through openJsonFile, which says why)
 */
export function readDocumentFileSync(root: string, docId: DocId): ReturnType<typeof migrateDocumentFile> | null {
  try {
    return migrateDocumentOf(docId)(JSON.parse(readFileSync(documentPath(root, docId), 'utf8')));
  } catch {
    return null;
  }
}

/**
 * The workspace folder, made if missing, once it is known to be a folder Claimdesk may keep its
 * files in: not a system folder (/proc, /sys, /dev, whose files are not files), and with
 * documents/, .backups/ and .trash/ plain folders of its own, never links leading elsewhere
 * (every path Claimdesk writes or deletes must stay inside the workspace).
 * @throws ApiError IO or CONFLICT saying what to do
 */
export async function workspaceFolder(dir: string): Promise<string> {
  const path = resolve(dir);
  const real = await realpath(path).catch(() => path);
  if ([path, real].some((p) => /^\/(proc|sys|dev)(\/|$)/.test(p)))
    throw new ApiError('IO', `${path} is a system folder, not one for files; choose a folder in your home or data folder`);
  try {
    await mkdir(join(path, DOCUMENTS_DIR), { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const denied = `${path} cannot be written (permission denied); choose a folder you may write to, or change its permissions`;
    const why: Record<string, string> = {
      ENOTDIR: `${path} (or a folder above it) is a file, not a folder; give the path of a folder (it is created if missing)`,
      EEXIST: `${join(path, DOCUMENTS_DIR)} is a file, not a folder; move it away`,
      EACCES: denied,
      EPERM: denied,
      EROFS: `${path} is on a read-only disk; choose a folder on a writable one`,
    };
    throw new ApiError('IO', why[code ?? ''] ?? `${path} cannot be used as a workspace (${(err as Error).message})`);
  }
  for (const sub of [DOCUMENTS_DIR, BACKUPS_DIR, TRASH_DIR]) {
    const info = await lstat(join(path, sub)).catch(() => null);
    if (info && !info.isDirectory())
      throw new ApiError(
        'CONFLICT',
        `${join(path, sub)} is ${info.isSymbolicLink() ? 'a link to another place' : 'not a folder'}; Claimdesk keeps a workspace's files inside its folder only, so replace it with a plain folder (move what it leads to inside the workspace)`,
      );
  }
  return path;
}

/**
 * Removes the temporary files an interrupted write leaves (lowdb writes `.<name>.tmp`, then
 * renames it): the real file beside it is intact, so they hold nothing worth keeping.
 */
export async function sweepTempFiles(root: string): Promise<void> {
  for (const dir of [root, join(root, DOCUMENTS_DIR)]) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const stale = entries.filter((e) => e.isFile() && e.name.startsWith('.') && e.name.endsWith('.json.tmp'));
    await Promise.all(stale.map((e) => rm(join(dir, e.name), { force: true })));
  }
}

/** True when `path` does not exist (an atomic save never leaves a file missing, so another program deleted it). */
export async function isMissing(path: string): Promise<boolean> {
  return stat(path).then(
    () => false,
    (err: NodeJS.ErrnoException) => err.code === 'ENOENT',
  );
}
