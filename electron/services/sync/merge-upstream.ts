/**
 * Merging the fetched remote branch into the workspace's branch for a sync. Git merges what it
 * can, the claimdesk merge driver merges workspace JSON files both sides changed; as a fallback
 * (the driver could not run, or was not configured), any workspace JSON file git leaves
 * unmerged is merged here from the index's three stages with the same shared/merge code. Any
 * other file left unmerged undoes the whole merge (nothing is lost) and is named in the error.
 * Call it while no workspace write is under way. Plain Node.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { conflictsIn, mergeWorkspaceJson, UnmergeableFileError, workspaceFileKind } from '../../../shared/merge/workspace-json';
import { classifyFailure, LONG_TIMEOUT_MS, readBlobs, runGit, SyncError, type GitOutcome } from './git';
import { documentOfPath, splitPaths } from './commit';
import { commitOf, gitIn, type Repo } from './repo-state';

/** git's empty tree: what an unborn branch is compared from. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** claimdesk.json as the revival of a trashed document reads and writes it. */
type IndexJson = { documents?: { id: string }[]; conflicts?: unknown[] };

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
  const kept: string[] = [];
  for (const path of ours) if ((await resolveFromStages(repo, path)) === 'kept') kept.push(path);
  const revived = await reviveDocuments(repo, kept);
  await gitIn(repo, ['add', '--', ...ours, ...revived], 'recording the merged files', { cwd: repo.top });
  await gitIn(repo, [...repo.identity, 'commit', '-q', '--no-edit'], 'committing the merge');
}

/**
 * Merges one workspace JSON file from the index's stages (1 ancestor, 2 ours, 3 theirs) into the work tree.
 * @returns 'kept' when one side deleted it and the other changed it (the changed file is kept)
 */
async function resolveFromStages(repo: Repo, path: string): Promise<'merged' | 'kept'> {
  const [base, ours, theirs] = await readBlobs(repo.top, [`:1:${path}`, `:2:${path}`, `:3:${path}`], { env: repo.env });
  let text: string;
  if (ours == null || theirs == null) {
    await writeFile(join(repo.top, path), (ours ?? theirs)!); // deleted on one side, changed on the other: the changed file is kept
    return 'kept';
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
  return 'merged';
}

/**
 * A document one side moved to the trash while the other annotated it: git keeps the changed
 * layer but takes the article and the index row away, which would leave that work where no list
 * shows it. Its article and row are put back from the side that still had them, and the index
 * records the conflict (`documents.<id>.deleted`) for the analyst: the document stays, and
 * whoever wants it gone moves it to the trash again.
 * @param kept repository paths of layer files kept over a deletion
 * @returns the repository paths written (to record in the merge)
 */
async function reviveDocuments(repo: Repo, kept: readonly string[]): Promise<string[]> {
  const docIds = [...new Set(kept.map((p) => documentOfPath(p.slice(repo.prefix.length))).filter((id): id is string => id !== null))];
  const written: string[] = [];
  const indexPath = `${repo.prefix}claimdesk.json`;
  const indexFile = join(repo.top, indexPath);
  const index: { json: IndexJson | null } = { json: null };
  for (const docId of docIds) {
    const articlePath = `${repo.prefix}documents/${docId}/article.json`;
    if (existsSync(join(repo.top, articlePath))) continue;
    const [oursArticle, theirsArticle, oursIndex, theirsIndex] = await readBlobs(
      repo.top,
      [`HEAD:${articlePath}`, `MERGE_HEAD:${articlePath}`, `HEAD:${indexPath}`, `MERGE_HEAD:${indexPath}`],
      { env: repo.env },
    );
    const article = oursArticle ?? theirsArticle;
    if (article == null) continue;
    await writeFile(join(repo.top, articlePath), article);
    written.push(articlePath);
    const json = (index.json ??= JSON.parse(await readFile(indexFile, 'utf8')) as IndexJson);
    const rows = json.documents ?? [];
    const sides = [oursIndex, theirsIndex].flatMap((text) => (text == null ? [] : ((JSON.parse(text) as IndexJson).documents ?? [])));
    const row = sides.find((r) => r.id === docId);
    if (row && !rows.some((r) => r.id === docId)) json.documents = [...rows, row];
    json.conflicts = [...(json.conflicts ?? []), { field: `documents.${docId}.deleted`, values: [oursArticle == null, theirsArticle == null] }];
  }
  if (index.json !== null) {
    await writeFile(indexFile, JSON.stringify(index.json, null, 2));
    written.push(indexPath);
  }
  return written;
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
