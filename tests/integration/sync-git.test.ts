import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LabelDef, Schema } from '../../shared/model/types';
import { syncWorkspace } from '../../electron/services/sync/sync';
import {
  DOC,
  DOC2,
  TEST_DRIVER,
  ann,
  cloneOf,
  git,
  makeRemote,
  readJson,
  readLayer,
  row,
  syncOk,
  targetFor,
  writeArticle,
  writeIndex,
  writeLayer,
  writeWorkspace,
} from './support/sync-repos';

/** A remote with alice's workspace pushed to it (one document, no layers), and her clone. */
async function sharedWorkspace() {
  const remote = await makeRemote();
  const alice = await cloneOf(remote);
  writeWorkspace(alice, [[DOC, 'Budget']]);
  await syncOk(targetFor(alice, 'alice'));
  return { remote, alice };
}

describe('sync: first push', () => {
  it('commits the workspace with a message naming its documents, pushes it to an empty remote, and keeps local files out of git', async () => {
    const remote = await makeRemote();
    const ws = await cloneOf(remote);
    writeWorkspace(ws, [
      [DOC, 'Budget'],
      [DOC2, 'Envoy'],
    ]);
    writeFileSync(join(ws, '.claimdesk.lock'), 'pid 1');
    writeLayer(ws, DOC, 'Ann Lee', [ann('c1', 'Claim', 'the budget', 'Ann Lee')]);
    const steps: string[] = [];
    const result = await syncOk(targetFor(ws, 'Ann Lee'), { onProgress: (p) => steps.push(p.step) });
    expect(result).toMatchObject({ committed: true, pushed: true, conflicts: 0, changedPaths: [] });
    expect(result.message).toBe(`Claimdesk sync by Ann Lee: 2 documents\n\n- Budget (${DOC})\n- Envoy (${DOC2})\n- schema/index`);
    expect(result.summary).toBe(
      'Synced with origin/main: committed your changes to 2 documents and the schema/index; nothing new from the remote; pushed.',
    );
    expect(steps).toEqual(['checking', 'committing', 'fetching', 'merging', 'pushing', 'done']);
    expect(git(remote, 'log', '-1', '--format=%s', 'main').trim()).toBe('Claimdesk sync by Ann Lee: 2 documents');
    const files = git(remote, 'ls-tree', '-r', '--name-only', 'main').trim().split('\n');
    expect(files).toEqual(expect.arrayContaining(['.gitattributes', '.gitignore', 'claimdesk.json', `documents/${DOC}/layers/Ann%20Lee.json`]));
    expect(files).not.toContain('.claimdesk.lock');
    expect(git(ws, 'rev-parse', '--abbrev-ref', '@{u}').trim()).toBe('origin/main');
    expect(git(ws, 'config', '--local', 'merge.claimdesk.driver')).toContain('%O %A %B %P');
  });

  it('says there is nothing to do when nothing changed on either side', async () => {
    const { alice } = await sharedWorkspace();
    const result = await syncOk(targetFor(alice, 'alice'));
    expect(result).toMatchObject({ committed: false, message: null, pushed: false, changedPaths: [] });
    expect(result.summary).toBe('Synced with origin/main: nothing new to commit; nothing new from the remote; nothing to push.');
  });

  it('syncs a workspace in a subfolder of the repository that holds it, committing only the workspace', async () => {
    const remote = await makeRemote();
    const repo = await cloneOf(remote);
    const ws = join(repo, 'team', 'claims');
    writeWorkspace(ws);
    // Not held by the repository yet: refused, so a workspace in some other repository (a home
    // folder kept in git) never goes to that repository's remote.
    await expect(syncWorkspace(targetFor(ws, 'alice'), { mergeDriver: TEST_DRIVER })).rejects.toMatchObject({
      kind: 'not-a-repository',
      message: expect.stringContaining('does not hold this workspace yet'),
    });
    // The team's repository takes it in once; from then on it syncs.
    git(ws, 'add', 'claimdesk.json');
    git(ws, 'commit', '-m', 'the claims workspace');
    writeFileSync(join(repo, 'README.md'), 'not the workspace\n');
    git(repo, 'add', 'README.md');
    // Not syncOk: README.md stays staged on purpose, so the tree is not clean.
    const result = await syncWorkspace(targetFor(ws, 'alice'), { mergeDriver: TEST_DRIVER });
    expect(result.committed).toBe(true);
    expect(git(remote, 'ls-tree', '-r', '--name-only', 'main')).not.toContain('README.md');
    expect(git(repo, 'diff', '--cached', '--name-only').trim()).toBe('README.md');
  });
});

