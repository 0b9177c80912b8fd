/**
 * One git sync at a time per open workspace, as the window sees it: startSync begins one (or
 * returns the one under way), getStatus tells its step, and the outcome stays until the next.
 * The work is services/sync; this only keeps its status for polling.
 */
import { ApiError, type SyncStatus } from '../../shared/api';
import { syncWorkspace } from './sync/sync';
import type { Workspace } from './workspace';

export class SyncRunner {
  private status: SyncStatus = { state: 'idle', step: null, message: 'Not synced yet in this session' };
  private running: Promise<void> | null = null;

  /**
   * @param workspace the open workspace (read at every start: File > Open swaps it)
   * @param annotator the analyst's name (read at every start: Preferences change it)
   */
  constructor(
    private readonly workspace: () => Workspace,
    private readonly annotator: () => string,
  ) {}

  /** Starts a sync unless one is running. @returns the status at once */
  start(): SyncStatus {
    if (this.running) return this.status;
    const ws = this.workspace();
    const reason = ws.readOnlyReason();
    if (reason) throw new ApiError('CONFLICT', reason);
    this.status = { state: 'running', step: 'checking', message: 'Checking the repository…' };
    this.running = syncWorkspace(ws.syncTarget(this.annotator()), {
      onProgress: (p) => {
        if (this.status.state === 'running') this.status = { state: 'running', step: p.step, message: p.message };
      },
    })
      .then((result) => {
        const documents = new Set(result.changedPaths.filter((p) => p.startsWith('documents/')).map((p) => p.split('/')[1])).size;
        this.status = {
          state: 'done',
          step: 'done',
          message: result.summary,
          changedDocuments: documents,
          conflicts: result.conflicts,
          finishedAt: new Date().toISOString(),
        };
      })
      .catch((err: unknown) => {
        const message =
          err instanceof ApiError
            ? err.message
            : `The sync failed: ${(err as Error).message ?? String(err)}; check that the workspace folder and its .git folder are writable, then sync again (your work is saved)`;
        this.status = { state: 'failed', step: null, message, finishedAt: new Date().toISOString() };
      })
      .finally(() => {
        this.running = null;
      });
    ws.keepOpenUntil(this.running);
    return this.status;
  }

  /** The running or last sync. */
  get(): SyncStatus {
    return this.status;
  }
}
