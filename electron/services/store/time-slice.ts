/**
 * Long work in the services (importing a 20 MB article, writing its file) gives the event
 * loop a turn now and then, so that the process running it (the Electron main process or the
 * browser host) keeps answering other calls meanwhile. Plain Node; no work of its own.
 */
import { performance } from 'node:perf_hooks';

/** How long a stretch of work may hold the event loop before it yields. */
const SLICE_MS = 10;

/** A point where long work may yield: resolves at once while the current slice is short. */
export type Pause = () => Promise<void>;

/** @returns a pause that yields (one setImmediate turn) once SLICE_MS of work have passed since the last yield */
export function timeSlicer(): Pause {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < SLICE_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
