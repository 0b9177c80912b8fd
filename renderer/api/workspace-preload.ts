/**
 * The first load of the workspace and its document list, started by the renderer's entry
 * before the app's code is evaluated, so the service prepares the list while that code starts.
 * useWorkspace begins with it. This module imports nothing that does work when evaluated (the
 * app's formatters start the browser's locale data, which takes tens of milliseconds).
 */
import type { ClaimdeskApi, WorkspaceInfo } from '../../shared/api';
import type { DocumentRow } from '../../shared/model/types';

/** A workspace and its document list, loaded together. */
export type LoadedWorkspace = Readonly<{ info: WorkspaceInfo; rows: readonly DocumentRow[] }>;

/** A load started by `preloadWorkspace`. */
export type WorkspacePreload = Readonly<{
  /** The workspace and its list. */
  promise: Promise<LoadedWorkspace>;
  /** Its result once it has arrived, else null. */
  loaded: () => LoadedWorkspace | null;
  /** Settles once the list has been asked for (or the workspace failed). */
  listRequested: Promise<void>;
  /** Settles once the load has arrived or failed. */
  settled: Promise<void>;
}>;

const preloads = new WeakMap<ClaimdeskApi, WorkspacePreload>();

/**
 * Starts loading the workspace and then its document list (the list is asked for once the
 * workspace has answered, as in every load, so the list is never older than the answer's revision).
 * A failure is reported by useWorkspace, which awaits the load.
 */
export function preloadWorkspace(api: ClaimdeskApi): WorkspacePreload {
  const info = api.getWorkspace();
  const rows = info.then(() => api.listDocuments());
  let loaded: LoadedWorkspace | null = null;
  const promise = Promise.all([info, rows]).then(([i, r]) => (loaded = { info: i, rows: r }));
  const preload: WorkspacePreload = { promise, loaded: () => loaded, listRequested: settledOf(info), settled: settledOf(promise) };
  preloads.set(api, preload);
  return preload;
}

const settledOf = (p: Promise<unknown>): Promise<void> =>
  p.then(
    () => undefined,
    () => undefined,
  );

/** The load `preloadWorkspace(api)` started, or undefined when it was not called. */
export function workspacePreload(api: ClaimdeskApi): WorkspacePreload | undefined {
  return preloads.get(api);
}
