/** The workspace lock between real processes: one writer, a read-only second, stale locks recovered. */
import { spawnSync } from 'node:child_process';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireWorkspaceLock, LOCK_FILE } from '../../electron/services/store/workspace-lock';
import { acquireInChild } from './support/lock-child';
import { tempDir } from './support/temp';

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

describe('workspace lock', () => {
  it('makes a second process read-only, naming the holder, until the first releases', async () => {
    const dir = await tempDir();
    const lock = await acquireWorkspaceLock(dir);
    expect(lock.isReadOnly).toBe(false);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(acquireInChild(dir)).toEqual({ isReadOnly: true, holderPid: process.pid });
    await lock.release();
    expect(acquireInChild(dir)).toEqual({ isReadOnly: false });
  });

  it('recovers a stale lock left by a crashed process on this machine', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), user: 'ghost', since: '2026-01-01' }));
    const lock = await acquireWorkspaceLock(dir);
    expect(lock.isReadOnly).toBe(false);
    await lock.release();
  });

  it('respects a fresh lock from another machine and recovers one whose heartbeat stopped', async () => {
    const dir = await tempDir();
    const path = join(dir, LOCK_FILE);
    await writeFile(path, JSON.stringify({ pid: 4242, host: 'other-laptop', user: 'ann', since: '2026-11-27T09:00:00Z' }));
    const fresh = await acquireWorkspaceLock(dir);
    expect(fresh).toMatchObject({ isReadOnly: true, holder: { user: 'ann', host: 'other-laptop' } });
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(path, old, old);
    const taken = await acquireWorkspaceLock(dir);
    expect(taken.isReadOnly).toBe(false);
    await taken.release();
  });

  it('replaces a half-written lock file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_FILE), '{"pid": 12');
    const lock = await acquireWorkspaceLock(dir);
    expect(lock.isReadOnly).toBe(false);
    await lock.release();
  });
});
