/**
 * A workspace: the folder Claimdesk keeps a project in, as the shells (window, browser host,
 * CLI) and the services see it. This class is the one entry: it opens the folder and takes its
 * lock, and hands each call to the part that owns it:
 *   files.ts             the layout on disk and the rules its files follow
 *   index-store.ts       claimdesk.json (schema, rows, layer summaries), one queue for every write
 *   document-store.ts    the article and layer files of each document, on top of it
 *   history.ts           backups of every save, and the trash
 *   external-changes.ts  changes made by other programs while it is open
 *   imports.ts           article files and annotated corpora coming in
 * Editing (operations, status, schema) is here, on top of the store. Plain Node: never imports
 * 'electron'.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ApiError, type BackupEntry, type ImportReport, type WorkspaceInfo } from '../../../shared/api';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import { composeDocument, CURATED_LAYER, emptyLayer, isLayerName, layerOf, type ArticleFile, type LayerFile } from '../../../shared/model/layers';
import { migrateWorkspaceFile, STORE_VERSION, type WorkspaceFile } from '../../../shared/model/migrate';
import { applyOperations, OperationConflict, OperationError, type Operation } from '../../../shared/model/operations';
import { checkOperation, migrateDocumentLabels, type SchemaMigration } from '../../../shared/model/schema-rules';
import type { DocId, DocStatus, DocumentData, DocumentRow, LayerSummary, Schema } from '../../../shared/model/types';
import { openJsonFile } from '../store/json-store';
import { acquireWorkspaceLock, type WorkspaceLock } from '../store/workspace-lock';
import { DocumentStore } from './document-store';
import { ExternalChangeWatcher } from './external-changes';
import { documentDir, INDEX_FILE, LAYERS_DIR, originalsDir, sweepTempFiles, workspaceFolder } from './files';
import * as history from './history';
import { reimportWithEncoding } from './reimport';
import * as imports from './imports';
import { migrateDocumentsFromV1, migrateTrashFromV1, removeV1Files } from './migrate-layout';
import { defaultMergeDriverCommand, prepareRepository } from '../sync/repository';
import type { SyncTarget } from '../sync/sync';

export type OpenOptions = {
  /** A folder whose articles are imported when the workspace is new. */
  seedDir?: string;
  now?: () => Date;
  /** The analyst opening it: a version-1 workspace's unsigned annotations go to their layer. */
  annotator?: string;
  /**
   * The git merge driver's command line to register when the workspace is in a git repository
   * (default: this program's, see sync/repository.ts); null: leave the repository alone.
   */
  mergeDriver?: string | null;
};

export class Workspace {
  private readonly watcher: ExternalChangeWatcher;
  /** Work that must end before the workspace is closed (a sync: its merge writes files after the network step). */
  private readonly busy = new Set<Promise<unknown>>();
  /**
   * The document each open layer was last seen as, with the article it was composed with: opening
   * it again while neither changed (the store replaces them on every change, never edits them)
   * answers the same object, so the host serialises a long article once per version (#14).
   */
  private readonly composed = new WeakMap<LayerFile, { article: ArticleFile; doc: DocumentData }>();

  private constructor(
    private readonly store: DocumentStore,
    private readonly lock: WorkspaceLock,
    private readonly repositoryProblem: string | null,
  ) {
    this.watcher = new ExternalChangeWatcher(store);
  }

