/**
 * The files of a workspace as one store: claimdesk.json (the schema and the document index) and
 * one lowdb file per document. It owns the open document handles, the index rows, and the one
 * queue every read-modify-write goes through (`run`), so that any interleaving of calls from
 * windows, the CLI and a reload keeps every acknowledged change. Saves keep the version they
 * replace in the history (history.ts). It knows nothing of imports, the trash or watching.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { ApiError } from '../../../shared/api';
import { migrateDocumentFile, type DocumentFile, type WorkspaceFile } from '../../../shared/model/migrate';
import type { DocId, DocumentData, DocumentRow, Schema } from '../../../shared/model/types';
import { openJsonFile, writeError } from '../store/json-store';
import { SerialQueue } from '../store/serial';
import { describeHolder, type WorkspaceLock } from '../store/workspace-lock';
import { BACKUPS_DIR, canonicalDocument, DOCUMENTS_DIR, documentPath, migrateDocumentOf, originalsDir, readDocumentFileSync, rowOf } from './files';
import { keepBackup } from './history';

/** A change to a document that another program made, as the window is told of it. */
export type ExternalChange = Readonly<{ revision: number; kind: 'changed' | 'restored' }>;

export class DocumentStore {
  private readonly handles = new Map<DocId, Low<DocumentFile>>();
  /** Documents whose file is being opened, so that two callers share one handle. */
  private readonly opening = new Map<DocId, Promise<Low<DocumentFile>>>();
  private readonly serial = new SerialQueue();
  /** True while claimdesk.json on disk is older than the index in memory (its last write failed). */
  private isIndexBehind = false;
  /** The index's rows by id, for the list they were made from (see rowFor). */
  private rowsById: Readonly<{ rows: readonly DocumentRow[]; byId: ReadonlyMap<DocId, DocumentRow> }> | null = null;
  private changeCount = 0;
  /** Documents changed or deleted on disk by another program, with the revision at which that was noticed. */
  readonly externalChanges = new Map<DocId, ExternalChange>();

  /**
   * @param root the workspace folder
   * @param index claimdesk.json, read and checked
   * @param now the clock (stamps and backup names)
   * @param lock the workspace lock: without it, the store is read-only
   */
  constructor(
    readonly root: string,
    private readonly index: Low<WorkspaceFile>,
    readonly now: () => Date,
    private readonly lock: WorkspaceLock,
  ) {}

  /**
   * Runs a read-modify-write of the workspace's files once every one queued before it is done.
   * Tasks must not queue further tasks and wait for them (that would never end).
   */
  run<T>(task: () => Promise<T>): Promise<T> {
    return this.serial.run(task);
  }

  /** A counter that goes up with every change the window should hear of. */
  get revision(): number {
    return this.changeCount;
  }

  /** Marks a change the window should hear of. */
  bumpRevision(): void {
    this.changeCount += 1;
  }

  /** Why this workspace cannot be written, or null when it can. */
  readOnlyReason(): string | null {
    return this.lock.isReadOnly
      ? `This workspace is open in another Claimdesk by ${describeHolder(this.lock.holder)}, so it is read-only here; close it there to edit it here`
      : null;
  }

  get isReadOnly(): boolean {
    return this.lock.isReadOnly;
  }

  /** @throws ApiError CONFLICT (saying who holds the workspace) when it is read-only here */
  assertWritable(): void {
    const reason = this.readOnlyReason();
    if (reason) throw new ApiError('CONFLICT', reason);
  }

  get schema(): Schema {
    return this.index.data.schema;
  }

  /** Every document's index row, in import order. */
  rows(): readonly DocumentRow[] {
    return this.index.data.documents;
  }

  /** @throws ApiError NOT_FOUND for an id not in the index */
  rowFor(docId: DocId): DocumentRow {
    const rows = this.index.data.documents;
    // The index's list is replaced on every change, never edited in place: the map is rebuilt
    // when the list is new, so that looking up one row of thousands is not a scan.
    if (this.rowsById?.rows !== rows) this.rowsById = { rows, byId: new Map(rows.map((r) => [r.id, r])) };
    const row = this.rowsById.byId.get(docId);
    if (!row) throw new ApiError('NOT_FOUND', `no document with id ${docId} in this workspace`);
    return row;
  }

