/**
 * One DocumentSession per (document, layer) for the lifetime of the window, so unsaved changes
 * keep saving and undo/redo history survives switching between documents and layers. Loads each
 * layer once (concurrent requests share the load); a failed load is forgotten so it can be
 * retried. A session of a layer the analyst may not write (another annotator's) is read-only: it
 * carries the reason, and the annotating hooks refuse changes with it.
 */
import { layerKey } from '../../shared/model/layers';
import type { ClaimdeskApi } from '../../shared/api';
import type { DocId, DocumentRow } from '../../shared/model/types';
import { DocumentSession, type Stash } from './document-session';
import { readOnlyReasonFor, type LayerRef } from './layer-access';

export type RegistryEvents = Readonly<{
  /** A save was acknowledged; `row` is the document's new index row (as seen from the saved layer). */
  onSaved: (row: DocumentRow) => void;
  /** The service refused a change, which was rolled back; `message` says why. */
  onRefused: (message: string) => void;
}>;

/** An external change the workspace reported: a document, and the layer that changed (absent: the article, so every layer). */
export type ChangedLayer = Readonly<{ docId: DocId; layer?: string }>;

export class SessionRegistry {
  private readonly sessions = new Map<string, DocumentSession>();
  private readonly loading = new Map<string, Promise<DocumentSession>>();

  /**
   * @param stash where sessions keep unacknowledged changes across a reload (localStorage)
   */
  constructor(
    private readonly api: ClaimdeskApi,
    private readonly stash: Stash | null,
    private readonly events: RegistryEvents,
  ) {}

  /** How many changes of every open session the service has not acknowledged yet. */
  unsavedCount(): number {
    let n = 0;
    for (const session of this.sessions.values()) n += session.state.pending;
    return n;
  }

  /** The session of `ref`'s layer if it is open already (its read-only reason brought up to date for `ref.annotator`). */
  get(ref: LayerRef): DocumentSession | undefined {
    const session = this.sessions.get(layerKey(ref.docId, ref.layer));
    if (session) session.readOnlyReason = readOnlyReasonFor(ref.layer, ref.annotator);
    return session;
  }

  /**
   * The session of `ref`'s layer, loading it the first time.
   * @throws what getDocument throws (the next call tries again)
   */
  open(ref: LayerRef): Promise<DocumentSession> {
    const key = layerKey(ref.docId, ref.layer);
    const open = this.get(ref);
    if (open) return Promise.resolve(open);
    const pending = this.loading.get(key);
    if (pending) return pending;
    const { docId, layer, annotator } = ref;
    const load = this.api
      .getDocument({ docId, layer })
      .then((doc) => {
        const session = new DocumentSession(doc, this.api, (row) => this.events.onSaved(row), this.stash, {
          layer,
          readsLegacyStash: layer === annotator,
        });
        session.readOnlyReason = readOnlyReasonFor(layer, annotator);
        session.subscribeState((state) => {
          // A refusal is reported once, as it happens: the state moves on to "saved" right after.
          if (state.status === 'failed' && state.retryAt === undefined && state.error) this.events.onRefused(state.error);
        });
        this.sessions.set(key, session);
        return session;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, load);
    return load;
  }

  /**
   * Forgets the sessions of every layer of `docIds` (all documents when absent) that have nothing
   * waiting to be saved, so that they are read afresh on next open (after a schema edit, or a
   * restore). Sessions with unsaved changes are kept: their changes still go out.
   * @returns the ids of documents with a session that was kept because it had unsaved changes
   */
  drop(docIds?: Iterable<DocId>): DocId[] {
    const wanted = docIds === undefined ? null : new Set(docIds);
    const kept = new Set<DocId>();
    for (const [key, session] of this.sessions) {
      const docId = session.doc.id;
      if (wanted && !wanted.has(docId)) continue;
      if (!this.forget(key, session)) kept.add(docId);
    }
    return [...kept];
  }

  /**
   * Forgets the sessions of the documents another program (or a sync) changed, each with nothing
   * waiting to be saved. Every layer of such a document is read afresh (the workspace reports
   * only its latest change per document, so another of its layers may have changed too).
   * @returns the changes whose own layer (or, for an article, any layer) kept unsaved work
   */
  dropChanged(changes: readonly ChangedLayer[]): ChangedLayer[] {
    const kept: ChangedLayer[] = [];
    const docIds = new Set(changes.map((c) => c.docId));
    for (const [key, session] of this.sessions) {
      if (!docIds.has(session.doc.id) || this.forget(key, session)) continue;
      const change = changes.find((c) => c.docId === session.doc.id && (c.layer === undefined || c.layer === session.layer));
      if (change && !kept.includes(change)) kept.push(change);
    }
    return kept;
  }

  /** Stops every session's retry timers (the window is going away). */
  dispose(): void {
    for (const session of this.sessions.values()) session.dispose();
    this.sessions.clear();
  }

  /** Disposes of a session with no unsaved changes. @returns false when it was kept */
  private forget(key: string, session: DocumentSession): boolean {
    if (session.state.pending > 0) return false;
    session.dispose();
    this.sessions.delete(key);
    return true;
  }
}
