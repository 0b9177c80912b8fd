/**
 * Noticing changes that other programs (an editor, a git checkout, pull or sync) make to a
 * workspace while it is open. A changed layer or article that parses and passes the file checks
 * replaces the open copy and is listed in the workspace's external changes; one that does not is
 * left alone (and never overwritten). A new layer (another annotator's, brought by git) appears
 * in the document's summaries. The renderer reloads a changed layer when it has no unsaved work;
 * otherwise its changes are saved on top, and the other version stays in the backups. A deleted
 * file is written back from memory: an open layer (listed as 'restored') and claimdesk.json.
 * Every check runs in the store's queue; `reload` runs one at once (a sync calls it).
 */
import { watch as watchFolder, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';
import { migrateWorkspaceFile, type WorkspaceFile } from '../../../shared/model/migrate';
import type { ArticleFile, LayerFile } from '../../../shared/model/layers';
import type { DocId } from '../../../shared/model/types';
import { isChangedElsewhere, openJsonFile } from '../store/json-store';
import type { DocumentStore } from './document-store';
import { ARTICLE_FILE, DOCUMENTS_DIR, INDEX_FILE, isMissing, layerOfPath, migrateArticleOf, migrateLayerOf } from './files';

/** How long to wait for a file to settle: editors and git write in several steps. */
const SETTLE_MS = 150;

export class ExternalChangeWatcher {
  private rootWatcher: FSWatcher | null = null;
  private documentsWatcher: FSWatcher | null = null;
  private readonly pendingChecks = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly store: DocumentStore) {}

  /** Starts watching claimdesk.json and everything below documents/. */
  watch(): void {
    this.rootWatcher = watchFolder(this.store.root, (_event, name) => {
      if (name === INDEX_FILE || name === DOCUMENTS_DIR) this.scheduleCheck(name);
    });
    this.watchDocumentsFolder();
  }

  /** Stops watching; checks not yet run are dropped. */
  close(): void {
    this.rootWatcher?.close();
    this.documentsWatcher?.close();
    this.rootWatcher = this.documentsWatcher = null;
    for (const timer of this.pendingChecks.values()) clearTimeout(timer);
    this.pendingChecks.clear();
  }

  /** Watches documents/ and below, again after it was deleted and made anew (a new folder to the OS). */
  private watchDocumentsFolder(): void {
    this.documentsWatcher?.close();
    this.documentsWatcher = null;
    const documents = join(this.store.root, DOCUMENTS_DIR);
    try {
      this.documentsWatcher = watchFolder(documents, { recursive: true }, (_event, name) => {
        if (name?.endsWith('.json')) this.scheduleCheck(join(DOCUMENTS_DIR, name));
      });
    } catch (err) {
      // Gone for now: the root watcher hears it come back.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }

  private scheduleCheck(path: string): void {
    clearTimeout(this.pendingChecks.get(path));
    const timer = setTimeout(() => {
      this.pendingChecks.delete(path);
      void this.store.run(() => this.check(path)).catch((err: unknown) => console.error(err));
    }, SETTLE_MS);
    this.pendingChecks.set(path, timer);
  }

  /**
   * Re-reads files that changed on disk (paths relative to the workspace folder, with /), as a
   * git merge leaves them. It does not queue: call it from a task in the store's queue.
   */
  async reload(paths: readonly string[]): Promise<void> {
    for (const path of paths) await this.check(path.split('/').join(sep));
  }

  /** Checks one path, relative to the workspace folder. */
  private async check(path: string): Promise<void> {
    const { store } = this;
    if (path === DOCUMENTS_DIR) {
      if (this.rootWatcher) this.watchDocumentsFolder();
      await this.restoreRemovedLayers();
      return;
    }
    if (path === INDEX_FILE) return this.checkIndex(join(store.root, INDEX_FILE));
    const parts = path.split(sep);
    if (parts.length === 3 && parts[0] === DOCUMENTS_DIR && parts[2] === ARTICLE_FILE) return this.checkArticle(parts[1]!, join(store.root, path));
    const place = layerOfPath(path);
    if (place && store.hasRow(place.docId)) await this.checkLayer(place.docId, place.layer, join(store.root, path));
  }

  private async checkIndex(path: string): Promise<void> {
    const { store } = this;
    // Without it the workspace would reopen empty: put the index in memory back at once.
    if (await isMissing(path)) {
      if (!store.isReadOnly) await store.writeIndex();
      return;
    }
    if (!(await isChangedElsewhere(path))) return;
    const { db } = await openJsonFile<WorkspaceFile>(path, migrateWorkspaceFile, null).catch(() => ({ db: null }));
    if (!db) return; // half-written, broken or failing the checks: keep what we have, never overwrite it
    store.replaceIndex(db.data);
  }

  private async checkArticle(docId: DocId, path: string): Promise<void> {
    const { store } = this;
    if (!store.hasRow(docId) || !(await isChangedElsewhere(path))) return;
    const fresh = await openJsonFile<ArticleFile>(path, migrateArticleOf(docId), null).catch(() => null);
    if (fresh) store.takeExternalArticle(fresh.db.data);
  }

  private async checkLayer(docId: DocId, layer: string, path: string): Promise<void> {
    const { store } = this;
    if (await isMissing(path)) {
      await this.restoreRemovedLayers();
      store.rescanLayers(docId);
      return;
    }
    // A layer new to this workspace (another annotator's, brought by git) is read like a changed one:
    // a window may have it open, empty, already.
    const isNew = !store.layerSummaries(docId)[layer];
    if (!isNew && !(await isChangedElsewhere(path))) return;
    const article = await store.article(docId).catch(() => null);
    const fresh = article ? await openJsonFile<LayerFile>(path, migrateLayerOf(article, layer), null).catch(() => null) : null;
    if (fresh) store.takeExternalLayer(fresh.db.data);
    else if (isNew) store.rescanLayers(docId);
  }

  /**
   * Writes open layers whose files another program deleted back from memory (the save notes
   * them as 'restored'), so that what the user has open is never lost or dropped silently. A
   * git checkout that also took the document out of claimdesk.json is read first: such a
   * document is closed, not written back.
   */
  private async restoreRemovedLayers(): Promise<void> {
    const { store } = this;
    if (store.isReadOnly) return;
    await this.checkIndex(join(store.root, INDEX_FILE));
    for (const { docId, layer } of store.openLayers()) {
      const db = store.openLayer(docId, layer);
      if (db && store.hasRow(docId) && store.layerSummaries(docId)[layer] && (await isMissing(store.layerPath(docId, layer))))
        await store.saveLayer(db, db.data);
    }
  }
}