  hasRow(docId: DocId): boolean {
    return this.index.data.documents.some((row) => row.id === docId);
  }

  /** Inserts or replaces an index row in memory. @returns true when it changed */
  setRow(row: DocumentRow): boolean {
    const rows = this.index.data.documents;
    const at = rows.findIndex((r) => r.id === row.id);
    if (at !== -1 && JSON.stringify(rows[at]) === JSON.stringify(row)) return false;
    // A new list, never an edit in place: a write of the index may still be reading the old one.
    this.index.data = { ...this.index.data, documents: at === -1 ? [...rows, row] : rows.with(at, row) };
    return true;
  }

  /** Inserts or replaces an index row and, when it changed, writes claimdesk.json. */
  async putRow(row: DocumentRow): Promise<DocumentRow> {
    this.assertWritable();
    if (!this.setRow(row) && !this.isIndexBehind) return row;
    await this.commitIndex();
    return row;
  }

  /** Takes a document out of the index and its handle out of memory, and writes claimdesk.json. */
  async removeRow(docId: DocId): Promise<void> {
    this.handles.delete(docId);
    this.index.data = { ...this.index.data, documents: this.index.data.documents.filter((row) => row.id !== docId) };
    await this.commitIndex();
  }

  /** Replaces the schema and writes claimdesk.json. */
  async setSchema(schema: Schema): Promise<void> {
    this.index.data = { ...this.index.data, schema };
    await this.commitIndex();
  }

  /** Takes claimdesk.json as another program wrote it (checked by the caller); documents it no longer lists are closed. */
  replaceIndex(data: WorkspaceFile): void {
    this.index.data = data;
    for (const id of this.handles.keys()) if (!data.documents.some((row) => row.id === id)) this.handles.delete(id);
    this.bumpRevision();
  }

  /** Counts a change and writes claimdesk.json. */
  async commitIndex(): Promise<void> {
    this.bumpRevision();
    await this.writeIndex();
  }

  /**
   * Writes claimdesk.json. When that fails (a full disk) the index in memory is kept ahead of the
   * disk and marked, so that the next save writes it, even one that changes no row.
   */
  async writeIndex(): Promise<void> {
    try {
      await this.index.write();
      this.isIndexBehind = false;
    } catch (err) {
      this.isIndexBehind = true;
      throw err;
    }
  }

  /** Whether the index on disk lags the one in memory (a retry must write it). */
  get indexIsBehind(): boolean {
    return this.isIndexBehind;
  }

  documentPath(docId: DocId): string {
    return documentPath(this.root, docId);
  }

  /** The documents open in memory. */
  openIds(): DocId[] {
    return [...this.handles.keys()];
  }

  /** The handle of an open document, or undefined. */
  openHandle(docId: DocId): Low<DocumentFile> | undefined {
    return this.handles.get(docId);
  }

  /**
   * The handle of a document for changing it, opening its file once: callers that ask while it
   * is being opened share that one handle (two handles would each hold a copy, and one copy's
   * save would undo the other's).
   * @throws ApiError NOT_FOUND for an id not (or no longer) in the index; IO/CONFLICT when its file cannot be used
   */
  handle(docId: DocId): Promise<Low<DocumentFile>> {
    const row = this.rowFor(docId);
    const open = this.handles.get(docId);
    if (open) return Promise.resolve(open);
    let pending = this.opening.get(docId);
    if (!pending) {
      pending = this.openHandleOf(row).finally(() => this.opening.delete(docId));
      this.opening.set(docId, pending);
    }
    return pending;
  }

  private async openHandleOf(row: DocumentRow): Promise<Low<DocumentFile>> {
    const { db, migrated } = await this.openDocumentFile(row, !this.lock.isReadOnly);
    if (migrated && !this.lock.isReadOnly) await db.write();
    const meanwhile = this.handles.get(row.id); // imported or reloaded while this file was read
    if (meanwhile) return meanwhile;
    this.handles.set(row.id, db);
    return db;
  }

