/**
 * A git sync of the workspace as the window runs it (#11): `start` asks the service to sync (the
 * service runs git: commit, fetch, merge, push), then polls getSyncStatus every SYNC_POLL_MS while
 * it runs, so its steps can be shown; when it ends, `onFinished` hears the outcome (the window
 * reloads the list; open documents follow the workspace's external changes). A sync already under
 * way when the window opens (a reload) is picked up. A refusal to start (a read-only workspace)
 * becomes a failed status with the service's message, verbatim.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type ClaimdeskApi, type SyncStatus } from '../../shared/api';
import { useLatest } from './use-latest';

/** How often a running sync is polled. */
export const SYNC_POLL_MS = 500;

export type SyncState = Readonly<{
  /** The running or last sync this window knows of, or null before any. */
  status: SyncStatus | null;
  isRunning: boolean;
  /** Starts a sync, or does nothing while one runs. */
  start: () => void;
}>;

/** @param onFinished called once per sync that ends (done or failed) while the window watches it */
export function useSync(api: ClaimdeskApi, onFinished: (status: SyncStatus) => void): SyncState {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const finished = useLatest(onFinished);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const isMounted = useRef(true);

  const follow = useCallback(
    (next: SyncStatus) => {
      if (!isMounted.current) return;
      setStatus(next);
      clearTimeout(timer.current);
      if (next.state === 'running') {
        // A poll that fails (the host busy for a moment) is tried again: the sync goes on in the service.
        timer.current = setTimeout(() => {
          api.getSyncStatus().then(follow, () => follow(next));
        }, SYNC_POLL_MS);
      } else if (next.state === 'done' || next.state === 'failed') finished.current(next);
    },
    [api, finished],
  );

  useEffect(() => {
    isMounted.current = true;
    // Only a sync under way is taken up; the outcome of one from before the window opened is not news.
    api.getSyncStatus().then(
      (s) => s.state === 'running' && follow(s),
      () => undefined, // no sync status is no reason to bother the analyst: the button still works
    );
    return () => {
      isMounted.current = false;
      clearTimeout(timer.current);
    };
  }, [api, follow]);

  const isRunning = status?.state === 'running';
  const start = useCallback(() => {
    if (isRunning) return;
    setStatus({ state: 'running', step: 'checking', message: 'Starting the sync…' });
    api.startSync().then(follow, (err: unknown) => follow(failedWith(err)));
  }, [api, follow, isRunning]);

  return { status, isRunning, start };
}

/** A failure to reach the service or a refusal, as a failed sync with its message. */
function failedWith(err: unknown): SyncStatus {
  const message = err instanceof ApiError || err instanceof Error ? err.message : String(err);
  return { state: 'failed', step: null, message };
}
