/**
 * A workspace: the folder Claimdesk keeps a project in, as the shells (window, browser host,
 * CLI) and the services see it. This class is the one entry: it opens the folder and takes its
 * lock, and hands each call to the part that owns it:
 *   files.ts             the layout on disk and the rules its files follow
 *   document-store.ts    claimdesk.json and the document files, one queue for every write
 *   history.ts           backups of every save, and the trash
 *   external-changes.ts  changes made by other programs while it is open
 *   imports.ts           article files and annotated corpora coming in
 * Editing (operations, status, schema) is here, on top of the store. Plain Node: never imports
 * 'electron'.
 */
import { basename, join } from 'node:path';
import { ApiError, type BackupEntry, type ImportReport, type WorkspaceInfo } from '../../../shared/api';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import { migrateWorkspaceFile, STORE_VERSION, type WorkspaceFile } from '../../../shared/model/migrate';
import { applyOperations, OperationConflict, OperationError, type Operation } from '../../../shared/model/operations';
import { checkOperation, migrateDocumentLabels, type SchemaMigration } from '../../../shared/model/schema-rules';
import type { DocId, DocStatus, DocumentData, DocumentRow, Schema } from '../../../shared/model/types';
import { openJsonFile } from '../store/json-store';
import { acquireWorkspaceLock, type WorkspaceLock } from '../store/workspace-lock';
import { DocumentStore } from './document-store';
import { ExternalChangeWatcher } from './external-changes';
import { canonicalDocument, INDEX_FILE, originalsDir, rowOf, sweepTempFiles, workspaceFolder } from './files';
import * as history from './history';
import * as imports from './imports';

export class Workspace {
  private readonly watcher: ExternalChangeWatcher;

  private constructor(
    private readonly store: DocumentStore,
    private readonly lock: WorkspaceLock,
  ) {
    this.watcher = new ExternalChangeWatcher(store);
  }

  /**
   * Opens (or creates) a workspace folder.
   * @param dir the folder; created if missing
   * @param options.seedDir a folder whose articles are imported when the workspace is new
   * @throws ApiError IO/CONFLICT when the folder or claimdesk.json cannot be used (it is left untouched)
   */
  static async open(dir: string, options: { seedDir?: string; now?: () => Date } = {}): Promise<Workspace> {
    const path = await workspaceFolder(dir);
    const lock = await acquireWorkspaceLock(path);
    try {
      const original = lock.isReadOnly ? null : (fromVersion: number) => join(path, originalsDir(fromVersion), INDEX_FILE);
      const { db, isNew, migrated } = await openJsonFile<WorkspaceFile>(
        join(path, INDEX_FILE),
        migrateWorkspaceFile,
        () => ({ version: STORE_VERSION, schema: DEFAULT_SCHEMA, documents: [], settings: {} }),
        original,
      );
      const workspace = new Workspace(new DocumentStore(path, db, options.now ?? (() => new Date()), lock), lock);
      if ((isNew || migrated) && !lock.isReadOnly) await db.write();
      if (!lock.isReadOnly) await sweepTempFiles(path);
      if (isNew && options.seedDir) await workspace.importPaths([options.seedDir]);
      return workspace;
    } catch (err) {
      await lock.release(); // a workspace that cannot be opened is not held either
      throw err;
    }
  }

  /** The workspace folder (absolute). */
  get path(): string {
    return this.store.root;
  }

  /** The workspace's name, path, schema and change counter. */
  info(): WorkspaceInfo {
    return {
      path: this.path,
      name: basename(this.path),
      revision: this.store.revision,
      documentCount: this.store.rows().length,
      schema: this.store.schema,
      readOnlyReason: this.store.readOnlyReason(),
      externalChanges: [...this.store.externalChanges].map(([docId, change]) => ({ docId, ...change })),
    };
  }

  /** Stops watching, waits for the writes under way, and releases the workspace lock (the workspace must not be used afterwards). */
  async close(): Promise<void> {
    this.watcher.close();
    await this.store.run(async () => undefined);
    await this.lock.release();
  }

  /** Starts noticing changes other programs make to the workspace's files (see external-changes.ts). */
  watch(): void {
    this.watcher.watch();
  }

  /** Why this workspace cannot be written, or null when it can. */
  readOnlyReason(): string | null {
    return this.store.readOnlyReason();
  }

  /** Every document's index row, in import order. */
  listDocuments(): readonly DocumentRow[] {
    return this.store.rows();
  }

