/**
 * Moving a version-1 workspace (one file per document, every annotation in it) to the layered
 * layout of version 2 (an article file and one file per annotator's layer; see
 * shared/model/layers.ts), with the step registered in shared/model/migrate.ts. Every document
 * file is read and checked first; then each is copied as it was to
 * `.backups/before-migration-from-v1/documents/` and its new files are written beside it;
 * claimdesk.json (copied as it was by the caller) is written last, which is the moment the
 * workspace becomes version 2. Only then are the old files removed. A
 * crash before that leaves a version-1 workspace that migrates again on the next open; one after
 * it leaves old files that the next open removes (their copies are in the backups). A document
 * file that cannot be read or fails the checks stops the migration with what to do, and nothing
 * of the old workspace is changed.
 */
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { writeFileAtomically } from '../store/atomic-file';
import { ApiError } from '../../../shared/api';
import { migrateV1Document, type DocumentBundle } from '../../../shared/model/migrate';
import type { IndexRow } from '../../../shared/model/types';
import { ARTICLE_FILE, articlePath, documentDir, DOCUMENTS_DIR, layerPath, originalsDir, textHash, TRASH_DIR, v1DocumentPath } from './files';
import { isDocId } from '../../../shared/model/keys';

/** Writes a JSON file as the store does (two-space JSON), atomically. */
async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomically(path, JSON.stringify(value, null, 2));
}

/**
 * Writes the version-2 files of every document of a version-1 workspace.
 * @param rows claimdesk.json's rows after its own step (no status or counts, no text hash yet)
 * @param annotator whose layer takes annotations nobody signed (the analyst opening the workspace)
 * @returns the rows with each text's hash filled in
 * @throws ApiError CONFLICT/IO naming the document file that stopped it
 */
export async function migrateDocumentsFromV1(root: string, rows: readonly IndexRow[], annotator: string): Promise<IndexRow[]> {
  // First every file is read and checked, and nothing is written: one that cannot be migrated
  // leaves the whole workspace as it was (no document half-way in the new layout).
  for (const row of rows) await readV1(root, row, annotator);
  const out: IndexRow[] = [];
  for (const row of rows) {
    const read = await readV1(root, row, annotator);
    if (read === null) {
      out.push(row); // deleted before the migration: its row stays, and opening it says the file is missing
      continue;
    }
    // The original as it is now, the version that is migrated (a copy left by an earlier, refused attempt is replaced).
    const original = join(root, originalsDir(1), DOCUMENTS_DIR, `${row.id}.json`);
    await mkdir(dirname(original), { recursive: true });
    await copyFile(v1DocumentPath(root, row.id), original);
    const { article, layers } = read;
    await writeJson(articlePath(root, row.id), article);
    for (const layer of layers) await writeJson(layerPath(root, row.id, layer.layer), layer);
    out.push({ ...row, textSha256: textHash(article.text) });
  }
  return out;
}

/**
 * A version-1 document file read, checked and split into the new files, or null when it is missing.
 * @throws ApiError CONFLICT/IO naming the file and what to do
 */
async function readV1(root: string, row: IndexRow, annotator: string): Promise<DocumentBundle | null> {
  const source = v1DocumentPath(root, row.id);
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ApiError(
      'IO',
      `${source} cannot be read (${(err as Error).message}); the workspace is left as it was: check its permissions and open it again`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ApiError(
      'CONFLICT',
      `${source} is not valid JSON (${(err as Error).message}), so this workspace cannot be brought up to date; the workspace is left as it was: restore the file from a backup or git, or move it away, and open the workspace again`,
    );
  }
  const result = migrateV1Document(parsed, { annotator });
  if (!result.ok)
    throw new ApiError(
      'CONFLICT',
      `${source} cannot be brought up to date: ${result.reason}. The workspace is left as it was; fix or move the file away and open it again`,
    );
  return result.value;
}

/**
 * Removes the version-1 document files left once claimdesk.json is version 2 (a migration
 * interrupted after its last step; their originals are in the backups). One listing of documents/
 * when there are none.
 */
export async function removeV1Files(root: string, rows: readonly IndexRow[]): Promise<void> {
  const left = new Set((await readdir(join(root, DOCUMENTS_DIR)).catch(() => [] as string[])).filter((f) => f.endsWith('.json')));
  for (const row of rows) if (left.has(`${row.id}.json`)) await rm(v1DocumentPath(root, row.id), { force: true });
}

/**
 * Brings the trash of a version-1 workspace (`.trash/<id>.json`) to the version-2 layout
 * (`.trash/<id>/` with the article and its layers), so that those documents can still be
 * restored; each original goes to `.backups/before-migration-from-v1/trash/` first. A file that
 * cannot be migrated is left as it is (the trash never offered it either).
 */
export async function migrateTrashFromV1(root: string, annotator: string): Promise<void> {
  const trash = join(root, TRASH_DIR);
  const names = (await readdir(trash).catch(() => [] as string[])).filter((n) => isDocId(n.replace(/\.json$/, '')) && n.endsWith('.json'));
  for (const name of names) {
    const docId = name.replace(/\.json$/, '');
    let result: ReturnType<typeof migrateV1Document>;
    try {
      result = migrateV1Document(JSON.parse(await readFile(join(trash, name), 'utf8')), { annotator });
    } catch {
      continue;
    }
    if (!result.ok || result.value.article.id !== docId) continue;
    const original = join(root, originalsDir(1), TRASH_DIR, name);
    await mkdir(dirname(original), { recursive: true });
    await copyFile(join(trash, name), original);
    const folder = join(trash, docId);
    await writeJson(join(folder, ARTICLE_FILE), result.value.article);
    for (const layer of result.value.layers)
      await writeJson(join(folder, relative(documentDir(root, docId), layerPath(root, docId, layer.layer))), layer);
    await rm(join(trash, name), { force: true });
  }
}
