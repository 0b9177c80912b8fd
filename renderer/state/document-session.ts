/**
 * The editing session of one layer of one document (#11: the analyst's own, the curated one, or
 * another annotator's, read-only): the local copy every change is applied to at once,
 * the queue of changes on their way to the store, and the undo/redo stacks. A change is a
 * list of operations; undo applies its inverse. Saves go out one batch at a time, in order;
 * a save that fails for a transient reason (I/O, host unreachable) is retried with back-off
 * and its changes stay queued, visible and stashed in localStorage until acknowledged. A
 * change the service refuses (INVALID_INPUT, NOT_FOUND, CONFLICT) is rolled back and reported,
 * never dropped silently. Every save names the session's layer. Another window's version of the
 * layer is taken in with `rebase`: unsaved changes on top, history that no longer holds dropped
 * (history-rebase.ts). No React here: components subscribe.
 */
import { ApiError, type ClaimdeskApi } from '../../shared/api';
import { applyOperations, invertAll, type Operation } from '../../shared/model/operations';
import type { DocumentData, DocumentRow } from '../../shared/model/types';
import { changesBetween } from './document-diff';
import { historyClearedMessage, rebaseHistory, rebasePending, stepDroppedMessage, type RebaseResult, type StepResult } from './history-rebase';
import { atNextFrameOrTask } from '../util/next-task';
import { PendingStash, type Stash } from './pending-stash';

export type { RebaseResult, Stash, StepResult };

/** Where saving stands, for the status bar. */
export type SaveState = Readonly<{
  status: 'saved' | 'saving' | 'failed';
  /** Changes (batches, one per apply) applied locally but not yet acknowledged. */
  pending: number;
  /** Why the last save failed, when it did. */
  error?: string;
  /** When the next retry is due (ms since epoch), while failed. */
  retryAt?: number;
}>;

/** What a subscriber hears after each change: the new document and the operations that made it. */
export type SessionEvent = Readonly<{ doc: DocumentData; ops: readonly Operation[] }>;

const RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000, 30_000];

/** Which layer a session edits (#11). */
export type SessionLayer = Readonly<{
  /** The layer's name, sent with every read and save; absent: the service's default (the analyst's own). */
  layer?: string;
  /** Also replay changes stashed before layers existed (under the document's id alone): set for the analyst's own layer. */
  readsLegacyStash?: boolean;
}>;

export class DocumentSession {
  private current: DocumentData;
  private readonly undoStack: Operation[][] = [];
  private readonly redoStack: Operation[][] = [];
  private readonly queue: Operation[][] = [];
  private saveState: SaveState = { status: 'saved', pending: 0 };
  private isFlushing = false;
  private failures = 0;
  private acks = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private readonly stateListeners = new Set<(state: SaveState) => void>();
  private readonly stash: PendingStash;
  /**
   * Why this window must not change the layer (another annotator's), or null. Set by the
   * registry; the annotating hooks refuse changes with this sentence before they reach the session.
   */
  readOnlyReason: string | null = null;

  /**
   * @param doc the document as loaded from the store
   * @param api the client to save through
   * @param onSaved called with the document's index row after each acknowledged save
   * @param stash where unacknowledged changes are kept across a window reload
   * @param where which layer this session edits (absent: the service's default layer)
   */
  constructor(
    doc: DocumentData,
    private readonly api: ClaimdeskApi,
    private readonly onSaved: (row: DocumentRow) => void,
    stash: Stash | null,
    private readonly where: SessionLayer = {},
  ) {
    this.current = doc;
    this.stash = new PendingStash(stash, doc.id, where.layer, where.readsLegacyStash === true);
    this.restoreStash();
  }

  /** The layer this session edits, or undefined for the service's default. */
  get layer(): string | undefined {
    return this.where.layer;
  }

  /** The document with every local change applied. */
  get doc(): DocumentData {
    return this.current;
  }

