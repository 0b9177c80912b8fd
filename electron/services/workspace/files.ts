/**
 * The workspace's layout on disk and the rules its files follow: where each file lives, the
 * stable form a document is written in, the index row made from it, and the checks a folder
 * and a file pass before Claimdesk uses them. No state: the store and its helpers call these.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { lstat, mkdir, readdir, realpath, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ApiError } from '../../../shared/api';
import { isDocId } from '../../../shared/model/keys';
import { annotatorOfFileName, CURATED_LAYER, layerFileName, type ArticleFile, type LayerFile } from '../../../shared/model/layers';
import { migrateArticleFile, migrateLayerFile } from '../../../shared/model/migrate';
import type { DocId, DocumentData, IndexRow } from '../../../shared/model/types';

export const INDEX_FILE = 'claimdesk.json';
export const DOCUMENTS_DIR = 'documents';
export const BACKUPS_DIR = '.backups';
export const TRASH_DIR = '.trash';
/** Derived data (layer summaries) that git ignores and Claimdesk rebuilds when missing or stale. */
export const CACHE_DIR = '.cache';
/** Suggestions turned on and rejected per document (#15): local-only, git ignores it; one `<docId>.json` each. */
export const SUGGESTIONS_DIR = '.suggestions';
/**
 * The workspace's own folders that stay on this computer: git ignores them (sync/repository.ts
 * LOCAL_ONLY) and no export may write over or into them (export/output.ts). One list, so that a
 * new local folder is added to both at once.
 */
export const LOCAL_ONLY_DIRS: readonly string[] = [CACHE_DIR, BACKUPS_DIR, TRASH_DIR, SUGGESTIONS_DIR];
export const ARTICLE_FILE = 'article.json';
export const LAYERS_DIR = 'layers';
export const CURATED_FILE = 'curated.json';

/** Where files of format version `fromVersion` are kept as they were before being migrated (never pruned). */
export const originalsDir = (fromVersion: number): string => join(BACKUPS_DIR, `before-migration-from-v${fromVersion}`);

/** A document's folder (its id is a checked document id, so the path stays in documents/). */
export const documentDir = (root: string, docId: DocId): string => join(root, DOCUMENTS_DIR, docId);
/** A document's article file. */
export const articlePath = (root: string, docId: DocId): string => join(documentDir(root, docId), ARTICLE_FILE);
/** The file of one layer of a document (the layer name is encoded, so the path stays in the document's folder). */
export const layerPath = (root: string, docId: DocId, layer: string): string =>
  layer === CURATED_LAYER ? join(documentDir(root, docId), CURATED_FILE) : join(documentDir(root, docId), LAYERS_DIR, layerFileName(layer));
/** The single file of a document in a version-1 workspace. */
export const v1DocumentPath = (root: string, docId: DocId): string => join(root, DOCUMENTS_DIR, `${docId}.json`);

/**
 * The layer a path inside the workspace is the file of, or null.
 * @param relative a path relative to the workspace folder, with / or the platform's separator
 */
export function layerOfPath(relative: string): { docId: DocId; layer: string } | null {
  const parts = relative.split(/[\\/]/);
  if (parts[0] !== DOCUMENTS_DIR || !isDocId(parts[1])) return null;
  const docId = parts[1]!;
  if (parts.length === 3 && parts[2] === CURATED_FILE) return { docId, layer: CURATED_LAYER };
  if (parts.length === 4 && parts[2] === LAYERS_DIR) {
    const layer = annotatorOfFileName(parts[3]!);
    return layer ? { docId, layer } : null;
  }
  return null;
}

/** The SHA-256 of a text's UTF-8, in hex. */
export const textHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The index row of a document. */
export function rowOf(doc: Pick<DocumentData, 'id' | 'title' | 'meta' | 'text'>, textSha256 = textHash(doc.text)): IndexRow {
  const row: IndexRow = {
    id: doc.id,
    title: doc.title,
    sourceName: doc.meta.sourceName,
    sha256: doc.meta.sha256,
    textSha256,
    importedAt: doc.meta.importedAt,
    length: doc.text.length,
  };
  return doc.meta.publishedAt ? { ...row, publishedAt: doc.meta.publishedAt } : row;
}

/**
 * The layers a document has on disk: the annotators' files in layers/ and the curated file.
 * Synchronous: listing thousands of documents' folders at open is many small calls, each
 * cheaper than a round trip through the thread pool.
 */
export function layersOnDisk(root: string, docId: DocId): string[] {
  const dir = documentDir(root, docId);
  const names: string[] = [];
  try {
    for (const f of readdirSync(join(dir, LAYERS_DIR))) {
      const layer = annotatorOfFileName(f);
      if (layer) names.push(layer);
    }
  } catch {
    // no layers/ folder yet: no annotator has saved
  }
  if (existsSync(join(dir, CURATED_FILE))) names.push(CURATED_LAYER);
  return names.sort();
}

/**
 * An article file read, parsed, checked and brought up to date (synchronous: see layersOnDisk).
 * @returns null when it cannot be read or is not JSON (the caller reads it again through openJsonFile, which says why)
 */
export function readArticleSync(root: string, docId: DocId): ReturnType<typeof migrateArticleFile> | null {
  try {
    return migrateArticleFile(JSON.parse(readFileSync(articlePath(root, docId), 'utf8')), docId);
  } catch {
    return null;
  }
}

/** A layer file read, parsed and checked against its article's text; null when missing or not JSON. */
export function readLayerSync(root: string, article: ArticleFile, layer: string): ReturnType<typeof migrateLayerFile> | null {
  try {
    return migrateLayerFile(JSON.parse(readFileSync(layerPath(root, article.id, layer), 'utf8')), article.text, article.id, layer);
  } catch {
    return null;
  }
}

/** The migrator of a layer file of `article` (a file holding another document or layer is refused). */
export const migrateLayerOf =
  (article: ArticleFile, layer: string) =>
  (raw: unknown): ReturnType<typeof migrateLayerFile> =>
    migrateLayerFile(raw, article.text, article.id, layer);

/** The migrator of the article file of `docId`. */
export const migrateArticleOf =
  (docId: DocId) =>
  (raw: unknown): ReturnType<typeof migrateArticleFile> =>
    migrateArticleFile(raw, docId);

export type { ArticleFile, LayerFile };

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
export async function sweepTempFiles(root: string, documentDirs: readonly string[] = []): Promise<void> {
  for (const dir of [root, join(root, DOCUMENTS_DIR), ...documentDirs]) {
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
