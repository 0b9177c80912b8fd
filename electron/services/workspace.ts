/**
 * A workspace folder on disk: `claimdesk.json` (schema + document index) and one lowdb file
 * per document under `documents/`. Every write goes through lowdb's atomic writer and is
 * serialised per file; files that cannot be read are reported and never overwritten.
 * Plain Node: never imports 'electron'.
 */
import { createHash } from 'node:crypto';
import { readFileSync, watch as watchFolder, type FSWatcher } from 'node:fs';
import { copyFile, link, lstat, mkdir, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { Low } from 'lowdb';
import { ApiError, MAX_IMPORT_BYTES, type BackupEntry, type ImportReport, type WorkspaceInfo } from '../../shared/api';
import { DEFAULT_SCHEMA } from '../../shared/model/default-schema';
import {
  migrateDocumentFile,
  migrateWorkspaceFile,
  STORE_VERSION,
  type DocumentFile,
  type WorkspaceFile,
} from '../../shared/model/migrate';
import { documentFileProblem } from '../../shared/model/file-checks';
import { bump, counter, isDocId } from '../../shared/model/keys';
import { applyOperations, OperationConflict, OperationError, type Operation } from '../../shared/model/operations';
import { checkOperation, migrateDocumentLabels, type SchemaMigration } from '../../shared/model/schema-rules';
import type { DocId, DocStatus, DocumentData, DocumentRow, Schema } from '../../shared/model/types';
import { importArticle } from './importers';
import { ImportError, SUPPORTED_EXTENSIONS } from './importers/types';
import { isChangedElsewhere, openJsonFile, writeError } from './json-store';
import { timeSlicer, type Pause } from './time-slice';
import { SerialQueue } from './serial';
import { acquireWorkspaceLock, describeHolder, type WorkspaceLock } from './workspace-lock';

/** A file to import: a display name, where it came from, and how to read its bytes. */
export type ImportSource = Readonly<{ name: string; sourcePath: string; size: number | null; read: () => Promise<Uint8Array> }>;

type ImportedEntry = ImportReport['imported'][number];
type DuplicateEntry = ImportReport['duplicates'][number];
type FailedEntry = ImportReport['failed'][number];

const INDEX_FILE = 'claimdesk.json';
const DOCUMENTS_DIR = 'documents';
const BACKUPS_DIR = '.backups';
const TRASH_DIR = '.trash';
/** Where files of format version `fromVersion` are kept as they were before being migrated (never pruned). */
const originalsDir = (fromVersion: number) => join(BACKUPS_DIR, `before-migration-from-v${fromVersion}`);
/** How many earlier versions of each document are kept in .backups/<id>/. */
export const BACKUPS_PER_DOCUMENT = 10;



/** Puts a document's fields in the stable order they are written in, annotations sorted. */
function canonicalDocument(doc: DocumentData): DocumentFile {
  const annotations = [...doc.annotations].sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
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
function rowOf(doc: DocumentData): DocumentRow {
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
function migrateDocumentOf(docId: DocId): (raw: unknown) => ReturnType<typeof migrateDocumentFile> {
  return (raw) => {
    const result = migrateDocumentFile(raw);
    if (result.ok && result.value.id !== docId) return { ok: false, reason: `it holds document ${JSON.stringify(result.value.id)}, not ${docId} as its name says` };
    return result;
  };
}

/**
 * A document file read, parsed and brought up to date. The read is synchronous: in fs/promises a
 * file costs an open, a stat, reads and a close, each a round trip through the thread pool, which
 * took more time than reading (an export of 2,000 files: ~240 ms against ~60 ms). It blocks no
 * longer than the parse that follows it does.
 * @returns null when the file cannot be read or is not JSON
 */
function parsedDocument(path: string, docId: DocId): ReturnType<typeof migrateDocumentFile> | null {
  try {
    return migrateDocumentOf(docId)(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return null; // the caller reads the file again through openJsonFile, which reports it
  }
}

/** Turns an fs error on a source file into a sentence for the import report. */
function describeReadError(name: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${name} no longer exists (it was moved or deleted); check the path and import it again`;
  if (code === 'EACCES' || code === 'EPERM') return `${name} cannot be read (permission denied); give yourself read access and import it again`;
  if (code === 'EISDIR') return `${name} is a folder; use Import Folder to import the articles inside it`;
  return `${name} cannot be read (${(err as Error).message})`;
}

export class Workspace {
  private readonly docs = new Map<DocId, Low<DocumentFile>>();
  /** Documents whose file is being opened, so that two callers share one handle. */
  private readonly opening = new Map<DocId, Promise<Low<DocumentFile>>>();
  /** Every read-modify-write of the workspace's files, one at a time (see serial.ts). */
  private readonly serial = new SerialQueue();
  private revision = 0;
  /** True while claimdesk.json on disk is older than the index in memory (its last write failed). */
  private isIndexBehind = false;
  private backupSeq = 0;
  private rootWatcher: FSWatcher | null = null;
  private documentsWatcher: FSWatcher | null = null;
  private readonly pendingChecks = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents changed or deleted on disk by another program, with the revision at which that was noticed. */
  private readonly externalChanges = new Map<DocId, Readonly<{ revision: number; kind: 'changed' | 'restored' }>>();
  /** The index's rows by id, for the list they were made from (see rowFor). */
  private rowsById: Readonly<{ rows: readonly DocumentRow[]; byId: ReadonlyMap<DocId, DocumentRow> }> | null = null;

  private constructor(
    readonly path: string,
    private readonly index: Low<WorkspaceFile>,
    private readonly now: () => Date,
    private readonly lock: WorkspaceLock,
  ) {}

  /**
   * Opens (or creates) a workspace folder.
   * @param dir the folder; created if missing
   * @param options.seedDir a folder whose articles are imported when the workspace is new
   * @throws ApiError IO/CONFLICT when claimdesk.json cannot be used (it is left untouched)
   */
  static async open(dir: string, options: { seedDir?: string; now?: () => Date } = {}): Promise<Workspace> {
    const path = await workspaceFolder(dir);
    const lock = await acquireWorkspaceLock(path);
    const original = lock.isReadOnly ? null : (fromVersion: number) => join(path, originalsDir(fromVersion), INDEX_FILE);
    const { db, isNew, migrated } = await openJsonFile<WorkspaceFile>(
      join(path, INDEX_FILE),
      migrateWorkspaceFile,
      () => ({ version: STORE_VERSION, schema: DEFAULT_SCHEMA, documents: [], settings: {} }),
      original,
    );
    const workspace = new Workspace(path, db, options.now ?? (() => new Date()), lock);
    if ((isNew || migrated) && !lock.isReadOnly) await db.write();
    if (!lock.isReadOnly) await sweepTempFiles(path);
    if (isNew && options.seedDir) await workspace.importPaths([options.seedDir]);
    return workspace;
  }

  /** The workspace's name, path, schema and change counter. */
  info(): WorkspaceInfo {
    return {
      path: this.path,
      name: basename(this.path),
      revision: this.revision,
      documentCount: this.index.data.documents.length,
      schema: this.index.data.schema,
      readOnlyReason: this.readOnlyReason(),
      externalChanges: [...this.externalChanges].map(([docId, change]) => ({ docId, ...change })),
    };
  }

  /** Stops watching and releases the workspace lock (the workspace must not be used afterwards). */
  async close(): Promise<void> {
    this.rootWatcher?.close();
    this.documentsWatcher?.close();
    this.rootWatcher = this.documentsWatcher = null;
    for (const timer of this.pendingChecks.values()) clearTimeout(timer);
    this.pendingChecks.clear();
    await this.lock.release();
  }

  /**
   * Starts noticing changes that other programs (an editor, a git checkout or pull) make to
   * claimdesk.json and the document files. A changed document that parses replaces the open
   * copy and is listed in `info().externalChanges`; one that does not parse is left alone
   * (and never overwritten). The renderer reloads a changed document when it has no unsaved
   * work; otherwise its changes are saved on top, and the other version stays in the backups.
   * A deleted file is written back from memory: an open document (listed as 'restored'),
   * claimdesk.json, and the documents folder with the open documents in it.
   */
  watch(): void {
    this.rootWatcher = watchFolder(this.path, (_event, name) => {
      if (name === INDEX_FILE || name === DOCUMENTS_DIR) this.scheduleCheck(join(this.path, name));
    });
    this.watchDocumentsFolder();
  }

  /** Watches documents/, again after it was deleted and made anew (a new folder to the OS). */
  private watchDocumentsFolder(): void {
    this.documentsWatcher?.close();
    this.documentsWatcher = null;
    const documents = join(this.path, DOCUMENTS_DIR);
    try {
      this.documentsWatcher = watchFolder(documents, (_event, name) => {
        if (name?.endsWith('.json')) this.scheduleCheck(join(documents, name));
      });
    } catch (err) {
      // Gone for now: the root watcher hears it come back (saving an open document makes it anew).
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }

  private scheduleCheck(path: string): void {
    clearTimeout(this.pendingChecks.get(path));
    // Editors and git write in several steps: look once things settle.
    const timer = setTimeout(() => {
      this.pendingChecks.delete(path);
      void this.serial.run(() => this.checkExternalChange(path)).catch((err: unknown) => console.error(err));
    }, 150);
    this.pendingChecks.set(path, timer);
  }

  private async checkExternalChange(path: string): Promise<void> {
    if (path === join(this.path, DOCUMENTS_DIR)) {
      if (this.rootWatcher) this.watchDocumentsFolder();
      await this.restoreRemovedDocuments([...this.docs.keys()]);
      return;
    }
    if (path === join(this.path, INDEX_FILE)) {
      // Without it the workspace would reopen empty: put the index in memory back at once.
      if (await isMissing(path)) {
        if (!this.lock.isReadOnly) await this.writeIndex();
        return;
      }
      if (!(await isChangedElsewhere(path))) return;
      const { db } = await openJsonFile<WorkspaceFile>(path, migrateWorkspaceFile, null).catch(() => ({ db: null }));
      if (!db) return; // half-written or broken: keep what we have, never overwrite it
      this.index.data = db.data;
      for (const id of this.docs.keys()) if (!db.data.documents.some((row) => row.id === id)) this.docs.delete(id);
      this.revision += 1;
      return;
    }
    const docId = basename(path, '.json');
    if (!isDocId(docId) || !this.index.data.documents.some((row) => row.id === docId)) return;
    if (await isMissing(path)) {
      await this.restoreRemovedDocuments([docId]);
      return;
    }
    if (!(await isChangedElsewhere(path))) return;
    const fresh = await openJsonFile<DocumentFile>(path, migrateDocumentOf(docId), null).catch(() => null);
    if (!fresh) return;
    const open = this.docs.get(docId);
    if (open) open.data = fresh.db.data;
    this.noteExternalChange(docId, 'changed');
    if (this.setRow(rowOf(fresh.db.data)) && !this.lock.isReadOnly) await this.writeIndex();
  }

  /**
   * Writes open documents whose files another program deleted back from memory (the save notes
   * them as 'restored'), so that what the user has open is never lost or dropped silently. A
   * git checkout that also took the document out of claimdesk.json is read first: such a
   * document is closed, not written back.
   */
  private async restoreRemovedDocuments(docIds: readonly DocId[]): Promise<void> {
    if (this.lock.isReadOnly) return;
    const index = join(this.path, INDEX_FILE);
    if (await isChangedElsewhere(index)) await this.checkExternalChange(index);
    for (const docId of docIds) {
      const db = this.docs.get(docId);
      if (db && (await isMissing(this.documentPath(docId)))) await this.saveDocument(db, db.data);
    }
  }

  private noteExternalChange(docId: DocId, kind: 'changed' | 'restored'): void {
    this.revision += 1;
    this.externalChanges.set(docId, { revision: this.revision, kind });
  }

  /** Why this workspace cannot be written, or null when it can. */
  readOnlyReason(): string | null {
    return this.lock.isReadOnly
      ? `This workspace is open in another Claimdesk by ${describeHolder(this.lock.holder)}, so it is read-only here; close it there to edit it here`
      : null;
  }

  private assertWritable(): void {
    const reason = this.readOnlyReason();
    if (reason) throw new ApiError('CONFLICT', reason);
  }

  /**
   * Saves `next` as an open document's content, first keeping the version on disk as a backup (a hard link to the
   * old file, which the atomic rename then leaves behind: no copy), pruned to the newest few. A file that another
   * program deleted (even with documents/) is written anew, and noted as 'restored' for the user.
   */
  private async saveDocument(db: Low<DocumentFile>, next: DocumentFile): Promise<void> {
    this.assertWritable();
    const wasOnDisk = await this.backupDocument(next.id).catch((err: unknown) => {
      throw writeError(join(this.path, BACKUPS_DIR, next.id), err);
    });
    const before = db.data;
    db.data = next;
    try {
      if (!wasOnDisk) await mkdir(join(this.path, DOCUMENTS_DIR), { recursive: true });
      await db.write();
    } catch (err) {
      // Memory must keep matching the disk: a retried (idempotent) change would otherwise be
      // acknowledged as a no-op without ever having been written.
      db.data = before;
      throw writeError(this.documentPath(next.id), err);
    }
    if (!wasOnDisk) this.noteExternalChange(next.id, 'restored');
  }

  /** Keeps the document's file as a backup. @returns false when there was no file (deleted by another program) */
  private async backupDocument(docId: DocId): Promise<boolean> {
    const dir = join(this.path, BACKUPS_DIR, docId);
    await mkdir(dir, { recursive: true });
    const target = join(dir, `${this.now().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++this.backupSeq}.json`);
    try {
      await link(this.documentPath(docId), target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // An open document's file always exists (imports write it before opening it), unless another program deleted it.
      if (code === 'ENOENT') return false;
      if (code === 'EEXIST') return true;
      // File systems without hard links (FAT, some network shares): copy instead.
      await copyFile(this.documentPath(docId), target);
    }
    const entries = (await readdir(dir)).sort();
    await Promise.all(entries.slice(0, Math.max(0, entries.length - BACKUPS_PER_DOCUMENT)).map((f) => rm(join(dir, f), { force: true })));
    return true;
  }

  /** Earlier versions of a document, newest first. */
  async listBackups(docId: DocId): Promise<BackupEntry[]> {
    this.rowFor(docId);
    const dir = join(this.path, BACKUPS_DIR, docId);
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
   * @throws ApiError NOT_FOUND for an unknown backup; IO/CONFLICT when the backup cannot be used
   */
  async restoreBackup(docId: DocId, backupId: string): Promise<DocumentRow> {
    if (!/^[\w-]+$/.test(backupId)) throw new ApiError('INVALID_INPUT', 'not a backup id');
    return this.serial.run(async () => {
      const db = await this.documentDb(docId);
      const path = join(this.path, BACKUPS_DIR, docId, `${backupId}.json`);
      const { db: backup } = await openJsonFile<DocumentFile>(path, migrateDocumentOf(docId), null);
      await this.saveDocument(db, canonicalDocument(backup.data));
      return this.putRow(rowOf(db.data));
    });
  }

  /**
   * Moves a document to the workspace's trash folder (restorable) and out of the index.
   * @throws ApiError NOT_FOUND
   */
  async deleteDocument(docId: DocId): Promise<void> {
    return this.serial.run(() => this.deleteDocumentNow(docId));
  }

  private async deleteDocumentNow(docId: DocId): Promise<void> {
    this.assertWritable();
    this.rowFor(docId);
    await mkdir(join(this.path, TRASH_DIR), { recursive: true });
    await rename(this.documentPath(docId), join(this.path, TRASH_DIR, `${docId}.json`)).catch((err: NodeJS.ErrnoException) => {
      // Its file was deleted by another program: there is nothing to move, only the index row.
      if (err.code !== 'ENOENT') throw err;
    });
    this.docs.delete(docId);
    this.index.data = { ...this.index.data, documents: this.index.data.documents.filter((row) => row.id !== docId) };
    this.revision += 1;
    await this.writeIndex();
  }

  /** Documents in the trash, as index rows. */
  async listTrash(): Promise<DocumentRow[]> {
    const dir = join(this.path, TRASH_DIR);
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
  async restoreDocument(docId: DocId): Promise<DocumentRow> {
    return this.serial.run(async () => {
      this.assertWritable();
      const from = join(this.path, TRASH_DIR, `${docId}.json`);
      const { db } = await openJsonFile<DocumentFile>(from, migrateDocumentOf(docId), null);
      if (this.index.data.documents.some((row) => row.id === docId)) throw new ApiError('CONFLICT', `a document with id ${docId} is already in the workspace`);
      await rename(from, this.documentPath(docId));
      return this.putRow(rowOf(db.data));
    });
  }

  /** Every document's index row, in import order. */
  listDocuments(): readonly DocumentRow[] {
    return this.index.data.documents;
  }

  /**
   * Loads one document from its file (once; later calls reuse the open lowdb instance).
   * @throws ApiError NOT_FOUND for an unknown id; IO/CONFLICT when its file cannot be used
   */
  async getDocument(docId: DocId): Promise<DocumentData> {
    return (await this.documentDb(docId)).data;
  }

  /**
   * Renames a document and/or sets its status, in its file and in the index.
   * @throws ApiError NOT_FOUND
   */
  async updateDocument(docId: DocId, change: { title?: string; status?: DocStatus }): Promise<DocumentRow> {
    return this.serial.run(async () => {
      const db = await this.documentDb(docId);
      await this.saveDocument(db, canonicalDocument({ ...db.data, ...change }));
      return this.putRow(rowOf(db.data));
    });
  }

  /**
   * Applies operations to one document (all or nothing), checked against the text and the
   * schema, and saves it. The index is rewritten only when the document's row changed.
   * @returns the document's index row
   * @throws ApiError INVALID_INPUT when an operation does not fit; NOT_FOUND; IO
   */
  async applyChanges(docId: DocId, ops: readonly Operation[]): Promise<DocumentRow> {
    return this.serial.run(() => this.applyChangesNow(docId, ops));
  }

  private async applyChangesNow(docId: DocId, ops: readonly Operation[]): Promise<DocumentRow> {
    const db = await this.documentDb(docId);
    const schema = this.index.data.schema;
    let next: DocumentData;
    try {
      next = applyOperations(db.data, ops, (op, labelOf) => checkOperation(schema, op, labelOf));
    } catch (err) {
      if (err instanceof OperationConflict) throw new ApiError('CONFLICT', err.message);
      if (err instanceof OperationError) throw new ApiError('INVALID_INPUT', err.message);
      throw err;
    }
    // A retry of a change that reached the document but not the index still writes the index.
    if (next === db.data) return this.isIndexBehind ? this.putRow(this.rowFor(docId)) : this.rowFor(docId);
    await this.saveDocument(db, canonicalDocument(next));
    return this.putRow(rowOf(db.data));
  }

  /**
   * Replaces the tag schema and carries label renames and removals over to the documents
   * that use those labels (found from the index's per-label counts, so others are not opened).
   * @throws ApiError IO when a document that needs changing cannot be read (nothing is changed then)
   */
  async updateSchema(schema: Schema, change: SchemaMigration): Promise<void> {
    return this.serial.run(() => this.updateSchemaNow(schema, change));
  }

  private async updateSchemaNow(schema: Schema, change: SchemaMigration): Promise<void> {
    this.assertWritable();
    const affected = new Set([...Object.keys(change.renamedLabels), ...change.removedLabels]);
    const rows = this.index.data.documents.filter((row) => Object.keys(row.labelCounts ?? {}).some((l) => affected.has(l)));
    const dbs = await Promise.all(rows.map((row) => this.documentDb(row.id)));
    for (const db of dbs) {
      const next = migrateDocumentLabels(db.data, change);
      if (next === db.data) continue;
      await this.saveDocument(db, canonicalDocument(next));
      this.setRow(rowOf(db.data));
    }
    this.index.data = { ...this.index.data, schema };
    this.revision += 1;
    await this.writeIndex();
  }

  /**
   * Imports files and folders from disk (folders recursively, hidden entries skipped; inside
   * folders only supported extensions are taken).
   * @returns what happened to each file; never throws for a bad file
   */
  async importPaths(paths: readonly string[]): Promise<ImportReport> {
    const sources: ImportSource[] = [];
    const failed: FailedEntry[] = [];
    for (const p of paths) {
      const name = basename(p);
      try {
        const info = await stat(p);
        if (info.isDirectory()) sources.push(...(await collectFolder(p)));
        else sources.push(fileSource(p, info.size));
      } catch (err) {
        failed.push({ name, reason: describeReadError(name, err) });
      }
    }
    const report = await this.importSources(sources);
    return { ...report, failed: [...failed, ...report.failed] };
  }

  /**
   * Imports a batch of sources. Each file is handled on its own: a bad one is reported and
   * skipped, a file with the same bytes as an existing document is reported as a duplicate.
   * @returns one entry per source
   */
  async importSources(sources: readonly ImportSource[]): Promise<ImportReport> {
    this.assertWritable();
    const imported: ImportedEntry[] = [];
    const duplicates: DuplicateEntry[] = [];
    const failed: FailedEntry[] = [];
    for (const source of sources) {
      const outcome = await this.importOne(source);
      if ('reason' in outcome) failed.push(outcome);
      else if ('existing' in outcome) duplicates.push(outcome);
      else imported.push(outcome);
    }
    return { imported, duplicates, failed };
  }

  private async importOne(source: ImportSource): Promise<ImportedEntry | DuplicateEntry | FailedEntry> {
    const { name } = source;
    if (source.size !== null && source.size >= MAX_IMPORT_BYTES) return { name, reason: tooLarge(name, source.size) };
    let bytes: Uint8Array;
    try {
      bytes = await source.read();
    } catch (err) {
      return { name, reason: describeReadError(name, err) };
    }
    if (bytes.byteLength >= MAX_IMPORT_BYTES) return { name, reason: tooLarge(name, bytes.byteLength) };
    // A 20 MB file takes seconds to import: every step gives the event loop a turn now and then.
    const pause = timeSlicer();
    const sha256 = await sha256InSlices(bytes, pause);
    const existing = this.index.data.documents.find((row) => row.sha256 === sha256);
    if (existing) return { name, existing };
    let article;
    try {
      article = await importArticle(name, bytes, pause);
    } catch (err) {
      if (err instanceof ImportError) return { name, reason: err.message };
      return { name, reason: `${name} could not be imported (${(err as Error).message ?? String(err)})` };
    }
    // Parsing took its time outside the queue; storing is one step in it, checked again for a twin imported meanwhile.
    return this.serial.run(() => this.storeImported(source, sha256, bytes.byteLength, article));
  }

  private async storeImported(source: ImportSource, sha256: string, byteLength: number, article: Awaited<ReturnType<typeof importArticle>>): Promise<ImportedEntry | DuplicateEntry> {
    const { name } = source;
    const existing = this.index.data.documents.find((row) => row.sha256 === sha256);
    if (existing) return { name, existing };
    const id = this.newDocId(sha256);
    const doc: DocumentData = {
      id,
      title: article.title,
      text: article.text,
      blocks: article.blocks,
      status: 'new',
      attributes: {},
      meta: {
        sourcePath: source.sourcePath,
        sourceName: name,
        sha256,
        importedAt: this.now().toISOString(),
        format: article.format,
        byteLength,
        ...article.meta,
        ...(article.warnings.length > 0 ? { warnings: article.warnings } : {}),
      },
      annotations: [],
      relations: [],
    };
    const { db } = await openJsonFile<DocumentFile>(this.documentPath(id), migrateDocumentFile, () => canonicalDocument(doc));
    await db.write();
    this.docs.set(id, db);
    const row = await this.putRow(rowOf(doc));
    return { name, row, warnings: article.warnings };
  }

  /**
   * Reads one document for export or validation without keeping it open, so that going through
   * thousands of documents keeps memory flat (an open document is read from memory instead).
   * @throws ApiError NOT_FOUND for an unknown id; IO/CONFLICT when its file cannot be used
   */
  async readDocument(docId: DocId): Promise<DocumentData> {
    const open = this.docs.get(docId);
    if (open) return open.data;
    const row = this.rowFor(docId);
    // An export reads thousands: the common case costs one read and a parse, without a lowdb
    // handle or a stat. Anything amiss is read again by openDocumentFile, which says what is wrong.
    const result = parsedDocument(this.documentPath(docId), docId);
    if (result?.ok) return result.value;
    return (await this.openDocumentFile(row)).db.data;
  }

  /**
   * Stores documents that come with their annotations and relations (a Claimdesk JSONL or brat
   * corpus). A document whose text (sha256 of its UTF-8) or source hash is already in the
   * workspace, or earlier in the batch, is a duplicate and is skipped. A document keeps its id
   * when that id is free, else gets one from its text hash. Each document's spans are checked
   * against its text and its relations' ends must exist; a document that fails is reported and
   * not stored. The index is written once, at the end. Labels are not checked here: the caller
   * widens the schema first.
   * @returns one entry per document, as importPaths reports files
   */
  async importAnnotatedDocuments(entries: readonly Readonly<{ name: string; doc: DocumentData }>[]): Promise<ImportReport> {
    return this.serial.run(() => this.importAnnotatedDocumentsNow(entries));
  }

  private async importAnnotatedDocumentsNow(entries: readonly Readonly<{ name: string; doc: DocumentData }>[]): Promise<ImportReport> {
    this.assertWritable();
    const imported: ImportedEntry[] = [];
    const duplicates: DuplicateEntry[] = [];
    const failed: FailedEntry[] = [];
    const known = new Map(this.index.data.documents.map((row) => [row.sha256, row]));
    for (const { name, doc } of entries) {
      const textHash = createHash('sha256').update(doc.text, 'utf8').digest('hex');
      const existing = known.get(doc.meta.sha256) ?? known.get(textHash);
      if (existing) {
        duplicates.push({ name, existing });
        continue;
      }
      const taken = this.index.data.documents.some((row) => row.id === doc.id);
      const id = isDocId(doc.id) && !taken ? doc.id : this.newDocId(textHash);
      const stored: DocumentData = { ...doc, id };
      // Held to the rules every file read from disk is: ids, names, spans on whole characters, relation ends.
      const problem = documentFileProblem(stored as unknown as Readonly<Record<string, unknown>>);
      if (problem) {
        failed.push({ name, reason: `${name}: ${problem}; the document is not imported` });
        continue;
      }
      const { db } = await openJsonFile<DocumentFile>(this.documentPath(id), migrateDocumentFile, () => canonicalDocument(stored));
      db.data = canonicalDocument(stored);
      await db.write();
      const row = rowOf(db.data);
      this.setRow(row);
      known.set(row.sha256, row);
      known.set(textHash, row);
      imported.push({ name, row, warnings: [] });
    }
    if (imported.length > 0) {
      this.revision += 1;
      await this.writeIndex();
    }
    return { imported, duplicates, failed };
  }

  /** A fresh id: the first 12 hex digits of the source hash, lengthened on the rare clash. */
  private newDocId(sha256: string): DocId {
    const taken = new Set(this.index.data.documents.map((row) => row.id));
    for (let n = 12; n <= sha256.length; n += 4) {
      const id = sha256.slice(0, n);
      if (!taken.has(id)) return id;
    }
    throw new ApiError('CONFLICT', 'a document with the same content hash already exists');
  }

  private documentPath(docId: DocId): string {
    return join(this.path, DOCUMENTS_DIR, `${docId}.json`);
  }

  /**
   * The open handle of a document, opening its file once: callers that ask while it is being
   * opened share that one handle (two handles would each hold a copy, and one copy's save would
   * undo the other's).
   * @throws ApiError NOT_FOUND for an id not (or no longer) in the index
   */
  private documentDb(docId: DocId): Promise<Low<DocumentFile>> {
    const row = this.rowFor(docId);
    const open = this.docs.get(docId);
    if (open) return Promise.resolve(open);
    let pending = this.opening.get(docId);
    if (!pending) {
      pending = this.openForEditing(row).finally(() => this.opening.delete(docId));
      this.opening.set(docId, pending);
    }
    return pending;
  }

  private async openForEditing(row: DocumentRow): Promise<Low<DocumentFile>> {
    const { db, migrated } = await this.openDocumentFile(row, !this.lock.isReadOnly);
    if (migrated && !this.lock.isReadOnly) await db.write();
    const meanwhile = this.docs.get(row.id); // imported or reloaded while this file was read
    if (meanwhile) return meanwhile;
    this.docs.set(row.id, db);
    return db;
  }

  /**
   * Reads a document's file; one of an older version is first copied to the originals folder
   * when it will be written (`isForWriting`).
   * @throws ApiError NOT_FOUND saying what to do when another program deleted it; IO/CONFLICT
   */
  private async openDocumentFile(row: DocumentRow, isForWriting = false): Promise<{ db: Low<DocumentFile>; migrated: boolean }> {
    const path = this.documentPath(row.id);
    const original = isForWriting ? (fromVersion: number) => join(this.path, originalsDir(fromVersion), DOCUMENTS_DIR, `${row.id}.json`) : null;
    try {
      return await openJsonFile<DocumentFile>(path, migrateDocumentOf(row.id), null, original);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'NOT_FOUND')) throw err;
      const backups = join(this.path, BACKUPS_DIR, row.id);
      throw new ApiError(
        'NOT_FOUND',
        `The file of "${row.title}" (${path}) was deleted outside Claimdesk. Put it back (from git or a backup copy; earlier versions are in ${backups}) and open it again, or move the document to the trash`,
      );
    }
  }

  private rowFor(docId: DocId): DocumentRow {
    const rows = this.index.data.documents;
    // The index's list is replaced on every change, never edited in place: the map is rebuilt
    // when the list is new, so that looking up one row of thousands is not a scan.
    if (this.rowsById?.rows !== rows) this.rowsById = { rows, byId: new Map(rows.map((r) => [r.id, r])) };
    const row = this.rowsById.byId.get(docId);
    if (!row) throw new ApiError('NOT_FOUND', `no document with id ${docId} in this workspace`);
    return row;
  }

  /** Inserts or replaces an index row in memory. @returns true when it changed */
  private setRow(row: DocumentRow): boolean {
    const rows = this.index.data.documents;
    const at = rows.findIndex((r) => r.id === row.id);
    if (at !== -1 && JSON.stringify(rows[at]) === JSON.stringify(row)) return false;
    // A new list, never an edit in place: a write of the index may still be reading the old one.
    this.index.data = { ...this.index.data, documents: at === -1 ? [...rows, row] : rows.with(at, row) };
    return true;
  }

  /** Inserts or replaces an index row and, when it changed, writes claimdesk.json. */
  private async putRow(row: DocumentRow): Promise<DocumentRow> {
    this.assertWritable();
    if (!this.setRow(row) && !this.isIndexBehind) return row;
    this.revision += 1;
    await this.writeIndex();
    return row;
  }

  /**
   * Writes claimdesk.json. When that fails (a full disk) the index in memory is kept ahead of the
   * disk and marked, so that the next save writes it, even one that changes no row.
   */
  private async writeIndex(): Promise<void> {
    try {
      await this.index.write();
      this.isIndexBehind = false;
    } catch (err) {
      this.isIndexBehind = true;
      throw err;
    }
  }
}

/**
 * The workspace folder, made if missing, once it is known to be a folder Claimdesk may keep its
 * files in: not a system folder (/proc, /sys, /dev, whose files are not files), and with
 * documents/, .backups/ and .trash/ plain folders of its own, never links leading elsewhere
 * (every path Claimdesk writes or deletes must stay inside the workspace).
 * @throws ApiError IO or CONFLICT saying what to do
 */
async function workspaceFolder(dir: string): Promise<string> {
  const path = resolve(dir);
  const real = await realpath(path).catch(() => path);
  if ([path, real].some((p) => /^\/(proc|sys|dev)(\/|$)/.test(p)))
    throw new ApiError('IO', `${path} is a system folder, not one for files; choose a folder in your home or data folder`);
  try {
    await mkdir(join(path, DOCUMENTS_DIR), { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why: Record<string, string> = {
      ENOTDIR: `${path} (or a folder above it) is a file, not a folder; give the path of a folder (it is created if missing)`,
      EEXIST: `${join(path, DOCUMENTS_DIR)} is a file, not a folder; move it away`,
      EACCES: `${path} cannot be written (permission denied); choose a folder you may write to, or change its permissions`,
      EPERM: `${path} cannot be written (permission denied); choose a folder you may write to, or change its permissions`,
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

/** The SHA-256 of `bytes` in hex, hashed a megabyte at a time with pauses between. */
async function sha256InSlices(bytes: Uint8Array, pause: Pause): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.length; at += 1 << 20) {
    hash.update(bytes.subarray(at, at + (1 << 20)));
    await pause();
  }
  return hash.digest('hex');
}

/**
 * Removes the temporary files an interrupted write leaves (lowdb writes `.<name>.tmp`, then
 * renames it): the real file beside it is intact, so they hold nothing worth keeping.
 */
async function sweepTempFiles(path: string): Promise<void> {
  for (const dir of [path, join(path, DOCUMENTS_DIR)]) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const stale = entries.filter((e) => e.isFile() && e.name.startsWith('.') && e.name.endsWith('.json.tmp'));
    await Promise.all(stale.map((e) => rm(join(dir, e.name), { force: true })));
  }
}

/** True when `path` does not exist (an atomic save never leaves a file missing, so another program deleted it). */
async function isMissing(path: string): Promise<boolean> {
  return stat(path).then(
    () => false,
    (err: NodeJS.ErrnoException) => err.code === 'ENOENT',
  );
}

function tooLarge(name: string, bytes: number): string {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  const where = bytes > MAX_IMPORT_BYTES ? 'over' : 'at';
  return `${name} is ${mb} MB, ${where} the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit (an article must be smaller); split it into smaller files`;
}

function fileSource(path: string, size: number | null): ImportSource {
  return { name: basename(path), sourcePath: path, size, read: async () => new Uint8Array(await readFile(path)) };
}

/** Every supported article file below `dir`, in name order, skipping hidden entries. */
async function collectFolder(dir: string): Promise<ImportSource[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const sources: ImportSource[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) sources.push(...(await collectFolder(full)));
    else if (entry.isFile() && SUPPORTED_EXTENSIONS.includes(extname(entry.name).toLowerCase()))
      sources.push(fileSource(full, (await stat(full)).size));
  }
  return sources;
}
