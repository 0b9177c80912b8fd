/**
 * Sync through git (issue #11): a workspace folder that is a git repository with a remote is
 * shared by committing the local changes, fetching, merging (workspace JSON merged by content,
 * see shared/merge) and pushing, with the system's own git. Writes to the workspace wait while
 * git reads or changes its files (the target's `exclusive`); the network steps do not hold them
 * up. A push the remote refuses because it moved on meanwhile is retried after merging again.
 * Every failure is a SyncError that says what to do; progress is reported step by step. Plain Node.
 */
import { documentOfPath, commitWorkspace, type CommitOutcome } from './commit';
import { classifyFailure, LONG_TIMEOUT_MS, runGit, SyncError } from './git';
import { mergeUpstream } from './merge-upstream';
import { commitOf, gitIn, inspectRepository, type Repo } from './repo-state';
import { defaultMergeDriverCommand, prepareRepository } from './repository';
import { INDEX_FILE } from '../workspace/files';

/** What a sync needs of an open workspace. */
export interface SyncTarget {
  /** The workspace folder. */
  readonly root: string;
  /** The analyst syncing: named in the commit message. */
  readonly annotator: string;
  /** Runs `task` while no workspace write is under way (the store's queue). */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Re-reads files git changed (paths relative to root, with /); called inside `exclusive`. */
  reload(changedPaths: readonly string[]): Promise<void>;
  /** A document's title, or null when it is not in the workspace. */
  titleOf(docId: string): string | null;
}

export type SyncStep = 'checking' | 'committing' | 'fetching' | 'merging' | 'pushing' | 'done';
export type SyncProgress = { step: SyncStep; message: string };

export type SyncResult = {
  /** Whether local changes were committed, and the (first) commit's message. */
  committed: boolean;
  message: string | null;
  /** Paths the merge changed, relative to the workspace folder with /. */
  changedPaths: string[];
  pushed: boolean;
  /** Conflicts the merge recorded in workspace files, for the analyst to settle. */
  conflicts: number;
  /** One sentence for the user. */
  summary: string;
};

export type SyncOptions = {
  onProgress?: (progress: SyncProgress) => void;
  /** The merge driver's command line (default: defaultMergeDriverCommand()). */
  mergeDriver?: string;
};

/** How many times a push refused because the remote moved on is retried (fetch, merge, push again). */
export const PUSH_RETRIES = 3;

/**
 * Syncs a workspace with its repository's remote: commit, fetch, merge, push.
 * @returns what was committed, merged and pushed, and a summary
 * @throws SyncError with a message saying what to do: no git, not a repository, a merge under
 *   way, no branch, no remote, credentials refused, remote unreachable, the remote moving on
 *   faster than the retries, a conflict in a file that is not the workspace's own JSON
 */
export async function syncWorkspace(target: SyncTarget, options: SyncOptions = {}): Promise<SyncResult> {
  const progress = (step: SyncStep, message: string) => options.onProgress?.({ step, message });
  progress('checking', 'Checking the repository…');
  const repo = await inspectRepository(target.root, target.annotator);
  await prepareRepository(target.root, options.mergeDriver ?? defaultMergeDriverCommand());
  progress('committing', 'Committing your changes…');
  const commits: CommitOutcome[] = [];
  const first = await target.exclusive(() => commitWorkspace(repo, target.annotator, (id) => target.titleOf(id)));
  if (first) commits.push(first);
  const changed = new Set<string>();
  let conflicts = 0;
  let pushed = false;
  for (let attempt = 0; ; attempt++) {
    progress('fetching', attempt === 0 ? `Fetching from ${repo.remote}…` : `${repo.remote} moved on meanwhile: fetching again…`);
    await gitIn(repo, ['fetch', '-q', repo.remote], `fetching from ${repo.remote}`, { timeoutMs: LONG_TIMEOUT_MS });
    progress('merging', `Merging ${repo.remote}/${repo.remoteBranch}…`);
    const merge = await target.exclusive(async () => {
      // Saves made while fetching are committed first: git merges only into a clean workspace.
      const late = await commitWorkspace(repo, target.annotator, (id) => target.titleOf(id));
      const outcome = await mergeUpstream(repo);
      if (outcome.changedPaths.length > 0) await target.reload(outcome.changedPaths);
      return { late, outcome };
    });
    if (merge.late) commits.push(merge.late);
    for (const path of merge.outcome.changedPaths) changed.add(path);
    conflicts += merge.outcome.conflicts;
    if (!(await hasSomethingToPush(repo))) break;
    progress('pushing', `Pushing to ${repo.remote}/${repo.remoteBranch}…`);
    if (await push(repo, attempt)) {
      pushed = true;
      break;
    }
  }
  const result = { committed: commits.length > 0, message: commits[0]?.message ?? null, changedPaths: [...changed], pushed, conflicts };
  const summary = summarize(repo, result, commits);
  progress('done', summary);
  return { ...result, summary };
}

async function hasSomethingToPush(repo: Repo): Promise<boolean> {
  const head = await commitOf(repo, 'HEAD');
  return head !== null && head !== (await commitOf(repo, repo.trackingRef));
}

/**
 * Pushes the branch (recording the remote branch as its upstream the first time).
 * @returns true when pushed, false when the remote moved on and a retry may follow
 * @throws SyncError on any other failure, or when the remote kept moving on after PUSH_RETRIES retries
 */
async function push(repo: Repo, attempt: number): Promise<boolean> {
  const args = ['push', '-q', ...(repo.hasUpstream ? [] : ['-u']), repo.remote, `${repo.branch}:refs/heads/${repo.remoteBranch}`];
  const outcome = await runGit(repo.root, args, { env: repo.env, timeoutMs: LONG_TIMEOUT_MS });
  if (outcome.code === 0) return true;
  const error = classifyFailure(outcome, `pushing to ${repo.remote}`);
  if (error.kind !== 'remote-ahead') throw error;
  if (attempt < PUSH_RETRIES) return false;
  throw new SyncError(
    'remote-ahead',
    `Sync could not push: ${repo.remote} kept moving on while merging (${PUSH_RETRIES + 1} tries). Your work is committed and merged locally: sync again in a moment`,
  );
}

/** One sentence on what a sync did. */
function summarize(repo: Repo, result: Omit<SyncResult, 'summary'>, commits: readonly CommitOutcome[]): string {
  const committedPaths = commits.flatMap((c) => c.paths);
  const documents = new Set(committedPaths.map(documentOfPath).filter((id) => id !== null)).size;
  const what = [documents > 0 ? plural(documents, 'document') : '', committedPaths.includes(INDEX_FILE) ? 'the schema/index' : ''].filter(
    (w) => w !== '',
  );
  const parts = [
    result.committed ? `committed your changes${what.length > 0 ? ` to ${what.join(' and ')}` : ''}` : 'nothing new to commit',
    result.changedPaths.length > 0 ? `brought in ${plural(result.changedPaths.length, 'changed file')}` : 'nothing new from the remote',
  ];
  if (result.conflicts > 0) parts.push(`${plural(result.conflicts, 'conflict')} to settle (marked where they are)`);
  parts.push(result.pushed ? 'pushed' : 'nothing to push');
  return `Synced with ${repo.remote}/${repo.remoteBranch}: ${parts.join('; ')}.`;
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