  /**
   * A document's content, without keeping it open: the open copy when there is one, else one read
   * and a parse (an export goes through thousands, so memory stays flat and no handle is made).
   * @throws ApiError NOT_FOUND for an unknown id; IO/CONFLICT when its file cannot be used (saying why)
   */
  async read(docId: DocId): Promise<DocumentData> {
    const open = this.handles.get(docId);
    if (open) return open.data;
    const row = this.rowFor(docId);
    const result = readDocumentFileSync(this.root, docId);
    if (result?.ok) return result.value;
    return (await this.openDocumentFile(row)).db.data;
  }

  /**
   * Reads a document's file through lowdb; one of an older version is first copied to the
   * originals folder when it will be written (`isForWriting`).
   * @throws ApiError NOT_FOUND saying what to do when another program deleted it; IO/CONFLICT
   */
  private async openDocumentFile(row: DocumentRow, isForWriting = false): Promise<{ db: Low<DocumentFile>; migrated: boolean }> {
    const path = this.documentPath(row.id);
    const original = isForWriting ? (fromVersion: number) => join(this.root, originalsDir(fromVersion), DOCUMENTS_DIR, `${row.id}.json`) : null;
    try {
      return await openJsonFile<DocumentFile>(path, migrateDocumentOf(row.id), null, original);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'NOT_FOUND')) throw err;
      throw new ApiError(
        'NOT_FOUND',
        `The file of "${row.title}" (${path}) was deleted outside Claimdesk. Put it back (from git or a backup copy; earlier versions are in ${join(this.root, BACKUPS_DIR, row.id)}) and open it again, or move the document to the trash`,
      );
    }
  }

  /**
   * Saves `next` as an open document's content, first keeping the version on disk in the history.
   * A file that another program deleted (even with documents/) is written anew, and noted as
   * 'restored' for the user.
   */
  async save(db: Low<DocumentFile>, next: DocumentFile): Promise<void> {
    this.assertWritable();
    const wasOnDisk = await keepBackup(this.root, next.id, this.now()).catch((err: unknown) => {
      throw writeError(join(this.root, BACKUPS_DIR, next.id), err);
    });
    const before = db.data;
    db.data = next;
    try {
      if (!wasOnDisk) await mkdir(join(this.root, DOCUMENTS_DIR), { recursive: true });
      await db.write();
    } catch (err) {
      // Memory must keep matching the disk: a retried (idempotent) change would otherwise be
      // acknowledged as a no-op without ever having been written.
      db.data = before;
      throw writeError(this.documentPath(next.id), err);
    }
    if (!wasOnDisk) this.noteExternalChange(next.id, 'restored');
  }

  /** Saves a document's new content (in its stable form) and its index row. */
  async update(docId: DocId, next: DocumentData): Promise<DocumentRow> {
    const db = await this.handle(docId);
    await this.save(db, canonicalDocument(next));
    return this.putRow(rowOf(db.data));
  }

  /**
   * Writes a new document's file and keeps it open; its row is set in memory (the caller writes
   * the index once, after a batch).
   * @returns its index row
   */
  async create(doc: DocumentData): Promise<DocumentRow> {
    this.assertWritable();
    const { db } = await openJsonFile<DocumentFile>(this.documentPath(doc.id), migrateDocumentFile, () => canonicalDocument(doc));
    db.data = canonicalDocument(doc);
    await db.write();
    this.handles.set(doc.id, db);
    const row = rowOf(doc);
    this.setRow(row);
    return row;
  }

  /** Takes a document that another program changed on disk (already read and checked). */
  takeExternalVersion(doc: DocumentFile): boolean {
    const open = this.handles.get(doc.id);
    if (open) open.data = doc;
    this.noteExternalChange(doc.id, 'changed');
    return this.setRow(rowOf(doc));
  }

  noteExternalChange(docId: DocId, kind: ExternalChange['kind']): void {
    this.bumpRevision();
    this.externalChanges.set(docId, { revision: this.revision, kind });
  }

  /**
   * A fresh document id: the first 12 hex digits of a content hash, lengthened on the rare clash.
   * @throws ApiError CONFLICT when every length is taken
   */
  newDocId(sha256: string): DocId {
    const taken = new Set(this.index.data.documents.map((row) => row.id));
    for (let n = 12; n <= sha256.length; n += 4) {
      const id = sha256.slice(0, n);
      if (!taken.has(id)) return id;
    }
    throw new ApiError('CONFLICT', 'a document with the same content hash already exists');
  }
}