  /**
   * Opens a document for the analyst: its file is read once and kept open, so that changes apply
   * to memory first and a file another program deletes meanwhile is written back.
   * @throws ApiError NOT_FOUND for an unknown id; IO/CONFLICT when its file cannot be used, saying why
   */
  async openDocument(docId: DocId): Promise<DocumentData> {
    return (await this.store.handle(docId)).data;
  }

  /**
   * Reads a document for export or checking: the open copy when there is one, else as read from
   * its file, not kept open (going through thousands keeps memory flat).
   * @throws ApiError NOT_FOUND for an unknown id; IO/CONFLICT when its file cannot be used, saying why
   */
  readDocument(docId: DocId): Promise<DocumentData> {
    return this.store.read(docId);
  }

  /**
   * Renames a document and/or sets its status, in its file and in the index.
   * @throws ApiError NOT_FOUND
   */
  updateDocument(docId: DocId, change: { title?: string; status?: DocStatus }): Promise<DocumentRow> {
    return this.store.run(async () => {
      const db = await this.store.handle(docId);
      return this.store.update(docId, { ...db.data, ...change });
    });
  }

  /**
   * Applies operations to one document (all or nothing), checked against the text and the
   * schema, and saves it. The index is rewritten only when the document's row changed.
   * @returns the document's index row
   * @throws ApiError INVALID_INPUT when an operation does not fit; CONFLICT when it reuses an id for other content; NOT_FOUND; IO
   */
  applyChanges(docId: DocId, ops: readonly Operation[]): Promise<DocumentRow> {
    return this.store.run(async () => {
      const db = await this.store.handle(docId);
      const schema = this.store.schema;
      let next: DocumentData;
      try {
        next = applyOperations(db.data, ops, (op, labelOf) => checkOperation(schema, op, labelOf));
      } catch (err) {
        if (err instanceof OperationConflict) throw new ApiError('CONFLICT', err.message);
        if (err instanceof OperationError) throw new ApiError('INVALID_INPUT', err.message);
        throw err;
      }
      // A retry of a change that reached the document but not the index still writes the index.
      if (next === db.data) return this.store.indexIsBehind ? this.store.putRow(this.store.rowFor(docId)) : this.store.rowFor(docId);
      return this.store.update(docId, next);
    });
  }

  /**
   * Replaces the tag schema and carries label renames and removals over to the documents
   * that use those labels (found from the index's per-label counts, so others are not opened).
   * @throws ApiError IO when a document that needs changing cannot be read (nothing is changed then)
   */
  updateSchema(schema: Schema, change: SchemaMigration): Promise<void> {
    return this.store.run(async () => {
      this.store.assertWritable();
      const affected = new Set([...Object.keys(change.renamedLabels), ...change.removedLabels]);
      const rows = this.store.rows().filter((row) => Object.keys(row.labelCounts ?? {}).some((l) => affected.has(l)));
      const dbs = await Promise.all(rows.map((row) => this.store.handle(row.id)));
      for (const db of dbs) {
        const next = migrateDocumentLabels(db.data, change);
        if (next === db.data) continue;
        await this.store.save(db, canonicalDocument(next));
        this.store.setRow(rowOf(db.data));
      }
      await this.store.setSchema(schema);
    });
  }

  /** Imports article files and folders from disk (see imports.ts). */
  importPaths(paths: readonly string[]): Promise<ImportReport> {
    return imports.importPaths(this.store, paths);
  }

  /** Imports article files given as bytes (uploads, drops). */
  importSources(sources: readonly imports.ImportSource[]): Promise<ImportReport> {
    return imports.importSources(this.store, sources);
  }

  /** Stores documents that come with their annotations (JSONL and brat corpora). */
  importAnnotatedDocuments(entries: readonly Readonly<{ name: string; doc: DocumentData }>[]): Promise<ImportReport> {
    return imports.importAnnotatedDocuments(this.store, entries);
  }

  /** Earlier versions of a document, newest first. */
  listBackups(docId: DocId): Promise<BackupEntry[]> {
    return history.listBackups(this.store, docId);
  }

  /** Brings back an earlier version of a document. */
  restoreBackup(docId: DocId, backupId: string): Promise<DocumentRow> {
    return history.restoreBackup(this.store, docId, backupId);
  }

  /** Moves a document to the trash. */
  deleteDocument(docId: DocId): Promise<void> {
    return history.deleteDocument(this.store, docId);
  }

  /** Documents in the trash. */
  listTrash(): Promise<DocumentRow[]> {
    return history.listTrash(this.store);
  }

  /** Moves a document back from the trash. */
  restoreDocument(docId: DocId): Promise<DocumentRow> {
    return history.restoreDocument(this.store, docId);
  }
}
