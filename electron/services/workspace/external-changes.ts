/**
 * Noticing changes that other programs (an editor, a git checkout or pull) make to a workspace
 * while it is open. A changed document that parses and passes the file checks replaces the open
 * copy and is listed in the workspace's external changes; one that does not is left alone (and
 * never overwritten). The renderer reloads a changed document when it has no unsaved work;
 * otherwise its changes are saved on top, and the other version stays in the backups. A deleted
 * file is written back from memory: an open document (listed as 'restored'), claimdesk.json, and
 * the documents folder with the open documents in it. Every check runs in the store's queue.
 */
import { watch as watchFolder, type FSWatcher } from 'node:fs';
import { basename, join } from 'node:path';
import { isDocId } from '../../../shared/model/keys';
import { migrateWorkspaceFile, type DocumentFile, type WorkspaceFile } from '../../../shared/model/migrate';
import type { DocId } from '../../../shared/model/types';
import { isChangedElsewhere, openJsonFile } from '../store/json-store';
import type { DocumentStore } from './document-store';
import { DOCUMENTS_DIR, INDEX_FILE, isMissing, migrateDocumentOf } from './files';

/** How long to wait for a file to settle: editors and git write in several steps. */
const SETTLE_MS = 150;

export class ExternalChangeWatcher {
  private rootWatcher: FSWatcher | null = null;
  private documentsWatcher: FSWatcher | null = null;
  private readonly pendingChecks = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly store: DocumentStore) {}

  /** Starts watching claimdesk.json, documents/ and the files in it. */
  watch(): void {
    this.rootWatcher = watchFolder(this.store.root, (_event, name) => {
      if (name === INDEX_FILE || name === DOCUMENTS_DIR) this.scheduleCheck(join(this.store.root, name));
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

  /** Watches documents/, again after it was deleted and made anew (a new folder to the OS). */
  private watchDocumentsFolder(): void {
    this.documentsWatcher?.close();
    this.documentsWatcher = null;
    const documents = join(this.store.root, DOCUMENTS_DIR);
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
    const timer = setTimeout(() => {
      this.pendingChecks.delete(path);
      void this.store.run(() => this.check(path)).catch((err: unknown) => console.error(err));
    }, SETTLE_MS);
    this.pendingChecks.set(path, timer);
  }

  private async check(path: string): Promise<void> {
    const { store } = this;
    if (path === join(store.root, DOCUMENTS_DIR)) {
      if (this.rootWatcher) this.watchDocumentsFolder();
      await this.restoreRemovedDocuments(store.openIds());
      return;
    }
    if (path === join(store.root, INDEX_FILE)) {
      // Without it the workspace would reopen empty: put the index in memory back at once.
      if (await isMissing(path)) {
        if (!store.isReadOnly) await store.writeIndex();
        return;
      }
      if (!(await isChangedElsewhere(path))) return;
      const { db } = await openJsonFile<WorkspaceFile>(path, migrateWorkspaceFile, null).catch(() => ({ db: null }));
      if (!db) return; // half-written, broken or failing the checks: keep what we have, never overwrite it
      store.replaceIndex(db.data);
      return;
    }
    const docId = basename(path, '.json');
    if (!isDocId(docId) || !store.hasRow(docId)) return;
    if (await isMissing(path)) {
      await this.restoreRemovedDocuments([docId]);
      return;
    }
    if (!(await isChangedElsewhere(path))) return;
    const fresh = await openJsonFile<DocumentFile>(path, migrateDocumentOf(docId), null).catch(() => null);
    if (!fresh) return;
    if (store.takeExternalVersion(fresh.db.data) && !store.isReadOnly) await store.writeIndex();
  }

  /**
   * Writes open documents whose files another program deleted back from memory (the save notes
   * them as 'restored'), so that what the user has open is never lost or dropped silently. A
   * git checkout that also took the document out of claimdesk.json is read first: such a
   * document is closed, not written back.
   */
  private async restoreRemovedDocuments(docIds: readonly DocId[]): Promise<void> {
    const { store } = this;
    if (store.isReadOnly) return;
    const index = join(store.root, INDEX_FILE);
    if (await isChangedElsewhere(index)) await this.check(index);
    for (const docId of docIds) {
      const db = store.openHandle(docId);
      if (db && (await isMissing(store.documentPath(docId)))) await store.save(db, db.data);
    }
  }
}
