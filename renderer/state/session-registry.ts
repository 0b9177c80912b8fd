/**
 * One DocumentSession per (document, layer) for the lifetime of the window, so unsaved changes
 * keep saving and undo/redo history survives switching between documents and layers. Loads each
 * layer once (concurrent requests share the load); a failed load is forgotten so it can be
 * retried. A session of a layer the analyst may not write (another annotator's) is read-only: it
 * carries the reason, and the annotating hooks refuse changes with it. A layer another window saved
 * to is read again into its open session (`reload`), which keeps its unsaved changes on top (#12).
 */
import { layerKey } from '../../shared/model/layers';
import type { ClaimdeskApi } from '../../shared/api';
import type { DocId, DocumentRow } from '../../shared/model/types';
import { DocumentSession, type RebaseResult, type Stash } from './document-session';
import { readOnlyReasonFor, type LayerRef } from './layer-access';

export type RegistryEvents = Readonly<{
  /** A save was acknowledged; `row` is the document's new index row (as seen from the saved layer). */
  onSaved: (row: DocumentRow) => void;
  /** The service refused a change, which was rolled back; `message` says why. */
  onRefused: (message: string) => void;
}>;

/** An external change the workspace reported: a document, and the layer that changed (absent: the article, so every layer). */
export type ChangedLayer = Readonly<{ docId: DocId; layer?: string }>;

/** What reading layers afresh did: whether every session took the stored version, and the sentences saying which undo history was cleared. */
export type ReloadResult = Readonly<{ isTaken: boolean; historyCleared: readonly string[] }>;

const TAKEN: RebaseResult = { isTaken: true, historyCleared: null };

/** The sessions' rebase results as one. */
const summed = (results: readonly RebaseResult[]): ReloadResult => ({
  isTaken: results.every((r) => r.isTaken),
  historyCleared: results.flatMap((r) => (r.historyCleared === null ? [] : [r.historyCleared])),
});

/** How many times a reload reads a layer while this window's own saves keep landing during the read, before it gives up until the next change. */
const MAX_READS = 5;

export class SessionRegistry {
  private readonly sessions = new Map<string, DocumentSession>();
  private readonly loading = new Map<string, Promise<DocumentSession>>();
  /** Per session key: the reload under way (or last started), and one waiting to start after it. */
  private readonly reloading = new Map<string, Promise<RebaseResult>>();
  private readonly waiting = new Map<string, Promise<RebaseResult>>();

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
   * Loads `ref`'s layer ahead of its opening (a neighbour of the open document in the list, #14),
   * so that opening it draws at once: the session is kept as an opened one is.
   * @returns settles once the layer is loaded or its load failed (never rejects)
   */
  prefetch(ref: LayerRef): Promise<void> {
    // A failed prefetch is forgotten (open() keeps no failed load): opening that document asks again and reports what goes wrong.
    return this.open(ref).then(
      () => undefined,
      () => undefined,
    );
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

  /**
   * Reads afresh, into the open sessions, the layers of `change`'s document another window saved to
   * (only its layer, when it names one), keeping each session with its unsaved changes and the undo
   * history that still holds (DocumentSession.rebase). Reads of one session run one after another,
   * and requests made while one waits share it; a read during which one of this window's saves was
   * acknowledged is made again (the stored version may lack that save).
   * @returns isTaken false when a session kept its own version (its unsaved changes do not fit the
   *   stored one, or its saves kept landing); the sentences saying which undo history was cleared
   * @throws what getDocument throws
   */
  async reload(change: ChangedLayer): Promise<ReloadResult> {
    const keys = [...this.sessions]
      .filter(([, s]) => s.doc.id === change.docId && (change.layer === undefined || change.layer === s.layer))
      .map(([key]) => key);
    return summed(await Promise.all(keys.map((key) => this.reloadOne(key))));
  }

  /**
   * Catches up after the change feed was down (what changed meanwhile is not known): the sessions of
   * the shown document (its layer on screen, and the layers curation shows beside it) and every
   * session with unsaved changes are read afresh, as `reload` does; the others are forgotten, to be
   * read afresh when opened again (reading every layer the window ever opened costs one read each for nothing).
   * @param shown the document on screen, if any
   */
  async catchUp(shown: DocId | null): Promise<ReloadResult> {
    for (const [key, session] of this.sessions) if (session.doc.id !== shown) this.forget(key, session);
    return summed(await Promise.all([...this.sessions.keys()].map((key) => this.reloadOne(key))));
  }

  private reloadOne(key: string): Promise<RebaseResult> {
    const waiting = this.waiting.get(key);
    if (waiting) return waiting;
    const before = this.reloading.get(key) ?? Promise.resolve(TAKEN);
    const next = before
      .catch(() => TAKEN) // the earlier read's failure was reported to its caller
      .then(() => {
        this.waiting.delete(key);
        return this.readInto(key);
      });
    this.waiting.set(key, next);
    this.reloading.set(key, next);
    const done = () => void (this.reloading.get(key) === next && this.reloading.delete(key));
    next.then(done, done);
    return next;
  }

  private async readInto(key: string): Promise<RebaseResult> {
    for (let read = 0; read < MAX_READS; read++) {
      const session = this.sessions.get(key);
      if (!session) return TAKEN; // forgotten meanwhile: the next open reads it afresh
      const acks = session.acknowledged;
      const layer = session.layer;
      const stored = await this.api.getDocument({ docId: session.doc.id, ...(layer === undefined ? {} : { layer }) });
      if (this.sessions.get(key) !== session) return TAKEN;
      if (session.acknowledged === acks) return session.rebase(stored);
    }
    return { isTaken: false, historyCleared: null };
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
