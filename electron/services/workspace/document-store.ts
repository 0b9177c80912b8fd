/**
 * The files of a workspace as one store: claimdesk.json (the schema and the document index),
 * each document's article file and its layer files (one per annotator, one curated), and the
 * layer summaries cache. It owns the open handles, the index rows, and the one queue every
 * read-modify-write goes through (`run`), so that any interleaving of calls from windows, the
 * CLI, a sync and a reload keeps every acknowledged change. Saves keep the version they replace
 * in the history (history.ts). It knows nothing of imports, the trash or watching.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Low } from 'lowdb';
import { ApiError } from '../../../shared/api';
import { articleOf, documentRowOf, emptyLayer, layerKey, type ArticleFile, type LayerFile } from '../../../shared/model/layers';
import type { WorkspaceFile } from '../../../shared/model/migrate';
import type { DocId, DocumentRow, FieldConflict, IndexRow, LayerSummary, Schema } from '../../../shared/model/types';
import { openJsonFile, writeError } from '../store/json-store';
import { SerialQueue } from '../store/serial';
import { describeHolder, type WorkspaceLock } from '../store/workspace-lock';
import { articlePath, BACKUPS_DIR, isMissing, layerPath, migrateArticleOf, migrateLayerOf, readArticleSync, readLayerSync } from './files';
import { keepBackup, keepFirstBackup } from './history';
import { LayerSummaries } from './layer-cache';

/** A change to a document that another program (or a sync) made, as the window is told of it. */
export type ExternalChange = Readonly<{ revision: number; kind: 'changed' | 'restored'; layer?: string }>;

