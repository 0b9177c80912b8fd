/**
 * One DocumentSession per document id for the lifetime of the window, so unsaved changes keep
 * saving and undo/redo history survives switching between documents. Loads each document
 * once (concurrent requests share the load); a failed load is forgotten so it can be retried.
 */
import type { ClaimdeskApi } from '../../shared/api';
import type { DocId, DocumentRow } from '../../shared/model/types';
import { DocumentSession, type Stash } from './document-session';

export type RegistryEvents = Readonly<{
  /** A save was acknowledged; `row` is the document's new index row. */
  onSaved: (row: DocumentRow) => void;
  /** The service refused a change, which was rolled back; `message` says why. */
  onRefused: (message: string) => void;
}>;

export class SessionRegistry {
  private readonly sessions = new Map<DocId, DocumentSession>();
  private readonly loading = new Map<DocId, Promise<DocumentSession>>();

  /**
   * @param stash where sessions keep unacknowledged changes across a reload (localStorage)
   */
  constructor(
    private readonly api: ClaimdeskApi,
    private readonly stash: Stash | null,
    private readonly events: RegistryEvents,
  ) {}

  /** The session of `docId` if it is open already. */
  get(docId: DocId): DocumentSession | undefined {
    return this.sessions.get(docId);
  }

  /**
   * The session of `docId`, loading the document the first time.
   * @throws what getDocument throws (the next call tries again)
   */
  open(docId: DocId): Promise<DocumentSession> {
    const open = this.sessions.get(docId);
    if (open) return Promise.resolve(open);
    const pending = this.loading.get(docId);
    if (pending) return pending;
    const load = this.api
      .getDocument({ docId })
      .then((doc) => {
        const session = new DocumentSession(doc, this.api, (row) => this.events.onSaved(row), this.stash);
        session.subscribeState((state) => {
          // A refusal is reported once, as it happens: the state moves on to "saved" right after.
          if (state.status === 'failed' && state.retryAt === undefined && state.error) this.events.onRefused(state.error);
        });
        this.sessions.set(docId, session);
        return session;
      })
      .finally(() => this.loading.delete(docId));
    this.loading.set(docId, load);
    return load;
  }

  /**
   * Forgets the sessions of `docIds` (all when absent) that have nothing waiting to be saved,
   * so that their documents are read afresh on next open (after a schema edit, or a change
   * made by another program). Sessions with unsaved changes are kept: their changes still go out.
   * @returns the ids that were kept because they had unsaved changes
   */
  drop(docIds?: Iterable<DocId>): DocId[] {
    const kept: DocId[] = [];
    for (const id of docIds ?? [...this.sessions.keys()]) {
      const session = this.sessions.get(id);
      if (!session) continue;
      if (session.state.pending > 0) {
        kept.push(id);
        continue;
      }
      session.dispose();
      this.sessions.delete(id);
    }
    return kept;
  }

  /** Stops every session's retry timers (the window is going away). */
  dispose(): void {
    for (const session of this.sessions.values()) session.dispose();
    this.sessions.clear();
  }
}
