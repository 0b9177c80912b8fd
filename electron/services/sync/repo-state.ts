/**
 * What a sync needs to know about the repository that holds a workspace before it changes
 * anything: that git runs, that the folder is in a work tree not in the middle of a merge, the
 * branch, the remote and the remote branch it syncs with, and whether git knows who the user is.
 * Each thing missing is a SyncError that says what to do. Plain Node.
 */
import { git, gitEnvironment, runGit, SyncError } from './git';

/** A workspace's repository as a sync sees it. */
export type Repo = Readonly<{
  /** The workspace folder. */
  root: string;
  /** The work tree's top folder, and the workspace folder's path below it ('' or 'dir/'). */
  top: string;
  prefix: string;
  branch: string;
  remote: string;
  /** The remote's branch this one syncs with, its remote-tracking ref, and whether git already records it as the upstream. */
  remoteBranch: string;
  trackingRef: string;
  hasUpstream: boolean;
  env: NodeJS.ProcessEnv;
  /** `-c user.name=… -c user.email=…` for a machine where git has no identity yet (else empty). */
  identity: readonly string[];
}>;

/** Runs git for this repository (`cwd` defaults to the workspace folder), throwing a classified SyncError. */
export const gitIn = (repo: Repo, args: readonly string[], what: string, options: { cwd?: string; timeoutMs?: number } = {}): Promise<string> =>
  git(options.cwd ?? repo.root, args, what, { env: repo.env, timeoutMs: options.timeoutMs });

/** The value of a git config key, or null when it is not set. */
async function configValue(root: string, key: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const outcome = await runGit(root, ['config', '--get', key], { env });
  return outcome.code === 0 ? outcome.stdout.replace(/\n$/, '') : null;
}

/**
 * Checks the repository that holds `root` and finds what a sync needs.
 * @param annotator the name a commit is signed with when git has no identity configured
 * @throws SyncError no-git, not-a-repository, merge-in-progress, no-branch, no-remote
 */
export async function inspectRepository(root: string, annotator: string): Promise<Repo> {
  let env = gitEnvironment();
  await git(root, ['--version'], 'looking for git', { env });
  const where = await runGit(root, ['rev-parse', '--show-toplevel', '--show-prefix'], { env });
  if (where.code !== 0)
    throw new SyncError(
      'not-a-repository',
      `${root} is not in a git repository, so there is nothing to sync with: make it one (git init, then git remote add origin <url>), or clone the team's repository and open that folder`,
    );
  const [top = root, prefix = ''] = where.stdout.split('\n');
  // A workspace in a folder of some other repository (a home folder kept in git, say) is not
  // synced until that repository holds it: its articles must not go to that repository's remote.
  if (prefix !== '' && (await runGit(root, ['ls-files', '--error-unmatch', '--', 'claimdesk.json'], { env })).code !== 0)
    throw new SyncError(
      'not-a-repository',
      `${root} is inside the git repository at ${top}, which does not hold this workspace yet: if that repository is where your team shares it, commit the workspace there once (git add . && git commit, in ${root}); otherwise make the workspace its own repository (git init in ${root}, then git remote add origin <url>)`,
    );
  if (
    (await runGit(root, ['rev-parse', '-q', '--verify', 'MERGE_HEAD'], { env })).code === 0 ||
    (await git(root, ['ls-files', '-u'], 'checking for conflicts', { env })) !== ''
  )
    throw new SyncError(
      'merge-in-progress',
      'a git merge is under way in this repository: finish it (settle the files, git commit) or undo it (git merge --abort), then sync again',
    );
  const branch = (await runGit(root, ['symbolic-ref', '-q', '--short', 'HEAD'], { env })).stdout.trim();
  if (branch === '')
    throw new SyncError('no-branch', 'the repository is not on a branch (a detached HEAD): switch to one (git switch main), then sync again');
  const remotes = (await git(root, ['remote'], 'listing remotes', { env })).split('\n').filter((r) => r !== '');
  const upstreamRemote = await configValue(root, `branch.${branch}.remote`, env);
  const remote =
    upstreamRemote !== null && remotes.includes(upstreamRemote)
      ? upstreamRemote
      : remotes.includes('origin')
        ? 'origin'
        : remotes.length === 1
          ? remotes[0]!
          : null;
  if (remote === null)
    throw new SyncError(
      'no-remote',
      remotes.length === 0
        ? 'the repository has no remote to sync with: add one (git remote add origin <url>), then sync again'
        : `the repository has several remotes (${remotes.join(', ')}) and none is this branch's upstream: choose one (git push -u <remote> ${branch}), then sync again`,
    );
  const merge = await configValue(root, `branch.${branch}.merge`, env);
  const remoteBranch = merge !== null && upstreamRemote === remote ? merge.replace(/^refs\/heads\//, '') : branch;
  if ((await configValue(root, 'core.sshCommand', env)) !== null) env = gitEnvironment(true);
  const identity: string[] = [];
  if ((await configValue(root, 'user.name', env)) === null) identity.push('-c', `user.name=${annotator}`);
  if ((await configValue(root, 'user.email', env)) === null) identity.push('-c', `user.email=${emailOf(annotator)}`);
  return {
    root,
    top,
    prefix,
    branch,
    remote,
    remoteBranch,
    trackingRef: `refs/remotes/${remote}/${remoteBranch}`,
    hasUpstream: merge !== null && upstreamRemote === remote,
    env,
    identity,
  };
}

/** The address a commit by `annotator` is signed with when git has none: one that can never be delivered. */
const emailOf = (annotator: string): string =>
  `${annotator.replace(/[^A-Za-z0-9._-]+/g, '.').replace(/^\.+|\.+$/g, '') || 'annotator'}@claimdesk.invalid`;

/** The commit a ref names, or null when it does not exist (an unborn branch, an empty remote). */
export async function commitOf(repo: Repo, ref: string): Promise<string | null> {
  const outcome = await runGit(repo.root, ['rev-parse', '-q', '--verify', `${ref}^{commit}`], { env: repo.env });
  return outcome.code === 0 ? outcome.stdout.trim() : null;
}
