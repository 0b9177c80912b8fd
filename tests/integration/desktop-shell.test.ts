/**
 * The desktop shell's workspace decisions (electron/desktop/shell.ts) on real workspaces in temp
 * folders, the way main.ts drives them: the workspace opened at launch is watched, Open
 * Workspace on the open folder keeps its lock, a second launch's --workspace is opened (also
 * when it arrives during startup), and quit closes the workspace.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchData } from '../../electron/desktop/command-line';
import { DesktopShell, type LaunchPlan } from '../../electron/desktop/shell';
import { LOCK_FILE } from '../../electron/services/store/workspace-lock';
import { acquireInChild } from './support/lock-child';
import { tempDir } from './support/temp';
import { until } from './support/wait';

/** The lock file's holder pid, or null when there is no lock file. */
async function lockHolderPid(dir: string): Promise<number | null> {
  try {
    return (JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as { pid: number }).pid;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** The number of fs.watch handles this process holds (positive evidence that watchers exist or are gone). */
function fsWatchers(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'FSEventWrap').length;
}

/** A plan that opens `dir` as if given with --workspace, falling back to a throwaway folder. */
function planFor(dir: string, fallback: string): LaunchPlan {
  return { requested: dir, recent: [], fallback: { dir: fallback } };
}

describe('the desktop shell at launch', () => {
  it('watches the workspace it opens: a claimdesk.json deleted by another program is written back', async () => {
    const base = await tempDir();
    const dir = join(base, 'claims');
    const shell = new DesktopShell();
    await shell.launch(planFor(dir, join(base, 'default')));
    await rm(join(dir, 'claimdesk.json'));
    const text = await until(
      () => readFile(join(dir, 'claimdesk.json'), 'utf8').catch(() => null),
      (t) => t !== null,
    );
    expect(JSON.parse(text!)).toMatchObject({ documents: [] });
    await shell.quit();
  });

  it('watches the default workspace too, when nothing is asked for and nothing is recent', async () => {
    const base = await tempDir();
    const fallback = join(base, 'default');
    const shell = new DesktopShell();
    const before = fsWatchers();
    const workspace = await shell.launch({ recent: [join(base, 'gone')], fallback: { dir: fallback } });
    expect(workspace?.path).toBe(fallback);
    expect(fsWatchers()).toBeGreaterThan(before);
    await shell.quit();
  });
});

describe('Open Workspace', () => {
  it('on the folder already open keeps it open and locked: a second Claimdesk still finds it held', async () => {
    const base = await tempDir();
    const dir = join(base, 'claims');
    const shell = new DesktopShell();
    const first = await shell.launch(planFor(dir, join(base, 'default')));
    for (const same of [dir, `${dir}/`, join(dir, '..', 'claims')]) {
      expect(await shell.switchTo(same)).toEqual({ kind: 'unchanged' });
      expect(shell.session.current).toBe(first);
      expect(await lockHolderPid(dir)).toBe(process.pid);
      expect(acquireInChild(dir)).toEqual({ isReadOnly: true, holderPid: process.pid });
    }
    await shell.quit();
  });

  it('on the open folder while it is read-only here opens it again, taking the lock its holder let go', async () => {
    const base = await tempDir();
    const dir = join(base, 'claims');
    await mkdir(dir);
    const holder = { pid: 4242, host: 'other-laptop', user: 'ann', since: '2026-11-27T09:00:00Z' };
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(holder));
    const shell = new DesktopShell();
    await shell.launch(planFor(dir, join(base, 'default')));
    expect(shell.session.current.readOnlyReason()).toMatch(/ann on other-laptop/);
    await rm(join(dir, LOCK_FILE)); // ann closed it there
    expect(await shell.switchTo(dir)).toEqual({ kind: 'switched' });
    expect(shell.session.current.readOnlyReason()).toBeNull();
    expect(await lockHolderPid(dir)).toBe(process.pid);
    await shell.quit();
  });

  it('on another folder opens and watches it and releases the one before', async () => {
    const base = await tempDir();
    const [a, b] = [join(base, 'a'), join(base, 'b')];
    const shell = new DesktopShell();
    await shell.launch(planFor(a, join(base, 'default')));
    expect(await shell.switchTo(b)).toEqual({ kind: 'switched' });
    expect(shell.session.current.path).toBe(b);
    expect(await lockHolderPid(a)).toBeNull();
    expect(await lockHolderPid(b)).toBe(process.pid);
    await rm(join(b, 'claimdesk.json'));
    await until(
      () => readFile(join(b, 'claimdesk.json'), 'utf8').catch(() => null),
      (t) => t !== null,
    );
    await shell.quit();
  });
});