  get state(): SaveState {
    return this.saveState;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Listens to document changes. @returns the unsubscribe function */
  subscribe(listener: (event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listens to save-state changes. @returns the unsubscribe function */
  subscribeState(listener: (state: SaveState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /**
   * Applies a change now and queues it for saving; it becomes one undo step.
   * @throws OperationError when the change does not fit the document (nothing is applied)
   */
  apply(change: readonly Operation[]): void {
    if (change.length === 0) return;
    if (this.readOnlyReason !== null) throw new RangeError(this.readOnlyReason);
    this.commit([...change]);
    this.undoStack.push([...change]);
    this.redoStack.length = 0;
  }

  /** Undoes the last change (if any); one whose inverse no longer fits the document is dropped from the history and said. */
  undo(): StepResult {
    return this.step(this.undoStack, this.redoStack, invertAll, 'undo');
  }

  /** Redoes the last undone change (if any); one that no longer fits the document is dropped from the history and said. */
  redo(): StepResult {
    return this.step(this.redoStack, this.undoStack, (change) => change, 'redo');
  }

  private step(from: Operation[][], to: Operation[][], run: (change: Operation[]) => Operation[], verb: 'undo' | 'redo'): StepResult {
    const change = from.pop();
    if (!change) return { status: 'empty' };
    const ops = run(change);
    try {
      this.commit(ops);
    } catch (err) {
      // commit changes nothing when the operations do not fit; the step would fail again, so it goes.
      return { status: 'dropped', message: stepDroppedMessage(verb, change, err) };
    }
    to.push(change);
    return { status: 'done', change, ops };
  }

  /** How many saves the service has acknowledged so far (a reload checks that none landed while it read the layer). */
  get acknowledged(): number {
    return this.acks;
  }

  /**
   * Takes `stored` (this layer as the service holds it, with another window's changes) as the
   * document, with the unacknowledged changes replayed on top (rebasePending: an attribute change
   * keeps the other window's keys) and the undo/redo steps that no longer hold dropped
   * (rebaseHistory); listeners hear the difference as operations.
   * @returns whether `stored` was taken (not when the unacknowledged changes do not fit it: they are
   *   still sent, and refused and rolled back as usual), and the sentence saying which history went
   */
  rebase(stored: DocumentData): RebaseResult {
    let replayed: ReturnType<typeof rebasePending>;
    try {
      replayed = rebasePending(stored, this.queue);
    } catch {
      return { isTaken: false, historyCleared: null };
    }
    const ops = changesBetween(this.current, replayed.doc);
    this.current = replayed.doc;
    this.queue.splice(0, this.queue.length, ...replayed.queue);
    this.writeStash();
    const history = rebaseHistory(this.current, { undo: this.undoStack, redo: this.redoStack }, ops);
    this.undoStack.splice(0, this.undoStack.length, ...history.undo);
    this.redoStack.splice(0, this.redoStack.length, ...history.redo);
    if (ops.length > 0) this.emit(ops);
    return { isTaken: true, historyCleared: historyClearedMessage(history.dropped) };
  }

  /** Retries a failed save now instead of waiting for the back-off. */
  retryNow(): void {
    clearTimeout(this.retryTimer);
    void this.flush();
  }

  /** Stops retry timers (the session is being discarded). */
  dispose(): void {
    clearTimeout(this.retryTimer);
    this.listeners.clear();
    this.stateListeners.clear();
  }

  private commit(ops: Operation[]): void {
    this.current = applyOperations(this.current, ops);
    this.queue.push(ops);
    this.writeStash();
    // Sent after the event that made the change, so that the event stays short (sent from a
    // microtask instead, the key's own work grew by 1-3 ms, past the 8 ms budget at 1 MB, #14),
    // but not in a task after it: after a key press Chromium runs no task of the page before the
    // frame that shows the change, and then React's render of the change, queued during the key,
    // before the save. From that frame's callbacks the request leaves first and the store works
    // on it while the frame and that render take the main thread (#14).
    atNextFrameOrTask(() => void this.flush());
    this.emit(ops);
    this.setState({ status: this.saveState.status === 'failed' ? 'failed' : 'saving', pending: this.pendingCount(), ...this.errorPart() });
  }

  private async flush(): Promise<void> {
    if (this.isFlushing) return;
    this.isFlushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue[0]!;
        this.setState({ ...this.saveState, status: 'saving', pending: this.pendingCount() });
        try {
          const layer = this.where.layer;
          const ack = await this.api.applyChanges({ docId: this.current.id, ops: batch, ...(layer === undefined ? {} : { layer }) });
          this.queue.shift();
          this.acks += 1;
          this.failures = 0;
          this.writeStash();
          this.onSaved(ack.row);
        } catch (err) {
          // Refusals that no retry can turn around: the change does not fit, its document is gone, or
          // it clashes with what is stored (an id taken by other content, a file Claimdesk will not overwrite).
          if (err instanceof ApiError && (err.code === 'INVALID_INPUT' || err.code === 'NOT_FOUND' || err.code === 'CONFLICT')) {
            this.rollBack(this.queue[0]!, err.message); // the batch as sent, or as rebased on another window's version meanwhile
            continue;
          }
          this.scheduleRetry(err instanceof Error ? err.message : String(err));
          return;
        }
      }
      this.setState({ status: 'saved', pending: 0 });
    } finally {
      this.isFlushing = false;
    }
  }

  /** The service refused a batch: take it out of the queue and the document, and say so. */
  private rollBack(batch: Operation[], reason: string): void {
    this.queue.shift();
    const inverse = invertAll(batch);
    this.current = applyOperations(this.current, inverse);
    const at = this.undoStack.findIndex((c) => c === batch || JSON.stringify(c) === JSON.stringify(batch));
    if (at !== -1) this.undoStack.splice(at, 1);
    this.writeStash();
    this.emit(inverse);
    this.setState({ status: 'failed', pending: this.pendingCount(), error: `A change could not be saved and was undone: ${reason}` });
  }

  private scheduleRetry(message: string): void {
    const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)]!;
    this.failures += 1;
    this.setState({ status: 'failed', pending: this.pendingCount(), error: message, retryAt: Date.now() + delay });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), delay);
  }

  /** Changes not yet saved, as the analyst made them (one per apply: a tag that also starts the document is one). */
  private pendingCount(): number {
    return this.queue.length;
  }

  private errorPart(): { error?: string } {
    return this.saveState.error ? { error: this.saveState.error } : {};
  }

  private emit(ops: readonly Operation[]): void {
    for (const listener of this.listeners) listener({ doc: this.current, ops });
  }

  private setState(state: SaveState): void {
    const was = this.saveState;
    // The same state again (a save going out right after the change that queued it) tells nobody: every listener is a re-render.
    if (state.status === was.status && state.pending === was.pending && state.error === was.error && state.retryAt === was.retryAt) return;
    this.saveState = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private writeStash(): void {
    this.stash.write(this.queue);
  }

  /** Re-applies changes a previous window applied but never saw acknowledged (operations are idempotent). */
  private restoreStash(): void {
    try {
      const batch = this.stash.read();
      if (batch === null) return;
      if (batch.length > 0) {
        this.current = applyOperations(this.current, batch);
        this.queue.push(batch);
      }
      this.saveState = { status: 'saving', pending: this.pendingCount() };
      void this.flush();
    } catch {
      // A stash that no longer applies (the document changed elsewhere) cannot be replayed; keep it aside for inspection.
      this.stash.setAside();
    }
  }
}