describe('sync: two analysts', () => {
  it('merges different annotators’ layers of the same document without conflict, and reloads what changed', async () => {
    const { remote, alice } = await sharedWorkspace();
    const bob = await cloneOf(remote);
    writeLayer(alice, DOC, 'alice', [ann('c1', 'Claim', 'the budget')]);
    writeLayer(bob, DOC, 'bob', [ann('c1', 'Claim', 'the budget would grow', 'bob')]);
    await syncOk(targetFor(alice, 'alice'));
    const bobTarget = targetFor(bob, 'bob');
    const merged = await syncOk(bobTarget);
    expect(merged).toMatchObject({ committed: true, pushed: true, conflicts: 0, changedPaths: [`documents/${DOC}/layers/alice.json`] });
    expect(bobTarget.reloaded).toEqual([[`documents/${DOC}/layers/alice.json`]]);
    const aliceTarget = targetFor(alice, 'alice');
    expect(await syncOk(aliceTarget)).toMatchObject({ committed: false, pushed: false, changedPaths: [`documents/${DOC}/layers/bob.json`] });
    for (const clone of [alice, bob]) {
      expect(readLayer(clone, DOC, 'alice').annotations.map((a) => a.quote)).toEqual(['the budget']);
      expect(readLayer(clone, DOC, 'bob').annotations.map((a) => a.quote)).toEqual(['the budget would grow']);
    }
  });

  it('merges one annotator’s layer edited on two clones: adds from both, deletes applied, a true conflict recorded', async () => {
    const { remote, alice } = await sharedWorkspace();
    writeLayer(alice, DOC, 'alice', [ann('c1', 'Claim', 'the budget'), ann('s1', 'Source', 'The minister'), ann('s2', 'Source', 'officials')]);
    await syncOk(targetFor(alice, 'alice'));
    const laptop = await cloneOf(remote);
    // Desk: deletes s2, adds c2, relabels c1. Laptop: adds c3, relabels c1 differently.
    writeLayer(alice, DOC, 'alice', [
      ann('c1', 'Claim', 'the budget', 'alice', { label: 'Evidence', updatedAt: 't1' }),
      ann('s1', 'Source', 'The minister'),
      ann('c2', 'Claim', 'next year'),
    ]);
    writeLayer(laptop, DOC, 'alice', [
      ann('c1', 'Claim', 'the budget', 'alice', { label: 'Cue', updatedAt: 't2' }),
      ann('s1', 'Source', 'The minister'),
      ann('s2', 'Source', 'officials'),
      ann('c3', 'Claim', 'ten percent'),
    ]);
    await syncOk(targetFor(alice, 'alice'));
    const result = await syncOk(targetFor(laptop, 'alice'));
    expect(result.conflicts).toBe(1);
    expect(result.summary).toContain('1 conflict to settle');
    const merged = readLayer(laptop, DOC, 'alice');
    expect(merged.annotations.map((a) => a.id).sort()).toEqual(['c1', 'c2', 'c3', 's1']);
    expect(merged.annotations.find((a) => a.id === 'c1')).toMatchObject({
      label: 'Cue',
      updatedAt: 't2',
      conflicts: [{ field: 'label', values: ['Cue', 'Evidence'] }],
    });
    await syncOk(targetFor(alice, 'alice'));
    expect(readFileSync(join(alice, 'documents', DOC, 'layers', 'alice.json'), 'utf8')).toBe(
      readFileSync(join(laptop, 'documents', DOC, 'layers', 'alice.json'), 'utf8'),
    );
  });

  it('merges claimdesk.json edited on both sides: documents, labels and a color conflict', async () => {
    const { remote, alice } = await sharedWorkspace();
    const bob = await cloneOf(remote);
    const schemaOf = (root: string) => readJson<{ schema: Schema }>(join(root, 'claimdesk.json')).schema;
    const relabel = (schema: Schema, name: string, change: Partial<LabelDef>): Schema => ({
      ...schema,
      labels: schema.labels.map((l) => (l.name === name ? { ...l, ...change } : l)),
    });
    const base = schemaOf(alice);
    writeIndex(alice, [row(DOC, 'Budget')], { schema: relabel(base, 'Claim', { color: '#000000' }) });
    const bobSchema = relabel(base, 'Claim', { color: '#ffffff', hotkey: '9' });
    writeIndex(bob, [row(DOC, 'Budget'), row(DOC2, 'Envoy')], {
      schema: { ...bobSchema, labels: [...bobSchema.labels, { name: 'Quote', color: '#123456', hotkey: '7', attributes: [] }] },
    });
    writeArticle(bob, DOC2, 'Envoy');
    await syncOk(targetFor(alice, 'alice'));
    const result = await syncOk(targetFor(bob, 'bob'));
    expect(result.conflicts).toBe(1);
    const index = readJson<{ schema: Schema; documents: { id: string }[]; conflicts: unknown }>(join(bob, 'claimdesk.json'));
    expect(index.documents.map((d) => d.id)).toEqual([DOC, DOC2]);
    expect(index.schema.labels.find((l) => l.name === 'Claim')).toMatchObject({ color: '#ffffff', hotkey: '9' });
    expect(index.schema.labels.at(-1)?.name).toBe('Quote');
    expect(index.conflicts).toEqual([{ field: 'schema.labels.Claim.color', values: ['#ffffff', '#000000'] }]);
  });

  it('joins two workspaces started apart on clones of an empty remote (no common history)', async () => {
    const remote = await makeRemote();
    const [alice, bob] = [await cloneOf(remote), await cloneOf(remote)];
    writeWorkspace(alice, [[DOC, 'Budget']]);
    writeWorkspace(bob, [[DOC2, 'Envoy']]);
    await syncOk(targetFor(alice, 'alice'));
    const result = await syncOk(targetFor(bob, 'bob'));
    expect(result).toMatchObject({ pushed: true, conflicts: 0 });
    expect(readJson<{ documents: { id: string }[] }>(join(bob, 'claimdesk.json')).documents.map((d) => d.id)).toEqual([DOC2, DOC]);
    expect(existsSync(join(bob, 'documents', DOC, 'article.json'))).toBe(true);
  });
});

