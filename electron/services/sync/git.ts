/**
 * Running the system's own `git`, so the user's credentials, SSH keys, remotes and hooks just
 * work: always execFile with an argument list (never a shell line holding user data), in a given
 * folder, with a time limit, and with an environment in which a missing credential fails at once
 * instead of waiting for a prompt nobody sees. A failure becomes a SyncError whose message says
 * what happened and what to do. Plain Node.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ApiError } from '../../../shared/api';

/** What went wrong in a sync, for the UI and the tests to tell apart. */
export type SyncErrorKind =
  'no-git' | 'not-a-repository' | 'no-branch' | 'no-remote' | 'merge-in-progress' | 'auth' | 'offline' | 'remote-ahead' | 'conflict' | 'git';

const CONFLICT_KINDS: ReadonlySet<SyncErrorKind> = new Set(['merge-in-progress', 'remote-ahead', 'conflict']);

/** A sync that could not finish; `message` says what to do. Code CONFLICT when the repository's state is in the way, IO otherwise. */
export class SyncError extends ApiError {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
  ) {
    super(CONFLICT_KINDS.has(kind) ? 'CONFLICT' : 'IO', message);
    this.name = 'SyncError';
  }
}

/** How long a quick local git command may take. */
export const LOCAL_TIMEOUT_MS = 60_000;
/** How long a long one may take: talking to the remote (a first push of a large workspace), or a merge running the driver once per file. */
export const LONG_TIMEOUT_MS = 600_000;
/** The longest output read from git (a diff or a file of a large workspace). */
const MAX_OUTPUT = 512 * 1024 * 1024;

/**
 * The environment git runs in: prompts off (GIT_TERMINAL_PROMPT=0; credential helpers and
 * agents still answer), SSH in batch mode unless the user chose an SSH command (GIT_SSH_COMMAND,
 * GIT_SSH, or core.sshCommand, told by `hasSshConfig`), and English messages, which failures are
 * recognised by.
 */
export function gitEnvironment(hasSshConfig = false, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: 'C' };
  if (!hasSshConfig && !env.GIT_SSH_COMMAND && !env.GIT_SSH) out.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
  return out;
}

/** A git command's end: its exit code (null when it was stopped) and its output. */
export type GitOutcome = Readonly<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }>;

export type GitOptions = Readonly<{ env?: NodeJS.ProcessEnv; timeoutMs?: number }>;

const NO_GIT = 'git is not installed (or not on the PATH): install git (https://git-scm.com) and sync again';

/**
 * Runs `git <args>` in `cwd` and returns how it ended, whatever the exit code.
 * @throws SyncError no-git when there is no git to run
 */
export function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<GitOutcome> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, env: options.env ?? gitEnvironment(), timeout: options.timeoutMs ?? LOCAL_TIMEOUT_MS, maxBuffer: MAX_OUTPUT, windowsHide: true },
      (err, stdout, stderr) => {
        if (!err) return resolve({ code: 0, stdout, stderr, timedOut: false });
        const { code, killed, signal } = err as { code?: unknown; killed?: boolean; signal?: unknown };
        if (typeof code === 'number') return resolve({ code, stdout, stderr, timedOut: false });
        if (killed === true || signal != null) return resolve({ code: null, stdout, stderr, timedOut: killed === true });
        // The same error when the folder to run in is gone: tell them apart.
        if (code === 'ENOENT')
          return reject(existsSync(cwd) ? new SyncError('no-git', NO_GIT) : new SyncError('not-a-repository', `the folder ${cwd} does not exist`));
        reject(err);
      },
    );
  });
}

/**
 * Runs `git <args>` and returns its standard output.
 * @param what the step, as a message names it ("fetching from origin")
 * @throws SyncError classified by classifyFailure when git fails
 */
export async function git(cwd: string, args: readonly string[], what: string, options: GitOptions = {}): Promise<string> {
  const outcome = await runGit(cwd, args, options);
  if (outcome.code !== 0) throw classifyFailure(outcome, what);
  return outcome.stdout;
}

const OFFLINE_HINT = 'check your connection; your work is committed locally and will be pushed on the next sync';

