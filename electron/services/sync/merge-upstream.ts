/**
 * Merging the fetched remote branch into the workspace's branch for a sync. Git merges what it
 * can, the claimdesk merge driver merges workspace JSON files both sides changed; as a fallback
 * (the driver could not run, or was not configured), any workspace JSON file git leaves
 * unmerged is merged here from the index's three stages with the same shared/merge code. Any
 * other file left unmerged undoes the whole merge (nothing is lost) and is named in the error.
 * Call it while no workspace write is under way. Plain Node.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { conflictsIn, mergeWorkspaceJson, UnmergeableFileError, workspaceFileKind } from '../../../shared/merge/workspace-json';
import { classifyFailure, LONG_TIMEOUT_MS, readBlobs, runGit, SyncError, type GitOutcome } from './git';
import { splitPaths } from './commit';
import { commitOf, gitIn, type Repo } from './repo-state';

/** git's empty tree: what an unborn branch is compared from. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** What a merge brought in. */
export type MergeOutcome = Readonly<{
  /** Paths it changed in the workspace, relative to the workspace folder with /. */
  changedPaths: readonly string[];
  /** Conflicts it recorded in workspace files (how many more they hold than before). */
  conflicts: number;
}>;

/**
 * Merges the remote-tracking branch into HEAD (nothing to do when the remote has no such
 * branch yet, or HEAD has it all).
 * @throws SyncError conflict when a file other than workspace JSON conflicts, or a workspace
 *   JSON version cannot be parsed (the merge is undone first); others when git fails
 */
export async function mergeUpstream(repo: Repo): Promise<MergeOutcome> {
  const before = await commitOf(repo, 'HEAD');
  if ((await commitOf(repo, repo.trackingRef)) === null) return { changedPaths: [], conflicts: 0 };
  const args = [...repo.identity, 'merge', '--no-edit', '--allow-unrelated-histories', repo.trackingRef];
  const outcome = await runGit(repo.root, args, { env: repo.env, timeoutMs: LONG_TIMEOUT_MS });
  if (outcome.timedOut) {
    await abortMerge(repo);
    throw new SyncError(
      'git',
      `git took too long merging ${repo.remote}/${repo.remoteBranch}; nothing was lost (the merge was undone): sync again, or merge with git in a terminal`,
    );
  }
  if (outcome.code !== 0) await settleUnmerged(repo, outcome);
  const after = await commitOf(repo, 'HEAD');
  if (after === before) return { changedPaths: [], conflicts: 0 };
  const changedPaths = splitPaths(
    await gitIn(repo, ['diff', '--name-only', '-z', '--relative', before ?? EMPTY_TREE, 'HEAD', '--', '.'], 'listing what the merge changed'),
  );
  return { changedPaths, conflicts: await conflictsAdded(repo, before, changedPaths) };
}

/** Finishes a merge git stopped: workspace JSON merged here, then committed; anything else undoes it. */
async function settleUnmerged(repo: Repo, failed: GitOutcome): Promise<void> {
  const unmerged = [
    ...new Set(splitPaths(await gitIn(repo, ['diff', '--name-only', '-z', '--diff-filter=U'], 'listing conflicts', { cwd: repo.top }))),
  ];
  if (unmerged.length === 0) {
    await abortMerge(repo);
    throw classifyFailure(failed, `merging ${repo.remote}/${repo.remoteBranch}`);
  }
  const ours = unmerged.filter((p) => p.startsWith(repo.prefix) && workspaceFileKind(p) !== null);
  const others = unmerged.filter((p) => !ours.includes(p));
  if (others.length > 0) {
    await abortMerge(repo);
    const them = others.length === 1 ? 'it' : 'them';
    throw new SyncError(
      'conflict',
      `${others.join(', ')} changed on both sides and git could not merge ${them}: nothing was lost (the merge was undone). Merge ${them} with git (git merge ${repo.remote}/${repo.remoteBranch}, settle the file, git commit), then sync again`,
    );
  }
  for (const path of ours) await resolveFromStages(repo, path);
  await gitIn(repo, ['add', '--', ...ours], 'recording the merged files', { cwd: repo.top });
  await gitIn(repo, [...repo.identity, 'commit', '-q', '--no-edit'], 'committing the merge');
}

/** Merges one workspace JSON file from the index's stages (1 ancestor, 2 ours, 3 theirs) into the work tree. */
async function resolveFromStages(repo: Repo, path: string): Promise<void> {
  const [base, ours, theirs] = await readBlobs(repo.top, [`:1:${path}`, `:2:${path}`, `:3:${path}`], { env: repo.env });
  let text: string;
  if (ours == null || theirs == null) {
    text = (ours ?? theirs)!; // deleted on one side, changed on the other: the changed file is kept
  } else {
    try {
      text = mergeWorkspaceJson(path, base ?? null, ours, theirs).text;
    } catch (err) {
      if (!(err instanceof UnmergeableFileError)) throw err;
      await abortMerge(repo);
      throw new SyncError('conflict', `${err.message}. Nothing was lost: the merge was undone; sync again once it is settled`);
    }
  }
  await writeFile(join(repo.top, path), text);
}

async function abortMerge(repo: Repo): Promise<void> {
  // Also when git stopped before a merge began (nothing to abort): its failure is reported instead.
  await runGit(repo.root, ['merge', '--abort'], { env: repo.env });
}

/** How many conflicts the changed workspace files hold beyond what they held before the merge. */
async function conflictsAdded(repo: Repo, before: string | null, changedPaths: readonly string[]): Promise<number> {
  const counted = changedPaths.filter((p) => workspaceFileKind(p) !== null);
  const revisions = before === null ? ['HEAD'] : ['HEAD', before];
  const texts = await readBlobs(
    repo.top,
    counted.flatMap((p) => revisions.map((rev) => `${rev}:${repo.prefix}${p}`)),
    { env: repo.env },
  );
  const count = (path: string, text: string | null | undefined) => (text == null ? 0 : conflictsIn(path, text));
  let added = 0;
  counted.forEach((p, i) => {
    const at = i * revisions.length;
    added += Math.max(0, count(p, texts[at]) - (before === null ? 0 : count(p, texts[at + 1])));
  });
  return added;
}
