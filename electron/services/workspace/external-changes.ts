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
import { existsSync, readdirSync, watch as watchFolder, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';
import { migrateWorkspaceFile, type WorkspaceFile } from '../../../shared/model/migrate';
import type { ArticleFile, LayerFile } from '../../../shared/model/layers';
import type { DocId } from '../../../shared/model/types';
import { isChangedElsewhere, openJsonFile } from '../store/json-store';
import type { DocumentStore } from './document-store';
import { ARTICLE_FILE, DOCUMENTS_DIR, INDEX_FILE, isMissing, LAYERS_DIR, layerOfPath, migrateArticleOf, migrateLayerOf } from './files';

/** How long to wait for a file to settle: editors and git write in several steps. */
const SETTLE_MS = 150;

export class ExternalChangeWatcher {
  private rootWatcher: FSWatcher | null = null;
  /**
   * One watcher per folder, not one recursive watcher: on Linux, Node's recursive watch follows
   * each file it saw, so a file replaced by a rename (every save, every git checkout) goes unheard.
   * A folder's own watcher hears every name written into it. Watched: documents/, and the folder
   * and layers/ folder of each open document.
   */
  private readonly folderWatchers = new Map<string, FSWatcher>();
  private readonly pendingChecks = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly store: DocumentStore) {}

  /** Starts watching claimdesk.json, documents/ and the folders of the open documents (and of each one opened later). */
  watch(): void {
    this.rootWatcher = watchFolder(this.store.root, (_event, name) => {
      if (name === INDEX_FILE || name === DOCUMENTS_DIR) this.scheduleCheck(name);
    });
    this.watchFolders();
    this.store.onDocumentOpened = (docId) => this.watchDocument(docId);
  }

  /** Stops watching; checks not yet run are dropped. */
  close(): void {
    this.rootWatcher?.close();
    this.rootWatcher = null;
    this.store.onDocumentOpened = null;
    for (const watcher of this.folderWatchers.values()) watcher.close();
    this.folderWatchers.clear();
    for (const timer of this.pendingChecks.values()) clearTimeout(timer);
    this.pendingChecks.clear();
  }

  /** Watches documents/ and the open documents' folders, again after they were deleted and made anew (new folders to the OS). */
  private watchFolders(): void {
    for (const watcher of this.folderWatchers.values()) watcher.close();
    this.folderWatchers.clear();
    // An open document's folder removed (by hand, by a checkout): write back what is open.
    this.watchFolder(DOCUMENTS_DIR, (name) => {
      if (this.store.openArticles().includes(name) && !existsSync(join(this.store.root, DOCUMENTS_DIR, name))) this.scheduleCheck(DOCUMENTS_DIR);
    });
    for (const { docId } of this.store.openLayers()) this.watchDocument(docId);
  }

  /** Watches a document's folder (article, curated layer, layers/) and its layers/ folder. */
  private watchDocument(docId: DocId): void {
    const folder = join(DOCUMENTS_DIR, docId);
    const layers = join(folder, LAYERS_DIR);
    const onLayer = (file: string) => file.endsWith('.json') && this.scheduleCheck(join(layers, file));
    this.watchFolder(folder, (name) => {
      if (name === LAYERS_DIR && !this.folderWatchers.has(layers)) {
        this.watchFolder(layers, onLayer);
        // Files written into the new folder before its watcher started are checked now.
        for (const file of safeReaddir(join(this.store.root, layers))) onLayer(file);
      } else if (name.endsWith('.json')) this.scheduleCheck(join(folder, name));
    });
    this.watchFolder(layers, onLayer);
  }

  /** Watches one folder (relative to the workspace) unless it is watched already or missing (then whoever makes it is heard by the folder above). */
  private watchFolder(relative: string, onName: (name: string) => unknown): void {
    if (this.folderWatchers.has(relative) || !this.rootWatcher) return;
    try {
      const watcher = watchFolder(join(this.store.root, relative), (_event, name) => {
        if (name) onName(name);
      });
      watcher.on('error', () => {
        watcher.close();
        this.folderWatchers.delete(relative);
      });
      this.folderWatchers.set(relative, watcher);
    } catch (err) {
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
      await this.restoreRemovedLayers();
      if (this.rootWatcher) this.watchFolders();
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
    if (fresh) await store.takeExternalArticle(fresh.db.data);
  }

  private async checkLayer(docId: DocId, layer: string, path: string): Promise<void> {
    const { store } = this;
    // A deleted layer stays listed: an open one is written back, another says it was deleted when opened.
    if (await isMissing(path)) return this.restoreRemovedLayers();
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
   * document is closed, not written back; so are documents only read ahead.
   */
  private async restoreRemovedLayers(): Promise<void> {
    const { store } = this;
    if (store.isReadOnly) return;
    await this.checkIndex(join(store.root, INDEX_FILE));
    store.closeReadAheadOnly(); // nobody opened them here: nothing of theirs to keep
    for (const docId of store.openArticles()) if (store.hasRow(docId)) await store.restoreArticle(docId);
    for (const { docId, layer } of store.openLayers()) {
      const db = store.openLayer(docId, layer);
      if (db && store.hasRow(docId) && store.layerSummaries(docId)[layer] && (await isMissing(store.layerPath(docId, layer))))
        await store.saveLayer(db, db.data);
    }
  }
}

/** A folder's entries, or none when it cannot be read. */
function safeReaddir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