  /**
   * Opens (or creates) a workspace folder; one of an older format is brought up to date (the
   * originals are kept in .backups/before-migration-from-v<N>/).
   * @throws ApiError IO/CONFLICT when the folder or claimdesk.json cannot be used (it is left untouched)
   */
  static async open(dir: string, options: OpenOptions = {}): Promise<Workspace> {
    const path = await workspaceFolder(dir);
    const lock = await acquireWorkspaceLock(path);
    try {
      const original = lock.isReadOnly ? null : (fromVersion: number) => join(path, originalsDir(fromVersion), INDEX_FILE);
      const { db, isNew, migrated, fromVersion } = await openJsonFile<WorkspaceFile>(
        join(path, INDEX_FILE),
        migrateWorkspaceFile,
        () => ({ version: STORE_VERSION, schema: DEFAULT_SCHEMA, documents: [], settings: {} }),
        original,
      );
      if (migrated && lock.isReadOnly)
        throw new ApiError(
          'CONFLICT',
          `${path} was made by an older Claimdesk and must be brought up to date, which the Claimdesk that holds it can do; close it there first`,
        );
      if (fromVersion === 1)
        db.data = { ...db.data, documents: await migrateDocumentsFromV1(path, db.data.documents, options.annotator ?? 'unknown') };
      if ((isNew || migrated) && !lock.isReadOnly) await db.write();
      if (fromVersion === 1) await migrateTrashFromV1(path, options.annotator ?? 'unknown');
      if (!lock.isReadOnly && existsSync(join(path, originalsDir(1)))) await removeV1Files(path, db.data.documents);
      // A save killed half-way leaves its temporary file beside the intact one, in any document's folder.
      if (!lock.isReadOnly)
        await sweepTempFiles(
          path,
          db.data.documents.flatMap((row) => [documentDir(path, row.id), join(documentDir(path, row.id), LAYERS_DIR)]),
        );
      // A workspace in a git repository gets its .gitignore, .gitattributes and merge driver (a no-op elsewhere).
      const driver = options.mergeDriver === undefined ? defaultMergeDriverCommand() : options.mergeDriver;
      const repositoryProblem =
        !lock.isReadOnly && driver !== null
          ? await prepareRepository(path, driver).then(
              () => null,
              (err: unknown) =>
                `The git repository of this workspace could not be set up for it (${(err as Error).message}), so a merge may leave conflict markers in its files; check that .gitignore, .gitattributes and .git/config are writable, then open the workspace again`,
            )
          : null;
      const workspace = new Workspace(new DocumentStore(path, db, options.now ?? (() => new Date()), lock), lock, repositoryProblem);
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
  info(): Omit<WorkspaceInfo, 'annotator'> {
    return {
      path: this.path,
      name: basename(this.path),
      revision: this.store.revision,
      documentCount: this.store.rows().length,
      schema: this.store.schema,
      readOnlyReason: this.store.readOnlyReason(),
      externalChanges: [...this.store.externalChanges].map(([docId, change]) => ({ docId, ...change })),
      schemaConflicts: this.store.schemaConflicts,
      repositoryProblem: this.repositoryProblem,
    };
  }

  /**
   * Stops watching, waits for the work under way (writes, a sync), writes the summaries cache,
   * and releases the workspace lock.
   */
  async close(): Promise<void> {
    await Promise.allSettled([...this.busy]);
    this.watcher.close();
    await this.store.run(async () => undefined);
    if (!this.lock.isReadOnly) await this.store.summaries.persist();
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

  /** Every document's row as `viewer`'s list shows it (their layer's status and counts, every layer's summary), in import order. */
  listDocuments(viewer: string): DocumentRow[] {
    return this.store.rowsFor(viewer);
  }

  /**
   * Brings every document's layer summaries up to date with the files (see LayerSummaries.refresh);
   * exports, agreement and schema changes call it first, so that layers a plain `git pull`
   * brought into documents nobody has open are counted.
   */
  refreshLayers(): void {
    this.store.summaries.refresh(this.store.rows().map((row) => row.id));
  }

  /** Every layer's summary of a document, by layer name. @throws ApiError NOT_FOUND */
  layers(docId: DocId): Readonly<Record<string, LayerSummary>> {
    this.store.rowFor(docId);
    return this.store.layerSummaries(docId);
  }

  /**
   * Opens one layer of a document for the analyst: its files are read once and kept open, so
   * that changes apply to memory first and a file another program deletes meanwhile is written
   * back. A layer nobody has written yet is empty.
   * @throws ApiError NOT_FOUND for an unknown id; IO/CONFLICT when a file cannot be used, saying why
   */
  async openDocument(docId: DocId, layer: string): Promise<DocumentData> {
    checkLayerName(layer);
    // In the queue: a first open must not read a file while a sync's merge is writing it.
    const { article, content } = await this.store.run(async () => ({
      article: await this.store.article(docId),
      content: (await this.store.layerHandle(docId, layer)).data,
    }));
    this.store.onDocumentOpened?.(docId);
    this.store.noteInUse(docId);
    const kept = this.composed.get(content);
    if (kept?.article === article) return kept.doc;
    const doc = composeDocument(article, content);
    this.composed.set(content, { article, doc });
    return doc;
  }

  /**
   * Opens documents' article and layer files ahead of their opening (see ClaimdeskApi.readAhead),
   * one after another in the queue. A document that cannot be read is left out: opening it says why.
   * One that was not open counts as read ahead only until it is opened or changed: if its files are
   * deleted meanwhile, it is closed, not written back.
   */
  async readAhead(docIds: readonly DocId[], layer: string): Promise<void> {
    checkLayerName(layer);
    for (const docId of docIds)
      await this.store
        .run(async () => {
          this.store.noteReadAhead(docId);
          await this.store.article(docId);
          await this.store.layerHandle(docId, layer);
          this.store.onDocumentOpened?.(docId); // kept in memory from now on: changes made to its files elsewhere must be heard
        })
        .catch(() => undefined);
  }

  /**
   * Reads one layer of a document for export or checking, not kept open (going through
   * thousands keeps memory flat). `null`: the article with no annotations.
   * @throws ApiError NOT_FOUND for an unknown id; IO/CONFLICT when a file cannot be used, saying why
   */
  async readDocument(docId: DocId, layer: string | null): Promise<DocumentData> {
    return (await this.readLayers(docId, [layer]))[0]!;
  }

  /**
   * Reads several layers of one document (agreement, exports of every layer), the article once.
   * @returns one document per layer, in the order given
   */
  async readLayers(docId: DocId, layers: readonly (string | null)[]): Promise<DocumentData[]> {
    const article = await this.store.readArticle(docId);
    const out: DocumentData[] = [];
    for (const layer of layers)
      out.push(composeDocument(article, layer === null ? emptyLayer(docId, '') : await this.store.readLayer(article, layer)));
    return out;
  }

  /**
   * Sets one layer's status of a document (the CLI and tests; the window sends an operation).
   * @throws ApiError NOT_FOUND
   */
  updateStatus(docId: DocId, layer: string, status: DocStatus): Promise<DocumentRow> {
    return this.applyChanges(docId, layer, [{ op: 'updateDocument', before: {}, after: { status } }]);
  }

  /**
   * Applies operations to one layer of a document (all or nothing), checked against the text and
   * the schema, and saves that layer's file only (a rename also writes the article and the index).
   * @returns the document's row as seen from that layer
   * @throws ApiError INVALID_INPUT when an operation does not fit; CONFLICT when it reuses an id for other content; NOT_FOUND; IO
   */
  applyChanges(docId: DocId, layer: string, ops: readonly Operation[]): Promise<DocumentRow> {
    checkLayerName(layer);
    return this.store.run(async () => {
      this.store.assertWritable();
      const db = await this.store.layerHandle(docId, layer);
      this.store.onDocumentOpened?.(docId); // kept open from now on: changes made to its files elsewhere must be heard
      this.store.noteInUse(docId);
      const before = composeDocument(await this.store.article(docId), db.data);
      const schema = this.store.schema;
      let next: DocumentData;
      try {
        next = applyOperations(before, ops, (op, labelOf) => checkOperation(schema, op, labelOf));
      } catch (err) {
        if (err instanceof OperationConflict) throw new ApiError('CONFLICT', err.message);
        if (err instanceof OperationError) throw new ApiError('INVALID_INPUT', err.message);
        throw err;
      }
      if (next.title !== before.title) await this.store.renameDocument(docId, next.title);
      const layerChanged =
        next.status !== before.status ||
        next.attributes !== before.attributes ||
        next.annotations !== before.annotations ||
        next.relations !== before.relations ||
        next.conflicts !== before.conflicts ||
        next.rejected !== before.rejected;
      // The document-level conflicts a merge left go when the analyst chooses a status or attributes (see applyOperations).
      if (layerChanged) await this.store.saveLayer(db, layerOf(next, layer, next.conflicts));
      // A retry of a change whose index write failed still writes the index.
      if (this.store.indexIsBehind) await this.store.writeIndex();
      return this.store.rowViewFor(docId, layer);
    });
  }

  /**
   * Replaces the tag schema and carries label renames and removals over to every layer that uses
   * those labels (found from the layer summaries, so others are not opened).
   * @throws ApiError IO when a layer that needs changing cannot be read (nothing is changed then)
   */
  updateSchema(schema: Schema, change: SchemaMigration): Promise<void> {
    // Saving the schema is the analyst's decision on every conflict a merge left in it.
    return this.store.run(async () => {
      this.store.assertWritable();
      this.refreshLayers();
      const affected = new Set([...Object.keys(change.renamedLabels), ...change.removedLabels]);
      const targets: { docId: DocId; layer: string }[] = [];
      for (const row of this.store.rows())
        for (const [layer, summary] of Object.entries(this.store.layerSummaries(row.id)))
          if (Object.keys(summary.labelCounts).some((l) => affected.has(l))) targets.push({ docId: row.id, layer });
      const opened = await Promise.all(
        targets.map(async ({ docId, layer }) => ({
          db: await this.store.layerHandle(docId, layer),
          article: await this.store.article(docId),
          layer,
        })),
      );
      for (const { db, article, layer } of opened) {
        const doc = composeDocument(article, db.data);
        const next = migrateDocumentLabels(doc, change);
        if (next !== doc) await this.store.saveLayer(db, layerOf(next, layer, next.conflicts));
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

  /**
   * Stores documents that come with their annotations (JSONL, W3C and brat corpora) into layers:
   * `annotator`'s, or each annotation's author's when none is given (see imports.ts).
   */
  importAnnotatedDocuments(
    entries: readonly Readonly<{ name: string; doc: DocumentData }>[],
    options: imports.AnnotatedImportOptions,
  ): Promise<ImportReport> {
    return imports.importAnnotatedDocuments(this.store, entries, options);
  }

  /** Earlier versions of one layer of a document, newest first. */
  listBackups(docId: DocId, layer: string): Promise<BackupEntry[]> {
    checkLayerName(layer);
    return history.listBackups(this.store, docId, layer);
  }

  /** Brings back an earlier version of one layer of a document. */
  restoreBackup(docId: DocId, layer: string, backupId: string): Promise<DocumentRow> {
    checkLayerName(layer);
    return history.restoreBackup(this.store, docId, layer, backupId);
  }

  /**
   * Replaces a document's article with its source file decoded as `encoding` (see reimport.ts).
   * @returns the document's row
   */
  async reimportDocument(docId: DocId, encoding: string, bytes: Uint8Array, viewer: string): Promise<DocumentRow> {
    const annotations = Object.values(this.layers(docId)).reduce((n, layer) => n + layer.annotationCount, 0);
    await reimportWithEncoding(this.store, docId, encoding, bytes, annotations);
    return this.store.rowViewFor(docId, viewer);
  }

  /** Moves a document (with every layer) to the trash. */
  deleteDocument(docId: DocId): Promise<void> {
    return history.deleteDocument(this.store, docId);
  }

  /** Documents in the trash. */
  listTrash(viewer: string): Promise<DocumentRow[]> {
    return history.listTrash(this.store, viewer);
  }

  /** Moves a document back from the trash. */
  restoreDocument(docId: DocId, viewer: string): Promise<DocumentRow> {
    return history.restoreDocument(this.store, docId, viewer);
  }

  /** Keeps the workspace open (close waits) until `work` ends. */
  keepOpenUntil(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.busy.add(settled);
    void settled.then(() => this.busy.delete(settled));
  }

  /** What a git sync by `annotator` needs of this workspace: its queue, a reload of what git changed, titles for the commit message. */
  syncTarget(annotator: string): SyncTarget {
    return {
      root: this.path,
      annotator,
      exclusive: (task) => this.store.run(task),
      reload: (paths) => this.watcher.reload(paths),
      titleOf: (docId) => (this.store.hasRow(docId) ? this.store.rowFor(docId).title : null),
    };
  }
}

/** @throws ApiError INVALID_INPUT for a name that cannot be a layer's */
function checkLayerName(layer: string): void {
  if (!isLayerName(layer))
    throw new ApiError(
      'INVALID_INPUT',
      `${JSON.stringify(layer)} cannot name a layer: give an annotator's name (not "all" or "default") or "${CURATED_LAYER}"`,
    );
}