describe('sync: a document trashed on one machine and annotated on another', () => {
  it('keeps the document with the annotations, in both orders, and records the conflict', async () => {
    for (const trashedFirst of [true, false]) {
      const { remote, alice } = await sharedWorkspace();
      writeLayer(alice, DOC, 'alice', [ann('c1', 'Claim', 'the budget')]);
      await syncOk(targetFor(alice, 'alice'));
      const bob = await cloneOf(remote);
      // bob moves the document to the trash (its folder and its row go) while alice goes on annotating it.
      rmSync(join(bob, 'documents', DOC), { recursive: true });
      writeIndex(bob, []);
      writeLayer(alice, DOC, 'alice', [ann('c1', 'Claim', 'the budget'), ann('c2', 'Claim', 'ten percent')]);
      const [first, second] = trashedFirst ? [bob, alice] : [alice, bob];
      await syncOk(targetFor(first, first === bob ? 'bob' : 'alice'));
      await syncOk(targetFor(second, second === bob ? 'bob' : 'alice'));
      await syncOk(targetFor(first, first === bob ? 'bob' : 'alice'));
      for (const clone of [alice, bob]) {
        expect(readLayer(clone, DOC, 'alice').annotations.map((a) => a.id)).toEqual(['c1', 'c2']);
        expect(existsSync(join(clone, 'documents', DOC, 'article.json'))).toBe(true);
        const index = readJson<{ documents: { id: string }[]; conflicts?: { field: string }[] }>(join(clone, 'claimdesk.json'));
        expect(index.documents.map((r) => r.id)).toEqual([DOC]);
        expect(index.conflicts?.map((c) => c.field)).toEqual([`documents.${DOC}.deleted`]);
        expect(git(clone, 'status', '--porcelain')).toBe('');
      }
    }
  });
});
