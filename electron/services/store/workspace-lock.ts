/**
 * One writer per workspace. The first Claimdesk to open a folder writes `.claimdesk.lock`
 * (who, where, which process) and refreshes it every HEARTBEAT_MS; a second one opens the
 * workspace read-only and can say who holds it. A lock left by a crashed process is stale
 * and taken over: on the same machine when its process is gone, from another machine (a
 * shared folder) when its heartbeat is older than STALE_MS.
 */
import { readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { defaultAuthor } from '../app-paths';

export const LOCK_FILE = '.claimdesk.lock';
const HEARTBEAT_MS = 30_000;
const STALE_MS = 120_000;

/** Who holds a workspace. */
export type LockHolder = Readonly<{ pid: number; host: string; user: string; since: string }>;

/** The outcome of opening a workspace: writable (we hold the lock) or read-only (someone else does). */
export type WorkspaceLock =
  Readonly<{ isReadOnly: false; release: () => Promise<void> }> | Readonly<{ isReadOnly: true; holder: LockHolder; release: () => Promise<void> }>;

/** A sentence for the user about who holds the workspace. */
export function describeHolder(holder: LockHolder): string {
  return `${holder.user} on ${holder.host} (process ${holder.pid}, since ${holder.since})`;
}

/**
 * Takes the workspace lock, or reports its live holder.
 * @param dir the workspace folder (must exist)
 * @returns the lock; call release() when closing the workspace
 */
export async function acquireWorkspaceLock(dir: string, now: () => Date = () => new Date()): Promise<WorkspaceLock> {
  const path = join(dir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), user: defaultAuthor(), since: now().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(path, JSON.stringify(me, null, 2) + '\n', { flag: 'wx' });
      return heldLock(path, me);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await readHolder(path);
    if (holder && holder.pid === me.pid && holder.host === me.host) return heldLock(path, me);
    if (holder && !(await isStale(path, holder))) return { isReadOnly: true, holder, release: async () => undefined };
    // Stale or unreadable: replace it atomically, then loop to confirm nobody raced us.
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(me, null, 2) + '\n');
    await rename(temp, path);
    const confirmed = await readHolder(path);
    if (confirmed && confirmed.pid === me.pid && confirmed.host === me.host) return heldLock(path, me);
  }
  const holder = (await readHolder(path)) ?? { pid: 0, host: 'unknown', user: 'unknown', since: 'unknown' };
  return { isReadOnly: true, holder, release: async () => undefined };
}

function heldLock(path: string, me: LockHolder): WorkspaceLock {
  const timer = setInterval(() => {
    const t = new Date();
    // A failed heartbeat only risks another machine thinking the lock stale later; nothing to tell the user now.
    utimes(path, t, t).catch(() => undefined);
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    isReadOnly: false,
    release: async () => {
      clearInterval(timer);
      const holder = await readHolder(path);
      if (holder && holder.pid === me.pid && holder.host === me.host) await rm(path, { force: true });
    },
  };
}

async function readHolder(path: string): Promise<LockHolder | null> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string') return null;
    return { pid: data.pid, host: data.host, user: String(data.user ?? 'unknown'), since: String(data.since ?? 'unknown') };
  } catch {
    // Missing or half-written lock: treated as no holder, so it is replaced.
    return null;
  }
}

async function isStale(path: string, holder: LockHolder): Promise<boolean> {
  if (holder.host === hostname()) return !isAlive(holder.pid);
  const age = Date.now() - (await stat(path)).mtimeMs;
  return age > STALE_MS;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
