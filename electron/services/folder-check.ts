/**
 * Whether a folder a user names (`--workspace DIR`) can hold a workspace, asked before anything
 * is created in it, so that every shell answers a bad path with one sentence rather than a raw
 * `ENOTDIR`/`EACCES`, or a hang: the kernel's pseudo-filesystems (/proc, /sys, /dev) look like
 * folders but are not places to keep files (`/proc/self` is a process). It only reads: stat,
 * realpath, statfs and access, none of which blocks on such a folder.
 */
import { constants } from 'node:fs';
import { access, realpath, stat, statfs } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

/** Folders of the kernel's, never a place for files, found by their real path. */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

/**
 * statfs types of pseudo-filesystems (linux/magic.h), for such a filesystem mounted elsewhere:
 * proc, sysfs, devpts, cgroup, cgroup2, debugfs, securityfs, tracefs, configfs, bpf.
 */
const PSEUDO_FILESYSTEMS: ReadonlySet<number> = new Set([0x9fa0, 0x62656572, 0x1cd1, 0x27e0eb, 0x63677270, 0x64626720, 0x73636673, 0x74726163, 0x62656570, 0xcafe4a11]);

const isUnder = (path: string, root: string): boolean => path === root || path.startsWith(root + sep);

/**
 * A sentence for an fs error met while looking at or opening the workspace folder `path`.
 * @returns one line, naming the path and what to do
 */
export function describeFolderError(path: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return `${path} cannot be read or written (permission denied); choose a folder you own, or give yourself access`;
  if (code === 'ENOTDIR') return `${path} is inside a file, not a folder; choose a folder`;
  if (code === 'ELOOP') return `${path} is a loop of symbolic links; choose a folder`;
  if (code === 'ENAMETOOLONG') return `${path} is too long a path for this system`;
  return `${path} cannot be used as a workspace (${code ?? (err as Error).message})`;
}

/**
 * The nearest existing folder at or above `path` (the folder itself when it exists).
 * @throws the fs error of a component that exists but cannot be looked into
 */
async function nearestExisting(path: string): Promise<string> {
  for (let at = path; ; at = dirname(at)) {
    try {
      await stat(at);
      return at;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(at) === at) throw err;
    }
  }
}

/**
 * Why `dir` cannot be a workspace folder, or null when it can: an existing folder that this
 * process may read, write and enter, or a missing one whose nearest existing parent is such a
 * folder (Workspace.open creates it). Never throws for a bad path.
 * @returns a one-line sentence for the user, or null
 */
export async function workspaceFolderProblem(dir: string): Promise<string | null> {
  const path = resolve(dir);
  try {
    const existing = await nearestExisting(path);
    const real = await realpath(existing);
    const shown = existing === path ? path : `${existing} (the nearest existing folder of ${path})`;
    if (SYSTEM_ROOTS.some((root) => isUnder(real, root)) || PSEUDO_FILESYSTEMS.has((await statfs(real)).type))
      return `${shown} is a system folder (${real}), not a place to keep files; choose a folder of your own`;
    if (!(await stat(real)).isDirectory()) return existing === path ? `${path} is a file, not a folder; choose a folder` : `${existing} is a file, not a folder; choose a folder`;
    await access(real, constants.R_OK | constants.W_OK | constants.X_OK);
    return null;
  } catch (err) {
    return describeFolderError(path, err);
  }
}
