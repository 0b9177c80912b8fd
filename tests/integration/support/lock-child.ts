/** The workspace lock taken from a separate Node process, as a second Claimdesk would. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * Acquires the workspace lock of `dir` in a child Node process, reports what it got, and releases it.
 * @returns whether the child was read-only, and then the pid of the holder it was told of
 * @throws Error with the child's stderr when it fails
 */
export function acquireInChild(dir: string): { isReadOnly: boolean; holderPid?: number } {
  const script = `import { acquireWorkspaceLock } from ${JSON.stringify(join(ROOT, 'electron/services/store/workspace-lock.ts'))};
const lock = await acquireWorkspaceLock(${JSON.stringify(dir)});
console.log(JSON.stringify({ isReadOnly: lock.isReadOnly, holderPid: lock.isReadOnly ? lock.holder.pid : undefined }));
await lock.release();`;
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(res.stderr);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!) as { isReadOnly: boolean; holderPid?: number };
}
