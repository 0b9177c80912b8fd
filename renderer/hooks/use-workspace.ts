/**
 * The open workspace and its document list, kept fresh by polling `getWorkspace()` every
 * 2 s and reloading the list only when the workspace's `revision` or `path` changed (imports
 * from Electron's menu and workspace switches happen in the main process and show up this
 * way). A failed poll is reported as `error` until a poll succeeds again.
 *
 * Saves in this window change their document's row: `applyRow` patches that one row locally
 * (consumers read `patches` over `rows`), and the revision bumps those saves cause are
 * expected, so they do not make the next poll reload the whole list. Any other change does.
 * Every acknowledged save may bump the revision once (a layer file is written even when the row
 * stays the same, #11), and a replayed save none: a poll that finds at most the expected bumps
 * takes them as this window's own.
 *
 * The first load is the one the renderer's entry started (renderer/api/workspace-preload.ts)
 * when there is one: the hook begins with its result when it has arrived, else awaits it.
 *
 * The change feed (renderer/api/change-stream.ts) makes the poll at once when another window saved
 * something (and reloads the list then: that bump is not this window's), and when the feed's stream
 * (re)opens; the 2 s poll stays as the fallback while the stream is down.
 *
 * Rows carry the status and counts of the analyst's own layer (#11): a change of author name in
 * Preferences changes that layer, so it reloads the list too, and a save in another layer (the
 * curated one) is acknowledged with that layer's view of the row, which is turned back into the
 * analyst's own view before it patches the list.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimdeskApi, WorkspaceInfo } from '../../shared/api';
import type { DocId, DocumentRow } from '../../shared/model/types';
import { changeSourceOf } from '../api/change-stream';
import { workspacePreload, type WorkspacePreload } from '../api/workspace-preload';
import { ownRowOf } from '../state/layer-access';
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
  /** Rows changed by this window's saves since the list was loaded; newer than `rows`. */
  patches: ReadonlyMap<DocId, DocumentRow>;
  /** Reloads the workspace and the list now. @throws what the API throws */
  refresh: () => Promise<void>;
  /** Takes a row acknowledged by a save, without reloading the list. */
  applyRow: (row: DocumentRow) => void;
}>;

const NO_PATCHES: ReadonlyMap<DocId, DocumentRow> = new Map();

/** Where a mount begins: a preload's result when it has arrived, else its promise for the first load to await. */
function startOf(preload: WorkspacePreload | undefined) {
  const loaded = preload?.loaded() ?? null;
  return { loaded, pending: loaded ? null : (preload?.promise ?? null), known: new Map(loaded?.rows.map((row) => [row.id, row])) };
}

/** What a poll compares to tell whether the list must be reloaded. */
type Seen = Readonly<{ path: string; revision: number; annotator: string }>;

function seenOf(info: WorkspaceInfo): Seen {
  return { path: info.path, revision: info.revision, annotator: info.annotator };
}

/** Polls `api` for the workspace and its documents while mounted. */
export function useWorkspace(api: ClaimdeskApi): WorkspaceState {
  const [start] = useState(() => startOf(workspacePreload(api)));
  const [info, setInfo] = useState(start.loaded?.info ?? null);
  const [rows, setRows] = useState(start.loaded?.rows ?? null);
  const [error, setError] = useState<string | null>(null);
  const [patches, setPatches] = useState(NO_PATCHES);
  const seen = useRef<Seen | null>(start.loaded && seenOf(start.loaded.info));
  const latestLoad = useRef(0);
  // The rows as the service holds them, as far as this window knows, and how many index
  // rewrites (revision bumps) this window's saves have caused since the last poll.
  const known = useRef(start.known);
  const expectedBumps = useRef(0);
  const pending = useRef(start.pending);
  // The latest revision another window's write reached (from the change feed): bumps up to it are not this window's.
  const foreign = useRef(0);

  const load = useCallback(
    async (force: boolean) => {
      const id = ++latestLoad.current;
      const early = pending.current;
      pending.current = null;
      const preloaded = early ? await early : null;
      const next = preloaded?.info ?? (await api.getWorkspace());
      if (id !== latestLoad.current) return; // a newer load is under way; it decides
      setInfo((prev) => (prev && sameInfo(prev, next) ? prev : keepSchema(prev, next)));
      const last = seen.current;
      if (!force && last && last.path === next.path && last.annotator === next.annotator) {
        if (last.revision === next.revision) return;
        // Bumps this window's own saves caused need no new list, unless another program (a sync, a
        // colleague's layer) changed a document meanwhile: a save that changed nothing bumps nothing.
        const isExternal = next.externalChanges.some((c) => c.revision > last.revision) || foreign.current > last.revision;
        if (!isExternal && next.revision > last.revision && next.revision <= last.revision + expectedBumps.current) {
          seen.current = seenOf(next);
          expectedBumps.current = 0;
          return;
        }
      }
      const list = preloaded?.rows ?? (await api.listDocuments());
      if (id !== latestLoad.current) return;
      seen.current = seenOf(next);
      expectedBumps.current = 0;
      known.current = new Map(list.map((row) => [row.id, row]));
      setPatches(NO_PATCHES);
      setRows(list);
    },
    [api],
  );

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isPolling = false;
    let isWanted = false;
    const tick = async () => {
      isPolling = true;
      try {
        await load(false);
        if (!stopped) setError(null);
      } catch (err) {
        if (!stopped) setError(describeError('Cannot reach the workspace', err));
      }
      isPolling = false;
      if (stopped) return;
      if (isWanted) pollNow();
      else timer = setTimeout(() => void tick(), POLL_INTERVAL_MS);
    };
    /** Polls now, or right after the poll under way (which may have read the workspace before the change). */
    const pollNow = () => {
      isWanted = isPolling;
      if (isPolling) return;
      clearTimeout(timer);
      void tick();
    };
    void tick();
    const source = changeSourceOf(api);
    const unsubscribe = source?.subscribe({
      onOpen: pollNow,
      onChange: (event) => {
        if (event.clientId === source.clientId) return;
        foreign.current = Math.max(foreign.current, event.revision);
        pollNow();
      },
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe?.();
    };
  }, [api, load]);

  const refresh = useCallback(() => load(true), [load]);

  const applyRow = useCallback((acked: DocumentRow) => {
    const row = ownRowOf(acked, seen.current?.annotator ?? null);
    const before = known.current.get(row.id);
    if (!before) return;
    expectedBumps.current += 1;
    if (JSON.stringify(before) === JSON.stringify(row)) return; // an unchanged row is not patched
    known.current.set(row.id, row);
    setPatches((prev) => new Map(prev).set(row.id, row));
  }, []);

  return { info, rows, error, patches, refresh, applyRow };
}

/** `next`, keeping the previous schema object when the schema did not change (so the article is not redrawn). */
function keepSchema(prev: WorkspaceInfo | null, next: WorkspaceInfo): WorkspaceInfo {
  return prev && JSON.stringify(prev.schema) === JSON.stringify(next.schema) ? { ...next, schema: prev.schema } : next;
}

function sameInfo(a: WorkspaceInfo, b: WorkspaceInfo): boolean {
  return a.path === b.path && a.revision === b.revision && a.name === b.name && a.documentCount === b.documentCount && a.annotator === b.annotator;
}
