/**
 * The CLI's git commands: `claimdesk sync` (commit, fetch, merge, push the workspace; see
 * services/sync) and `claimdesk merge-file` (the git merge driver for workspace JSON files,
 * which git runs as `merge-file %O %A %B %P`). They print and return an exit code; cli.ts owns
 * opening the workspace and the mapping to documented exit codes.
 */
import { ApiError } from '../../shared/api';
import { runMergeDriver } from '../services/sync/merge-driver';
import { syncWorkspace, type SyncTarget } from '../services/sync/sync';

/** Where a command prints. */
export type SyncIo = { out(line: string): void; err(line: string): void };

/**
 * Syncs the workspace, printing each step and the summary.
 * @returns 0 when synced, 1 when the sync failed (its message, which says what to do, printed)
 */
export async function runSyncCommand(target: SyncTarget, io: SyncIo): Promise<number> {
  try {
    const result = await syncWorkspace(target, { onProgress: (p) => (p.step === 'done' ? undefined : io.out(p.message)) });
    io.out(result.summary);
    return 0;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    io.err(`claimdesk sync: ${err.message}`);
    return 1;
  }
}

const USAGE = 'usage: claimdesk merge-file <ancestor> <ours> <theirs> <path> (git runs it as the merge driver: %O %A %B %P)';

/**
 * Runs the merge driver on `<ancestor> <ours> <theirs> <path>`.
 * @returns 0 when merged into <ours>, 1 when a version cannot be read (git then marks a conflict), 2 for bad arguments
 */
export async function runMergeFileCommand(
  args: readonly string[],
  io: SyncIo = { out: (l) => console.log(l), err: (l) => console.error(l) },
): Promise<number> {
  const [base, ours, theirs, path] = args;
  if (args.length !== 4 || base === undefined || ours === undefined || theirs === undefined || path === undefined) {
    io.err(USAGE);
    return 2;
  }
  return runMergeDriver(base, ours, theirs, path, (line) => io.err(line));
}