describe('quit', () => {
  it('closes the workspace: the lock file is gone, a second Claimdesk can write, the watchers are closed', async () => {
    const base = await tempDir();
    const dir = join(base, 'claims');
    const before = fsWatchers();
    const shell = new DesktopShell();
    await shell.launch(planFor(dir, join(base, 'default')));
    expect(shell.isClosed).toBe(false);
    await shell.quit();
    expect(shell.isClosed).toBe(true);
    expect(await lockHolderPid(dir)).toBeNull();
    expect(acquireInChild(dir)).toEqual({ isReadOnly: false });
    expect(fsWatchers()).toBe(before);
    await shell.quit(); // a second quit (will-quit after app.quit()) has nothing left to do
  });

  it('waits for a switch under way and closes what it opened; nothing is opened after quit', async () => {
    const base = await tempDir();
    const [a, b, c] = [join(base, 'a'), join(base, 'b'), join(base, 'c')];
    const shell = new DesktopShell();
    await shell.launch(planFor(a, join(base, 'default')));
    const switching = shell.switchTo(b);
    await shell.quit();
    expect(await switching).toEqual({ kind: 'switched' });
    expect([await lockHolderPid(a), await lockHolderPid(b)]).toEqual([null, null]);
    await mkdir(c);
    expect(await shell.switchTo(c)).toEqual({ kind: 'closed' });
    expect(await lockHolderPid(c)).toBeNull();
  });

  it('before the launch workspace is open leaves nothing open: the launch opens nothing', async () => {
    const base = await tempDir();
    const dir = join(base, 'claims');
    const shell = new DesktopShell();
    await shell.quit();
    expect(await shell.launch(planFor(dir, join(base, 'default')))).toBeNull();
    expect(await lockHolderPid(dir)).toBeNull();
  });
});

describe('a second launch (second-instance)', () => {
  it('opens the --workspace it names, resolved against its own working directory', async () => {
    const base = await tempDir();
    const elsewhere = join(base, 'shell-dir');
    await mkdir(elsewhere);
    const shell = new DesktopShell();
    await shell.launch(planFor(join(base, 'a'), join(base, 'default')));
    const data = launchData(['/opt/claimdesk/claimdesk', '--workspace', './claims'], false, elsewhere);
    // Electron's argv and working directory are the fallback; additionalData wins.
    const outcome = await shell.secondInstance(data, ['/opt/claimdesk/claimdesk', '--original-process-start-time=1'], '/');
    expect(outcome).toEqual({ kind: 'switched' });
    expect(shell.session.current.path).toBe(join(elsewhere, 'claims'));
    expect(await lockHolderPid(join(base, 'a'))).toBeNull();
    await shell.quit();
  });

  it('reads Electron’s argv and working directory when there is no additionalData (an older Claimdesk)', async () => {
    const base = await tempDir();
    const shell = new DesktopShell({ hasAppPath: true });
    await shell.launch(planFor(join(base, 'a'), join(base, 'default')));
    const argv = ['/usr/bin/electron', '--no-sandbox', '/repo', '--workspace=b', '--original-process-start-time=1'];
    expect(await shell.secondInstance(undefined, argv, base)).toEqual({ kind: 'switched' });
    expect(shell.session.current.path).toBe(join(base, 'b'));
    await shell.quit();
  });

  it('only comes to the front without --workspace, or for the folder already open', async () => {
    const base = await tempDir();
    const dir = join(base, 'a');
    const shell = new DesktopShell();
    const first = await shell.launch(planFor(dir, join(base, 'default')));
    expect(await shell.secondInstance(launchData(['claimdesk'], false, base), [], base)).toEqual({ kind: 'focus' });
    expect(await shell.secondInstance(launchData(['claimdesk', '--workspace', 'a'], false, base), [], '/')).toEqual({ kind: 'unchanged' });
    expect(shell.session.current).toBe(first);
    expect(acquireInChild(dir)).toMatchObject({ isReadOnly: true });
    await shell.quit();
  });

  it('says what is wrong with its options and what could not be opened, keeping the open workspace', async () => {
    const base = await tempDir();
    const shell = new DesktopShell();
    const first = await shell.launch(planFor(join(base, 'a'), join(base, 'default')));
    expect(await shell.secondInstance(launchData(['claimdesk', '--port', 'x'], false, base), [], base)).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('--port'),
    });
    const file = join(base, 'a', 'claimdesk.json'); // a file where a folder is expected
    expect(await shell.secondInstance(launchData(['claimdesk', '--workspace', file], false, base), [], base)).toMatchObject({
      kind: 'failed',
      dir: file,
    });
    expect(shell.session.current).toBe(first);
    await shell.quit();
  });

  it('arriving during startup (before the launch workspace is even asked for), is handled once it is open, not lost', async () => {
    const base = await tempDir();
    const [a, b] = [join(base, 'a'), join(base, 'b')];
    const shell = new DesktopShell();
    const second = shell.secondInstance(launchData(['claimdesk', '--workspace', 'b'], false, base), [], base);
    await shell.launch(planFor(a, join(base, 'default')));
    expect(await second).toEqual({ kind: 'switched' });
    expect(shell.session.current.path).toBe(b);
    expect([await lockHolderPid(a), await lockHolderPid(b)]).toEqual([null, process.pid]);
    await shell.quit();
  });
});
