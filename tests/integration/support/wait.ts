/**
 * Waiting for a positive signal instead of sleeping: a probe polled until it holds, and a
 * DocumentSession's save state. Each fails loudly (or is caught by the test's timeout) rather than
 * passing because nothing was looked at yet.
 */
import type { DocumentSession, SaveState } from '../../../renderer/state/document-session';

/**
 * Polls `probe` every 50 ms until `ok` holds for what it returns.
 * @returns the first value that passes
 * @throws Error when none has after 5 s
 */
export async function until<T>(probe: () => T | Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await probe();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached in 5 s');
}

/**
 * Resolves with the session's save state once `want` holds for it (at once if it already does).
 * Never rejects: a state that never comes is caught by the test's timeout.
 */
export const untilSaveState = (session: DocumentSession, want: (s: SaveState) => boolean) =>
  new Promise<SaveState>((resolve) => {
    if (want(session.state)) return resolve(session.state);
    const off = session.subscribeState((s) => {
      if (want(s)) {
        off();
        resolve(s);
      }
    });
  });
