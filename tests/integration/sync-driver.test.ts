import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMergeFileCommand } from '../../electron/cli/sync';
import { runMergeDriver } from '../../electron/services/sync/merge-driver';
import { defaultMergeDriverCommand, prepareRepository, shellQuote } from '../../electron/services/sync/repository';
import { syncWorkspace } from '../../electron/services/sync/sync';
import { SyncError } from '../../electron/services/sync/git';
import { buildNodeIfStale } from './support/built';
import { tempDir } from './support/temp';
import { DOC, TEST_DRIVER, ann, cloneOf, git, makeRemote, readLayer, syncOk, targetFor, writeLayer, writeWorkspace } from './support/sync-repos';

/** alice's layer pushed with c1 and s1; her desk and her laptop each then change it. */
async function layerEditedTwice(driver: string) {
  const remote = await makeRemote();
  const desk = await cloneOf(remote);
  writeWorkspace(desk);
  writeLayer(desk, DOC, 'alice', [ann('c1', 'Claim', 'the budget'), ann('s1', 'Source', 'The minister')]);
  await syncOk(targetFor(desk, 'alice'), { mergeDriver: driver });
  const laptop = await cloneOf(remote);
  await prepareRepository(laptop, driver);
  writeLayer(desk, DOC, 'alice', [
    ann('c1', 'Claim', 'the budget', 'alice', { note: 'desk' }),
    ann('s1', 'Source', 'The minister'),
    ann('c2', 'Claim', 'next year'),
  ]);
  writeLayer(laptop, DOC, 'alice', [ann('c1', 'Claim', 'the budget', 'alice', { note: 'laptop' }), ann('c3', 'Claim', 'ten percent')]);
  await syncOk(targetFor(desk, 'alice'), { mergeDriver: driver });
  return { desk, laptop };
}

const mergedIds = (root: string) =>
  readLayer(root, DOC, 'alice')
    .annotations.map((a) => a.id)
    .sort();

