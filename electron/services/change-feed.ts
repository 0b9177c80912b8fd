/**
 * The change feed (#12): every acknowledged write to the workspace through the API (a change, a
 * status, a schema edit, an import, a restore, a deletion, curation starting) is published as a
 * ChangeEvent to whoever listens, so that every tab sees every saved change at once. The browser host
 * streams it to its tabs (electron/host.ts); the desktop app has one window per workspace and no
 * other writer, so it carries none. Changes made by other programs
 * keep reaching windows through `externalChanges`.
 *
 * It must not change what the API does: a call that fails publishes nothing, and a listener that
 * throws does not reach the caller.
 */
import type { ChangeEvent, ChangeKind, ClaimdeskApi } from '../../shared/api';
import { CURATED_LAYER } from '../../shared/model/layers';
import type { DocId } from '../../shared/model/types';

/** What a write changed, before the feed stamps it with the revision and the origin. */
type Change = Readonly<{ kind: ChangeKind; docId?: DocId; layer?: string | undefined }>;

/** Listeners to the acknowledged writes of one workspace session. */
export class ChangeFeed {
  private readonly listeners = new Set<(event: ChangeEvent) => void>();

  /** @param revision the open workspace's revision now (read after each write) */
  constructor(private readonly revision: () => number) {}

  /** Listens to every published change. @returns the unsubscribe function */
  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener about a write that was just acknowledged to `clientId` (absent: unknown origin). */
  publish(change: Change, clientId: string | undefined): void {
    const { kind, docId, layer } = change;
    const event: ChangeEvent = {
      revision: this.revision(),
      kind,
      ...(docId === undefined ? {} : { docId }),
      ...(layer === undefined ? {} : { layer }),
      ...(clientId === undefined ? {} : { clientId }),
    };
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        // A broken listener (a closed stream) must not fail the write that was already acknowledged.
        console.error('Claimdesk could not pass on a change:', err);
      }
    }
  }

  /**
   * The API as seen by one caller: the same methods, each write publishing its change once it has
   * been acknowledged.
   * @param clientId the caller's window, carried in each event (absent: unknown)
   */
  publishing(api: ClaimdeskApi, clientId: string | undefined): ClaimdeskApi {
    const after =
      <A, R>(call: (arg: A) => Promise<R>, change: (arg: A) => Change) =>
      async (arg: A): Promise<R> => {
        const result = await call(arg);
        this.publish(change(arg), clientId);
        return result;
      };
    return {
      ...api,
      applyChanges: after(api.applyChanges, ({ docId, layer }) => ({ kind: 'changes', docId, layer })),
      updateSchema: after(api.updateSchema, () => ({ kind: 'schema' })),
      importFiles: after(api.importFiles, () => ({ kind: 'import' })),
      restoreBackup: after(api.restoreBackup, ({ docId, layer }) => ({ kind: 'restore', docId, layer })),
      deleteDocument: after(api.deleteDocument, ({ docId }) => ({ kind: 'delete', docId })),
      restoreDocument: after(api.restoreDocument, ({ docId }) => ({ kind: 'restore', docId })),
      startCuration: after(api.startCuration, ({ docId }) => ({ kind: 'changes', docId, layer: CURATED_LAYER })),
    };
  }
}
