import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSyncCommand } from '../../electron/cli/sync';
import { PUSH_RETRIES, syncWorkspace } from '../../electron/services/sync/sync';
import type { SyncErrorKind } from '../../electron/services/sync/git';
import { tempDir } from './support/temp';
import {
  DOC,
  TEST_DRIVER,
  ann,
  cloneOf,
  git,
  makeRemote,
  readLayer,
  syncOk,
  targetFor,
  writeLayer,
  writeWorkspace,
  type TestTarget,
} from './support/sync-repos';

/** Syncs and returns the SyncError's kind and message (fails the test when the sync succeeds). */
async function failure(target: TestTarget): Promise<{ kind: SyncErrorKind; message: string; code: string }> {
  const err = await syncWorkspace(target, { mergeDriver: TEST_DRIVER }).then(
    () => null,
    (e: unknown) => e as { kind: SyncErrorKind; message: string; code: string },
  );
  if (err === null) throw new Error('the sync did not fail');
  return { kind: err.kind, message: err.message, code: err.code };
}

/** A git repository with a workspace and no remote. */
async function repoWithoutRemote(): Promise<string> {
  const dir = join(await tempDir(), 'ws');
  mkdirSync(dir);
  git(dir, 'init', '-q', '-b', 'main');
  writeWorkspace(dir);
  return dir;
}

describe('sync failures say what to do', () => {
  it('a folder outside any repository', async () => {
    const dir = await tempDir();
    writeWorkspace(dir);
    expect(await failure(targetFor(dir, 'alice'))).toMatchObject({
      kind: 'not-a-repository',
      code: 'IO',
      message: expect.stringMatching(/is not in a git repository.*git init/),
    });
  });

  it('a repository without a remote', async () => {
    expect(await failure(targetFor(await repoWithoutRemote(), 'alice'))).toMatchObject({
      kind: 'no-remote',
      message: 'the repository has no remote to sync with: add one (git remote add origin <url>), then sync again',
    });
  });

  it('no git on the PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = await tempDir();
    try {
      expect(await failure(targetFor(await tempDir(), 'alice'))).toMatchObject({
        kind: 'no-git',
        message: expect.stringContaining('install git (https://git-scm.com) and sync again'),
      });
    } finally {
      process.env.PATH = path;
    }
  });

  it.each([
    ['a path that does not exist', async () => join(await tempDir(), 'gone.git')],
    ['a port nothing listens on', async () => 'http://127.0.0.1:9/x.git'],
  ])('an unreachable remote (%s): the work stays committed locally', async (_name, url) => {
    const dir = await repoWithoutRemote();
    git(dir, 'remote', 'add', 'origin', await url());
    const { kind, message } = await failure(targetFor(dir, 'alice'));
    expect(kind).toBe('offline');
    expect(message).toMatch(/check your connection; your work is committed locally and will be pushed on the next sync$/);
    expect(git(dir, 'log', '-1', '--format=%s').trim()).toBe('Claimdesk sync by alice: 1 document');
  });

  it('credentials refused over SSH, with the user’s own SSH command kept', async () => {
    const dir = await repoWithoutRemote();
    git(dir, 'remote', 'add', 'origin', 'ssh://git@example.invalid/team/claims.git');
    process.env.GIT_SSH_COMMAND = `sh -c 'echo "git@example.invalid: Permission denied (publickey)." >&2; exit 255'`;
    try {
      expect(await failure(targetFor(dir, 'alice'))).toMatchObject({
        kind: 'auth',
        message: expect.stringContaining('set up your SSH key (ssh-add)'),
      });
    } finally {
      delete process.env.GIT_SSH_COMMAND;
    }
  });

  it('a server asking for a password: no prompt, a refusal at once', async () => {
    const server = createServer((_req, res) => res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="claims"' }).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const dir = await repoWithoutRemote();
      git(dir, 'remote', 'add', 'origin', `http://127.0.0.1:${(server.address() as AddressInfo).port}/claims.git`);
      expect(await failure(targetFor(dir, 'alice'))).toMatchObject({ kind: 'auth', message: expect.stringContaining('HTTPS credential helper') });
    } finally {
      server.close();
    }
  });

  it('a merge already under way', async () => {
    const dir = await repoWithoutRemote();
    git(dir, 'remote', 'add', 'origin', await makeRemote());
    writeFileSync(join(dir, '.git', 'MERGE_HEAD'), `${'0'.repeat(40)}\n`);
    expect(await failure(targetFor(dir, 'alice'))).toMatchObject({
      kind: 'merge-in-progress',
      code: 'CONFLICT',
      message: expect.stringContaining('git merge --abort'),
    });
  });

  it('the CLI prints the failure and answers 1', async () => {
    const lines: string[] = [];
    const code = await runSyncCommand(targetFor(await repoWithoutRemote(), 'alice'), { out: () => undefined, err: (l) => lines.push(l) });
    expect(code).toBe(1);
    expect(lines).toEqual(['claimdesk sync: the repository has no remote to sync with: add one (git remote add origin <url>), then sync again']);
  });
});

describe('sync when the remote moves on meanwhile', () => {
  /** alice's and bob's clones of a shared workspace, each with a change to push. */
  async function twoClones() {
    const remote = await makeRemote();
    const alice = await cloneOf(remote);
    writeWorkspace(alice);
    await syncOk(targetFor(alice, 'alice'));
    const bob = await cloneOf(remote);
    return { alice, bob };
  }

  it('merges again and pushes when another clone pushed between its fetch and its push', async () => {
    const { alice, bob } = await twoClones();
    writeLayer(bob, DOC, 'bob', [ann('b1', 'Claim', 'the budget', 'bob')]);
    const target = targetFor(bob, 'bob');
    let calls = 0;
    target.before = async () => {
      // The second exclusive task is bob's merge, after his fetch: alice pushes just before it, so
      // bob merges what he fetched and the remote refuses his push.
      if (++calls !== 2) return;
      writeLayer(alice, DOC, 'alice', [ann('a1', 'Source', 'officials')]);
      await syncOk(targetFor(alice, 'alice'));
    };
    const messages: string[] = [];
    const result = await syncOk(target, { onProgress: (p) => messages.push(p.message) });
    expect(messages).toContain('origin moved on meanwhile: fetching again…');
    expect(result).toMatchObject({ pushed: true, changedPaths: [`documents/${DOC}/layers/alice.json`] });
    await syncOk(targetFor(alice, 'alice'));
    expect(readLayer(alice, DOC, 'bob').annotations.map((a) => a.id)).toEqual(['b1']);
  });

  it(`gives up after ${PUSH_RETRIES} retries, with the work merged and committed locally`, async () => {
    const { alice, bob } = await twoClones();
    writeLayer(bob, DOC, 'bob', [ann('b1', 'Claim', 'the budget', 'bob')]);
    const target = targetFor(bob, 'bob');
    let round = 0;
    target.before = async () => {
      writeLayer(alice, DOC, 'alice', [ann(`a${++round}`, 'Source', 'officials')]);
      await syncOk(targetFor(alice, 'alice'));
    };
    expect(await failure(target)).toMatchObject({ kind: 'remote-ahead', message: expect.stringContaining('sync again in a moment') });
    expect(git(bob, 'log', '--format=%s')).toContain('Claimdesk sync by bob: 1 document');
  });
});