describe('the merge driver', () => {
  it('is run by git itself: a plain git pull merges a layer by content, with no conflict markers', async () => {
    const log = join(await tempDir(), 'driver.log');
    process.env.CLAIMDESK_TEST_DRIVER_LOG = log;
    try {
      const { laptop } = await layerEditedTwice(TEST_DRIVER);
      git(laptop, 'add', '-A');
      git(laptop, 'commit', '-q', '-m', 'laptop');
      git(laptop, 'pull', '-q', '--no-rebase', '--no-edit');
      expect(readFileSync(log, 'utf8')).toContain(`documents/${DOC}/layers/alice.json`);
      expect(mergedIds(laptop)).toEqual(['c1', 'c2', 'c3']);
      const text = readFileSync(join(laptop, 'documents', DOC, 'layers', 'alice.json'), 'utf8');
      expect(text).not.toContain('<<<<<<<');
      expect(readLayer(laptop, DOC, 'alice').annotations.find((a) => a.id === 'c1')?.conflicts).toEqual([
        { field: 'note', values: ['laptop', 'desk'] },
      ]);
    } finally {
      delete process.env.CLAIMDESK_TEST_DRIVER_LOG;
    }
  });

  it('is the built CLI’s merge-file under Node (the command a workspace registers by default), and git pull runs it', async () => {
    buildNodeIfStale();
    const { laptop } = await layerEditedTwice(defaultMergeDriverCommand());
    git(laptop, 'add', '-A');
    git(laptop, 'commit', '-q', '-m', 'laptop');
    git(laptop, 'pull', '-q', '--no-rebase', '--no-edit');
    expect(mergedIds(laptop)).toEqual(['c1', 'c2', 'c3']);
    expect(git(laptop, 'status', '--porcelain')).toBe('');
  });

  it('is what a sync merges with, and the sync counts the conflicts it recorded', async () => {
    const log = join(await tempDir(), 'driver.log');
    process.env.CLAIMDESK_TEST_DRIVER_LOG = log;
    try {
      const { laptop } = await layerEditedTwice(TEST_DRIVER);
      const result = await syncOk(targetFor(laptop, 'alice'));
      expect(readFileSync(log, 'utf8')).toContain('alice.json');
      expect(result).toMatchObject({ conflicts: 1, pushed: true });
      expect(mergedIds(laptop)).toEqual(['c1', 'c2', 'c3']);
    } finally {
      delete process.env.CLAIMDESK_TEST_DRIVER_LOG;
    }
  });

  it('is not needed: when it cannot run, the sync merges workspace files from the index itself', async () => {
    const { laptop } = await layerEditedTwice('false %O %A %B %P');
    const result = await syncOk(targetFor(laptop, 'alice'), { mergeDriver: 'false %O %A %B %P' });
    expect(result).toMatchObject({ conflicts: 1, pushed: true });
    expect(mergedIds(laptop)).toEqual(['c1', 'c2', 'c3']);
    expect(git(laptop, 'log', '-1', '--format=%p').trim().split(' ')).toHaveLength(2);
  });

  it('leaves a conflict in another file to git: the merge is undone, nothing is lost, and the file is named', async () => {
    const remote = await makeRemote();
    const desk = await cloneOf(remote);
    writeWorkspace(desk);
    writeFileSync(join(desk, 'notes.txt'), 'one\n');
    await syncOk(targetFor(desk, 'alice'));
    const laptop = await cloneOf(remote);
    writeFileSync(join(desk, 'notes.txt'), 'desk\n');
    writeFileSync(join(laptop, 'notes.txt'), 'laptop\n');
    writeLayer(laptop, DOC, 'alice', [ann('c1', 'Claim', 'the budget')]);
    await syncOk(targetFor(desk, 'alice'));
    const failure = await syncWorkspace(targetFor(laptop, 'alice'), { mergeDriver: TEST_DRIVER }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SyncError);
    expect(failure).toMatchObject({ kind: 'conflict', code: 'CONFLICT' });
    expect((failure as Error).message).toMatch(
      /^notes\.txt changed on both sides and git could not merge it: nothing was lost \(the merge was undone\)\. Merge it with git \(git merge origin\/main/,
    );
    expect(git(laptop, 'status', '--porcelain')).toBe('');
    expect(readFileSync(join(laptop, 'notes.txt'), 'utf8')).toBe('laptop\n');
    expect(mergedIds(laptop)).toEqual(['c1']);
    expect(git(laptop, 'log', '-1', '--format=%s').trim()).toBe('Claimdesk sync by alice: 1 document');
  });

  it('answers git’s contract: 0 with the merge written into ours, 1 for a version that is not JSON, 2 for bad arguments', async () => {
    const dir = await tempDir();
    const [base, ours, theirs] = [join(dir, 'base'), join(dir, 'ours'), join(dir, 'theirs')];
    const layer = (annotations: unknown[]) =>
      JSON.stringify({ version: 2, docId: DOC, layer: 'alice', status: 'new', attributes: {}, annotations, relations: [] }, null, 2);
    writeFileSync(ours, layer([ann('c1', 'Claim', 'the budget')]));
    writeFileSync(theirs, layer([ann('c2', 'Claim', 'next year')]));
    const lines: string[] = [];
    expect(await runMergeDriver(join(dir, 'missing'), ours, theirs, `documents/${DOC}/layers/alice.json`, (l) => lines.push(l))).toBe(0);
    expect(JSON.parse(readFileSync(ours, 'utf8')).annotations.map((a: { id: string }) => a.id)).toEqual(['c1', 'c2']);
    writeFileSync(base, '');
    writeFileSync(theirs, '<<<<<<< not json');
    const before = readFileSync(ours, 'utf8');
    expect(await runMergeDriver(base, ours, theirs, `documents/${DOC}/layers/alice.json`, (l) => lines.push(l))).toBe(1);
    expect(readFileSync(ours, 'utf8')).toBe(before);
    expect(lines.at(-1)).toMatch(/the incoming version is not valid JSON/);
    const err: string[] = [];
    expect(await runMergeFileCommand(['a', 'b'], { out: () => undefined, err: (l) => err.push(l) })).toBe(2);
    expect(err[0]).toMatch(/^usage: claimdesk merge-file/);
  });
});

describe('prepareRepository', () => {
  it('adds the ignore and attribute lines once, keeping the user’s own, and sets the driver in the local config', async () => {
    const repo = join(await tempDir(), 'repo');
    mkdirSync(repo);
    git(repo, 'init', '-q');
    writeFileSync(join(repo, '.gitignore'), 'node_modules/\n.cache/');
    await prepareRepository(repo, 'first %O %A %B %P');
    await prepareRepository(repo, 'second %O %A %B %P');
    const ignore = readFileSync(join(repo, '.gitignore'), 'utf8');
    expect(ignore.startsWith('node_modules/\n.cache/\n\n# Claimdesk')).toBe(true);
    expect(ignore.match(/\.cache\//g)).toHaveLength(1);
    for (const line of ['.backups/', '.trash/', 'exports/', '.claimdesk.lock']) expect(ignore.split('\n')).toContain(line);
    expect(readFileSync(join(repo, '.gitattributes'), 'utf8').split('\n')).toEqual(
      expect.arrayContaining(['claimdesk.json merge=claimdesk', 'documents/**/*.json merge=claimdesk']),
    );
    expect(git(repo, 'config', '--local', 'merge.claimdesk.driver').trim()).toBe('second %O %A %B %P');
  });

  it('does nothing outside a repository', async () => {
    const dir = await tempDir();
    await prepareRepository(dir, 'x');
    expect(() => readFileSync(join(dir, '.gitignore'))).toThrow(/ENOENT/);
  });

  it('under Node, runs bin/claimdesk.mjs merge-file with this Node, quoted for the shell', () => {
    const command = defaultMergeDriverCommand();
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'claimdesk.mjs');
    expect(command).toBe(`${shellQuote(process.execPath)} ${shellQuote(bin)} merge-file %O %A %B %P`);
    expect(shellQuote("it's here")).toBe(`'it'\\''s here'`);
  });
});