/** Patterns of git's (English) messages, in the order they are tried: an SSH refusal also says it "could not read from remote". */
const FAILURES: readonly (readonly [SyncErrorKind, RegExp, string])[] = [
  [
    'not-a-repository',
    /not a git repository/i,
    'the workspace folder is not in a git repository: make it one (git init, then git remote add origin <url>) or clone the team repository and open that folder',
  ],
  [
    'auth',
    /host key verification failed/i,
    "this computer does not know the remote's SSH host key yet: connect once with ssh (or git fetch) in a terminal to accept it, then sync again",
  ],
  [
    'auth',
    /permission denied \(publickey|authentication failed|could not read (username|password)|terminal prompts disabled|access denied|returned error: 40[13]/i,
    'the remote refused your credentials: set up your SSH key (ssh-add) or an HTTPS credential helper so that `git fetch` works in a terminal without asking, then sync again',
  ],
  [
    'offline',
    /could not resolve host|unable to access|connection (refused|timed out|reset)|network is unreachable|no route to host|operation timed out|could not read from remote repository|does not appear to be a git repository/i,
    `the remote cannot be reached: ${OFFLINE_HINT}`,
  ],
  [
    'remote-ahead',
    /\[rejected\]|non-fast-forward|fetch first|updates were rejected/i,
    'the remote has changes this workspace does not have yet: sync again',
  ],
];

/** The first line of git's message that says something, to quote in a message. */
export function gitSays(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim());
  return lines.find((l) => /^(fatal|error):/i.test(l)) ?? lines.find((l) => l !== '' && !/^(hint|warning):/i.test(l)) ?? '';
}

/** The SyncError for a failed git command: a known kind with what to do, or the git message itself. */
export function classifyFailure(outcome: GitOutcome, what: string): SyncError {
  if (outcome.timedOut)
    return new SyncError(
      'offline',
      `git did not finish ${what} in time (a slow connection, or a credential helper or hook waiting for input): ${OFFLINE_HINT}`,
    );
  for (const [kind, pattern, advice] of FAILURES)
    if (pattern.test(outcome.stderr)) return new SyncError(kind, `Sync failed while ${what}: ${advice}`);
  const says = gitSays(outcome.stderr);
  return new SyncError(
    'git',
    `Sync failed while ${what}: git says "${says || `exit code ${outcome.code}`}"; fix that with git in a terminal, then sync again`,
  );
}

/**
 * Reads many objects at once (`git cat-file --batch`), one process for all: `rev:path` specs.
 * @returns each spec's content as UTF-8 text, or null when it does not exist
 */
export function readBlobs(cwd: string, specs: readonly string[], options: GitOptions = {}): Promise<(string | null)[]> {
  if (specs.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, env: options.env ?? gitEnvironment(), windowsHide: true });
    const chunks: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => errors.push(c));
    child.on('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new SyncError('no-git', NO_GIT) : err));
    child.on('close', (code) => {
      if (code !== 0)
        return reject(classifyFailure({ code, stdout: '', stderr: Buffer.concat(errors).toString(), timedOut: false }, 'reading files from git'));
      resolve(parseBatch(Buffer.concat(chunks), specs.length));
    });
    // A spec is one line: a path holding a line break cannot be asked for (none of a workspace's can).
    child.stdin.end(specs.map((s) => `${s.replaceAll('\n', ' ')}\n`).join(''));
  });
}

/** Splits `git cat-file --batch` output: "<oid> <type> <size>\n<content>\n" or "<spec> missing\n" per spec. */
function parseBatch(out: Buffer, count: number): (string | null)[] {
  const results: (string | null)[] = [];
  let at = 0;
  while (results.length < count) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) throw new Error('git cat-file --batch ended early');
    const header = out.subarray(at, eol).toString();
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (size) {
      const length = Number(size[1]);
      results.push(out.subarray(eol + 1, eol + 1 + length).toString('utf8'));
      at = eol + 1 + length + 1;
    } else {
      const other = /^[0-9a-f]+ \w+ (\d+)$/.exec(header); // a tree or commit where a file was asked for: not a file
      results.push(null);
      at = other ? eol + 1 + Number(other[1]) + 1 : eol + 1;
    }
  }
  return results;
}
