/**
 * The first load of the workspace and its document list, started by the renderer's entry
 * before the app's code has arrived, so the service prepares the list while that code loads and
 * starts. useWorkspace begins with it. One call (loadWorkspace): the workspace and the list come
 * in one answer, read at one revision. This module imports nothing that does work when evaluated
 * (the app's formatters start the browser's locale data, which takes tens of milliseconds).
 */
import type { ClaimdeskApi, LoadedWorkspace } from '../../shared/api';

/** A load started by `preloadWorkspace`. */
export type WorkspacePreload = Readonly<{
  /** The workspace and its list. */
  promise: Promise<LoadedWorkspace>;
  /** Its result once it has arrived, else null. */
  loaded: () => LoadedWorkspace | null;
  /** Settles once the load has arrived or failed. */
  settled: Promise<void>;
}>;

const preloads = new WeakMap<ClaimdeskApi, WorkspacePreload>();

/** Starts loading the workspace and its document list. A failure is reported by useWorkspace, which awaits the load. */
export function preloadWorkspace(api: ClaimdeskApi): WorkspacePreload {
  let loaded: LoadedWorkspace | null = null;
  const promise = api.loadWorkspace().then((answer) => (loaded = answer));
  const settled = promise.then(
    () => undefined,
    () => undefined,
  );
  const preload: WorkspacePreload = { promise, loaded: () => loaded, settled };
  preloads.set(api, preload);
  return preload;
}

/** The load `preloadWorkspace(api)` started, or undefined when it was not called. */
export function workspacePreload(api: ClaimdeskApi): WorkspacePreload | undefined {
  return preloads.get(api);
}
