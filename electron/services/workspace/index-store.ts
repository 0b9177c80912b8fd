/**
 * claimdesk.json as the store holds it: the schema, the document index (rows that change only at
 * import, rename and trash), the layer summaries beside it (a git-ignored cache), the change
 * counter the window polls, the workspace lock, and the one queue every read-modify-write of the
 * workspace goes through. The document store (document-store.ts) adds the article and layer files.
 */
import type { Low } from 'lowdb';
import { ApiError } from '../../../shared/api';
import { documentRowOf } from '../../../shared/model/layers';
import type { WorkspaceFile } from '../../../shared/model/migrate';
import type { DocId, DocumentRow, FieldConflict, IndexRow, LayerSummary, Schema } from '../../../shared/model/types';
import { SerialQueue } from '../store/serial';
import { describeHolder, type WorkspaceLock } from '../store/workspace-lock';
import { LayerSummaries } from './layer-cache';

/** A change to a document that another program (or a sync) made, as the window is told of it. */
export type ExternalChange = Readonly<{ revision: number; kind: 'changed' | 'restored'; layer?: string }>;

export abstract class IndexStore {
  private readonly serial = new SerialQueue();
  private isIndexBehind = false;
  private rowsById: Readonly<{ rows: readonly IndexRow[]; byId: ReadonlyMap<DocId, IndexRow> }> | null = null;
  private changeCount = 0;
  /** Each document's row as last shown, with what it was made of: reused while its index row, layer summaries and viewer are the same. */
  private readonly views = new Map<
    DocId,
    Readonly<{ row: IndexRow; layers: Readonly<Record<string, LayerSummary>>; viewer: string; view: DocumentRow }>
  >();
  /** Documents changed or deleted on disk by another program, with the revision at which that was noticed. */
  readonly externalChanges = new Map<DocId, ExternalChange>();
  readonly summaries: LayerSummaries;

  /**
   * @param root the workspace folder
   * @param index claimdesk.json, read and checked
   * @param now the clock (stamps and backup names)
   * @param lock the workspace lock: without it, the store is read-only
   */
  constructor(
    readonly root: string,
    protected readonly index: Low<WorkspaceFile>,
    readonly now: () => Date,
    protected readonly lock: WorkspaceLock,
  ) {
    this.summaries = LayerSummaries.build(root, index.data.documents);
  }

  /** Closes what is open of a document (its files' handles) when it leaves the index. */
  protected abstract forget(docId: DocId): void;

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
  rows(): readonly IndexRow[] {
    return this.index.data.documents;
  }

  /** Every document's row as `viewer`'s list shows it (rows unchanged since the last call are the same objects: callers must not modify them). */
  rowsFor(viewer: string): DocumentRow[] {
    return this.index.data.documents.map((row) => this.viewOf(row, viewer));
  }

  /** One document's row as `viewer`'s list shows it. @throws ApiError NOT_FOUND */
  rowViewFor(docId: DocId, viewer: string): DocumentRow {
    return this.viewOf(this.rowFor(docId), viewer);
  }

  /** A row as `viewer` sees it, made again only when its index row or layer summaries changed (a 5,000-document list is asked for whole, #14). */
  private viewOf(row: IndexRow, viewer: string): DocumentRow {
    const layers = this.summaries.of(row.id);
    const known = this.views.get(row.id);
    if (known && known.row === row && known.layers === layers && known.viewer === viewer) return known.view;
    const view = documentRowOf(row, layers, viewer);
    this.views.set(row.id, { row, layers, viewer, view });
    return view;
  }

  /** Every layer's summary of a document. */
  layerSummaries(docId: DocId): Readonly<Record<string, LayerSummary>> {
    return this.summaries.of(docId);
  }

  /** @throws ApiError NOT_FOUND for an id not in the index */
  rowFor(docId: DocId): IndexRow {
    const rows = this.index.data.documents;
    // The index's list is replaced on every change, never edited in place: the map is rebuilt when the list is new.
    if (this.rowsById?.rows !== rows) this.rowsById = { rows, byId: new Map(rows.map((r) => [r.id, r])) };
    const row = this.rowsById.byId.get(docId);
    if (!row) throw new ApiError('NOT_FOUND', `no document with id ${docId} in this workspace`);
    return row;
  }

  hasRow(docId: DocId): boolean {
    return this.index.data.documents.some((row) => row.id === docId);
  }

  /** Inserts or replaces an index row in memory. @returns true when it changed */
  setRow(row: IndexRow): boolean {
    const rows = this.index.data.documents;
    const at = rows.findIndex((r) => r.id === row.id);
    if (at !== -1 && JSON.stringify(rows[at]) === JSON.stringify(row)) return false;
    // A new list, never an edit in place: a write of the index may still be reading the old one.
    this.index.data = { ...this.index.data, documents: at === -1 ? [...rows, row] : rows.with(at, row) };
    return true;
  }

  /** Inserts or replaces an index row and, when it changed, writes claimdesk.json. */
  async putRow(row: IndexRow): Promise<IndexRow> {
    this.assertWritable();
    if (!this.setRow(row) && !this.isIndexBehind) return row;
    await this.commitIndex();
    return row;
  }

  /** Takes a document out of the index and its handles out of memory, and writes claimdesk.json. */
  async removeRow(docId: DocId): Promise<void> {
    this.forget(docId);
    this.summaries.delete(docId);
    this.views.delete(docId);
    this.index.data = { ...this.index.data, documents: this.index.data.documents.filter((row) => row.id !== docId) };
    await this.commitIndex();
  }

  /** Schema fields a git merge left with two values (see WorkspaceFile.conflicts). */
  get schemaConflicts(): readonly FieldConflict[] {
    return this.index.data.conflicts ?? [];
  }

  /** Replaces the schema (settling any merge conflicts in it) and writes claimdesk.json. */
  async setSchema(schema: Schema): Promise<void> {
    const { conflicts: _settled, ...rest } = this.index.data;
    this.index.data = { ...rest, schema };
    await this.commitIndex();
  }

  /** Takes claimdesk.json as another program wrote it (checked by the caller); documents it no longer lists are closed. */
  replaceIndex(data: WorkspaceFile): void {
    const before = new Set(this.index.data.documents.map((r) => r.id));
    this.index.data = data;
    for (const row of data.documents) if (!before.has(row.id)) this.summaries.rescan(row.id);
    const kept = new Set(data.documents.map((row) => row.id));
    for (const id of before)
      if (!kept.has(id)) {
        this.forget(id);
        this.summaries.delete(id);
        this.views.delete(id);
      }
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

  /** Re-reads every layer of a document from disk into the summaries (new layers brought by git). */
  rescanLayers(docId: DocId): void {
    this.summaries.rescan(docId);
    this.bumpRevision();
  }

  noteExternalChange(docId: DocId, kind: ExternalChange['kind'], layer?: string): void {
    this.bumpRevision();
    this.externalChanges.set(docId, layer === undefined ? { revision: this.revision, kind } : { revision: this.revision, kind, layer });
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