export class DocumentStore {
  private readonly articles = new Map<DocId, Low<ArticleFile>>();
  private readonly layers = new Map<string, Low<LayerFile>>();
  /** Files being opened, so that two callers share one handle (two handles would each hold a copy, and one copy's save would undo the other's). */
  private readonly opening = new Map<string, Promise<Low<ArticleFile> | Low<LayerFile>>>();
  private readonly serial = new SerialQueue();
  private isIndexBehind = false;
  private rowsById: Readonly<{ rows: readonly IndexRow[]; byId: ReadonlyMap<DocId, IndexRow> }> | null = null;
  private changeCount = 0;
  /** Documents changed or deleted on disk by another program, with the revision at which that was noticed. */
  readonly externalChanges = new Map<DocId, ExternalChange>();
  readonly summaries: LayerSummaries;
  /** Told of each document an analyst opens (the watcher watches its folders). */
  onDocumentOpened: ((docId: DocId) => void) | null = null;

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
  ) {
    this.summaries = LayerSummaries.build(root, index.data.documents);
  }

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

  /** Every document's row as `viewer`'s list shows it. */
  rowsFor(viewer: string): DocumentRow[] {
    return this.index.data.documents.map((row) => documentRowOf(row, this.summaries.of(row.id), viewer));
  }

  /** One document's row as `viewer`'s list shows it. @throws ApiError NOT_FOUND */
  rowViewFor(docId: DocId, viewer: string): DocumentRow {
    return documentRowOf(this.rowFor(docId), this.summaries.of(docId), viewer);
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
    this.index.data = { ...this.index.data, documents: this.index.data.documents.filter((row) => row.id !== docId) };
    await this.commitIndex();
  }

  private forget(docId: DocId): void {
    this.articles.delete(docId);
    for (const [key, db] of [...this.layers]) if (db.data.docId === docId) this.layers.delete(key);
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

  layerPath(docId: DocId, layer: string): string {
    return layerPath(this.root, docId, layer);
  }

  /** The layers open in memory. */
  openLayers(): { docId: DocId; layer: string }[] {
    return [...this.layers.values()].map((db) => ({ docId: db.data.docId, layer: db.data.layer }));
  }

  /** The handle of an open layer, or undefined. */
  openLayer(docId: DocId, layer: string): Low<LayerFile> | undefined {
    return this.layers.get(layerKey(docId, layer));
  }

  /** Shares one pending open between callers. */
  private once<T extends Low<ArticleFile> | Low<LayerFile>>(key: string, open: () => Promise<T>): Promise<T> {
    let pending = this.opening.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = open().finally(() => this.opening.delete(key));
      this.opening.set(key, pending);
    }
    return pending;
  }

  /**
   * A document's article, read once and kept.
   * @throws ApiError NOT_FOUND for an id not in the index (or a file deleted outside Claimdesk); IO/CONFLICT when its file cannot be used
   */
  async article(docId: DocId): Promise<ArticleFile> {
    return (await this.articleHandle(docId)).data;
  }

  private articleHandle(docId: DocId): Promise<Low<ArticleFile>> {
    const row = this.rowFor(docId);
    const open = this.articles.get(docId);
    if (open) return Promise.resolve(open);
    return this.once(`article\u0000${docId}`, async () => {
      const path = articlePath(this.root, docId);
      const { db } = await openJsonFile<ArticleFile>(path, migrateArticleOf(docId), null).catch((err: unknown) => {
        if (!(err instanceof ApiError && err.code === 'NOT_FOUND')) throw err;
        throw new ApiError(
          'NOT_FOUND',
          `The article file of "${row.title}" (${path}) was deleted outside Claimdesk. Put it back (from git or the trash) and open it again, or move the document to the trash`,
        );
      });
      const meanwhile = this.articles.get(docId);
      if (meanwhile) return meanwhile;
      this.articles.set(docId, db);
      return db;
    });
  }

  /**
   * The handle of one layer of a document for changing it, opening its file once; a layer that
   * has no file yet gets an empty one in memory (written on its first save).
   * @throws ApiError NOT_FOUND for an unknown document; IO/CONFLICT when a file cannot be used
   */
  async layerHandle(docId: DocId, layer: string, options: { mayBeMissing?: boolean } = {}): Promise<Low<LayerFile>> {
    const key = layerKey(docId, layer);
    const open = this.layers.get(key);
    if (open) return open;
    const article = await this.article(docId);
    return this.once(key, async () => {
      const { db } = await this.openLayerFile(article, layer, options.mayBeMissing === true);
      const meanwhile = this.layers.get(key);
      if (meanwhile) return meanwhile;
      this.layers.set(key, db);
      return db;
    });
  }

  /**
   * Reads a layer's file; a layer with no file yet is empty. A layer the summaries list whose file
   * is gone was deleted by another program: that is said (with where its history is) rather than
   * shown as an empty layer, which the next save would make permanent, unless `mayBeMissing`
   * (a restore from the history writes it anew).
   * @throws ApiError NOT_FOUND saying what to do; IO/CONFLICT when the file cannot be used
   */
  private async openLayerFile(article: ArticleFile, layer: string, mayBeMissing = false): Promise<{ db: Low<LayerFile> }> {
    const known = !mayBeMissing && this.summaries.names(article.id).includes(layer);
    const path = this.layerPath(article.id, layer);
    return openJsonFile<LayerFile>(path, migrateLayerOf(article, layer), known ? null : () => emptyLayer(article.id, layer)).catch((err: unknown) => {
      if (!(err instanceof ApiError && err.code === 'NOT_FOUND')) throw err;
      throw new ApiError(
        'NOT_FOUND',
        `The file of ${layer}'s layer of "${article.title}" (${path}) was deleted outside Claimdesk. Put it back (from git, or restore an earlier version: they are in ${join(this.root, BACKUPS_DIR, article.id)}) and open it again`,
      );
    });
  }

  /**
   * One layer of a document without keeping it open: the open copy when there is one, else one
   * read (an export goes through thousands, so memory stays flat); an absent layer is empty.
   */
  async readLayer(article: ArticleFile, layer: string): Promise<LayerFile> {
    const open = this.layers.get(layerKey(article.id, layer));
    if (open) return open.data;
    const result = readLayerSync(this.root, article, layer);
    if (result?.ok) return result.value;
    return (await this.openLayerFile(article, layer)).db.data;
  }

  /** A document's article without keeping it open (see readLayer). */
  async readArticle(docId: DocId): Promise<ArticleFile> {
    const open = this.articles.get(docId);
    if (open) return open.data;
    this.rowFor(docId);
    const result = readArticleSync(this.root, docId);
    if (result?.ok) return result.value;
    return (await this.articleHandle(docId)).data;
  }

  /**
   * Saves `next` as a layer's content, first keeping the version on disk in the history (on the
   * layer's first save, the empty layer it replaces, unless `keepEmpty` is false). A file that
   * another program deleted is written anew (and noted as 'restored' when it existed).
   */
  async saveLayer(db: Low<LayerFile>, next: LayerFile, options: { keepEmpty?: boolean } = {}): Promise<void> {
    this.assertWritable();
    const path = this.layerPath(next.docId, next.layer);
    const wasOnDisk = await keepBackup(this.root, path, next.docId, next.layer, this.now()).catch((err: unknown) => {
      throw writeError(join(this.root, BACKUPS_DIR, next.docId), err);
    });
    const before = db.data;
    const existed = this.summaries.names(next.docId).includes(next.layer);
    if (!wasOnDisk && !existed && options.keepEmpty !== false)
      await keepFirstBackup(this.root, before, this.now()).catch((err: unknown) => {
        throw writeError(join(this.root, BACKUPS_DIR, next.docId), err);
      });
    db.data = next;
    try {
      if (!wasOnDisk) {
        await mkdir(dirname(path), { recursive: true });
        await this.restoreArticle(next.docId);
      }
      await db.write();
    } catch (err) {
      // Memory must keep matching the disk: a retried (idempotent) change would otherwise be acknowledged as a no-op without ever having been written.
      db.data = before;
      throw writeError(path, err);
    }
    this.summaries.set(next.docId, next);
    this.bumpRevision();
    if (!wasOnDisk && existed) this.noteExternalChange(next.docId, 'restored', next.layer);
  }

  /**
   * Writes an open document's article back when another program deleted its file (or the whole
   * documents folder): what the analyst has open is never lost.
   */
  async restoreArticle(docId: DocId): Promise<void> {
    const db = this.articles.get(docId);
    const path = articlePath(this.root, docId);
    if (!db || !(await isMissing(path))) return;
    await mkdir(dirname(path), { recursive: true });
    await db.write();
    this.noteExternalChange(docId, 'restored');
  }

  /** The documents whose article is open in memory. */
  openArticles(): DocId[] {
    return [...this.articles.keys()];
  }

  /** Renames a document: its article file and its index row. */
  async renameDocument(docId: DocId, title: string): Promise<void> {
    const db = await this.articleHandle(docId);
    if (db.data.title === title) return;
    const before = db.data;
    db.data = { ...before, title };
    try {
      await db.write();
    } catch (err) {
      db.data = before;
      throw writeError(articlePath(this.root, docId), err);
    }
    await this.putRow({ ...this.rowFor(docId), title });
  }

  /**
   * Writes a new document's article file (and its layers, when it comes with annotations); its
   * row is set in memory (the caller writes the index once, after a batch).
   */
  async create(article: ArticleFile, row: IndexRow, layers: readonly LayerFile[] = []): Promise<IndexRow> {
    this.assertWritable();
    const path = articlePath(this.root, article.id);
    await mkdir(dirname(path), { recursive: true });
    const { db } = await openJsonFile<ArticleFile>(path, migrateArticleOf(article.id), () => articleOf(article));
    db.data = articleOf(article);
    await db.write();
    this.articles.set(article.id, db);
    this.setRow(row);
    // A document that comes with its layers (a corpus import) has no earlier, empty version worth keeping.
    for (const layer of layers) await this.saveLayer(await this.layerHandle(article.id, layer.layer), layer, { keepEmpty: false });
    return row;
  }

  /** Takes a layer that another program (or a git merge) changed on disk, already read and checked. */
  takeExternalLayer(layer: LayerFile): void {
    const open = this.layers.get(layerKey(layer.docId, layer.layer));
    if (open) open.data = layer;
    this.summaries.set(layer.docId, layer);
    this.noteExternalChange(layer.docId, 'changed', layer.layer);
  }

  /** Takes an article that another program (or a git merge) changed on disk, already read and checked. */
  async takeExternalArticle(article: ArticleFile): Promise<void> {
    const open = this.articles.get(article.id);
    if (open) open.data = article;
    this.noteExternalChange(article.id, 'changed');
    // The list follows a title changed in the file (the index row is written when it can be).
    if (this.hasRow(article.id) && this.setRow({ ...this.rowFor(article.id), title: article.title }) && !this.isReadOnly) await this.writeIndex();
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
