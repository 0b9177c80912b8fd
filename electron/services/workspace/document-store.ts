/**
 * The files of a workspace as one store: on top of claimdesk.json (index-store.ts), each
 * document's article file and its layer files (one per annotator, one curated), opened once and
 * kept, saved with the version they replace in the history (history.ts). Every read-modify-write
 * goes through the one queue (`run`), so that any interleaving of calls from windows, the CLI, a
 * sync and a reload keeps every acknowledged change. It knows nothing of imports, the trash or
 * watching.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Low } from 'lowdb';
import { ApiError } from '../../../shared/api';
import { articleOf, emptyLayer, layerKey, type ArticleFile, type LayerFile } from '../../../shared/model/layers';
import type { DocId, IndexRow } from '../../../shared/model/types';
import { openJsonFile, writeError } from '../store/json-store';
import { articlePath, BACKUPS_DIR, isMissing, layerPath, migrateArticleOf, migrateLayerOf, readArticleSync, readLayerSync } from './files';
import { keepBackup, keepFirstBackup } from './history';
import { IndexStore } from './index-store';

export type { ExternalChange } from './index-store';

export class DocumentStore extends IndexStore {
  private readonly articles = new Map<DocId, Low<ArticleFile>>();
  private readonly layers = new Map<string, Low<LayerFile>>();
  /** Files being opened, so that two callers share one handle (two handles would each hold a copy, and one copy's save would undo the other's). */
  private readonly opening = new Map<string, Promise<Low<ArticleFile> | Low<LayerFile>>>();
  /** Told of each document an analyst opens (the watcher watches its folders). */
  onDocumentOpened: ((docId: DocId) => void) | null = null;
  /**
   * Documents read into memory only ahead of an open (readAhead), neither opened nor changed
   * since: if another program deletes their files (a git checkout), they are closed, not written
   * back as an opened document is, since nobody opened them here.
   */
  private readonly readAheadOnly = new Set<DocId>();

  protected forget(docId: DocId): void {
    this.articles.delete(docId);
    for (const [key, db] of [...this.layers]) if (db.data.docId === docId) this.layers.delete(key);
  }

  layerPath(docId: DocId, layer: string): string {
    return layerPath(this.root, docId, layer);
  }

  /** Notes a document about to be read ahead: unless it is open already, it counts as read ahead only until it is used. */
  noteReadAhead(docId: DocId): void {
    if (!this.articles.has(docId)) this.readAheadOnly.add(docId);
  }

  /** Notes a document opened or changed here: from now on, its files are written back if deleted. */
  noteInUse(docId: DocId): void {
    this.readAheadOnly.delete(docId);
  }

  /** Closes every document that was only read ahead (read from disk again when it is opened). */
  closeReadAheadOnly(): void {
    for (const docId of this.readAheadOnly) this.forget(docId);
    this.readAheadOnly.clear();
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

  /** Replaces a document's article (a re-import of its source, see reimport.ts): its article file and its index row. */
  async replaceArticle(article: ArticleFile, row: IndexRow): Promise<void> {
    this.assertWritable();
    const db = await this.articleHandle(article.id);
    const before = db.data;
    db.data = article;
    try {
      await db.write();
    } catch (err) {
      db.data = before;
      throw writeError(articlePath(this.root, article.id), err);
    }
    this.setRow(row);
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
}
