/**
 * The open workspace and its document list, kept fresh by polling `getWorkspace()` every
 * 2 s and reloading the list only when the workspace's `revision` or `path` changed (imports
 * from Electron's menu and workspace switches happen in the main process and show up this
 * way). A failed poll is reported as `error` until a poll succeeds again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimdeskApi, WorkspaceInfo } from '../../shared/api';
import type { DocumentRow } from '../../shared/model/types';
import { describeError } from '../util/format';

/** How often the workspace is polled. */
export const POLL_INTERVAL_MS = 2000;

export type WorkspaceState = Readonly<{
  /** The workspace, or null until the first answer. */
  info: WorkspaceInfo | null;
  /** Its documents in import order, or null until the first list arrives. */
  rows: readonly DocumentRow[] | null;
  /** Why the last poll failed, or null when it succeeded. */
  error: string | null;
  /** Reloads the workspace and the list now. @throws what the API throws */
  refresh: () => Promise<void>;
}>;

/** Polls `api` for the workspace and its documents while mounted. */
export function useWorkspace(api: ClaimdeskApi): WorkspaceState {
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  const [rows, setRows] = useState<readonly DocumentRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seen = useRef<{ path: string; revision: number } | null>(null);
  const latestLoad = useRef(0);

  const load = useCallback(
    async (force: boolean) => {
      const id = ++latestLoad.current;
      const next = await api.getWorkspace();
      if (id !== latestLoad.current) return; // a newer load is under way; it decides
      setInfo((prev) => (prev && sameInfo(prev, next) ? prev : next));
      const last = seen.current;
      if (!force && last && last.path === next.path && last.revision === next.revision) return;
      const list = await api.listDocuments();
      if (id !== latestLoad.current) return;
      seen.current = { path: next.path, revision: next.revision };
      setRows(list);
    },
    [api],
  );

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        await load(false);
        if (!stopped) setError(null);
      } catch (err) {
        if (!stopped) setError(describeError('Cannot reach the workspace', err));
      }
      if (!stopped) timer = setTimeout(() => void tick(), POLL_INTERVAL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load]);

  const refresh = useCallback(() => load(true), [load]);
  return { info, rows, error, refresh };
}

function sameInfo(a: WorkspaceInfo, b: WorkspaceInfo): boolean {
  return a.path === b.path && a.revision === b.revision && a.name === b.name && a.documentCount === b.documentCount;
}
