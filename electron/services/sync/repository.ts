/**
 * Getting a workspace's git repository ready for Claimdesk: the workspace's `.gitignore` keeps
 * local-only files (caches, backups, trash, exports, the lock) out of git, its `.gitattributes`
 * sends workspace JSON files to the `claimdesk` merge driver, and the repository's local config
 * says what that driver runs. The user's own lines in both files are kept. Nothing here needs a
 * network, and a folder outside any repository (or a machine without git) is left alone. Plain Node.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPORTS_DIR } from '../export/jobs';
import { LOCK_FILE } from '../store/workspace-lock';
import { DOCUMENTS_DIR, INDEX_FILE, LOCAL_ONLY_DIRS } from '../workspace/files';
import { runGit, SyncError } from './git';

/** The name of the merge driver in .gitattributes and the git config. */
export const MERGE_DRIVER = 'claimdesk';

/**
 * What git must not track in a workspace: its local-only folders (LOCAL_ONLY_DIRS: the layer
 * summaries cache, backups, trash, suggestions turned on and rejected: nothing of a suggestion
 * reaches git until accepted, #15), exports, the lock of the Claimdesk that has it open, and a
 * write's temporary file (`.<name>.tmp`, see services/store/json-store.ts).
 */
export const LOCAL_ONLY: readonly string[] = [...LOCAL_ONLY_DIRS.map((dir) => `${dir}/`), `${EXPORTS_DIR}/`, LOCK_FILE, '.*.json.tmp'];

/** The workspace files merged by content rather than by line (see shared/merge). */
export const MERGED_BY_DRIVER: readonly string[] = [`${INDEX_FILE} merge=${MERGE_DRIVER}`, `${DOCUMENTS_DIR}/**/*.json merge=${MERGE_DRIVER}`];

const IGNORE_HEADER = '# Claimdesk: files that stay on this computer';
const ATTRIBUTES_HEADER = '# Claimdesk: workspace files are merged by content (git config merge.claimdesk.driver)';

/**
 * True when `root` is inside a git work tree (false when it is not, or when git is missing).
 */
export async function isInRepository(root: string): Promise<boolean> {
  try {
    const outcome = await runGit(root, ['rev-parse', '--is-inside-work-tree']);
    return outcome.code === 0 && outcome.stdout.trim() === 'true';
  } catch (err) {
    if (err instanceof SyncError) return false;
    throw err;
  }
}

/**
 * Gets the repository that holds the workspace `root` ready: writes the missing lines of the
 * workspace's .gitignore and .gitattributes (its own lines kept), and sets
 * `merge.claimdesk.name` and `merge.claimdesk.driver` in the repository's local config.
 * Idempotent; does nothing when `root` is in no repository or git is missing.
 * @param driverCommand the driver's command line, with %O %A %B %P (see defaultMergeDriverCommand)
 * @throws SyncError when git refuses to write the config; fs errors writing the two files
 */
export async function prepareRepository(root: string, driverCommand: string): Promise<void> {
  if (!(await isInRepository(root))) return;
  await addMissingLines(join(root, '.gitignore'), IGNORE_HEADER, LOCAL_ONLY);
  await addMissingLines(join(root, '.gitattributes'), ATTRIBUTES_HEADER, MERGED_BY_DRIVER);
  for (const [key, value] of [
    [`merge.${MERGE_DRIVER}.name`, 'Claimdesk workspace JSON (annotations merged by id)'],
    [`merge.${MERGE_DRIVER}.driver`, driverCommand],
  ] as const) {
    const current = await runGit(root, ['config', '--local', '--get', key]);
    if (current.code === 0 && current.stdout.replace(/\n$/, '') === value) continue;
    const set = await runGit(root, ['config', '--local', key, value]);
    if (set.code !== 0)
      throw new SyncError('git', `Could not set ${key} in the repository's config (${set.stderr.trim()}): check that .git/config is writable`);
  }
}

/** Appends to a text file (made when missing) each of `lines` it does not have yet, after `header`. */
async function addMissingLines(path: string, header: string, lines: readonly string[]): Promise<void> {
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const present = new Set(text.split(/\r?\n/).map((l) => l.trim().replace(/^\//, '')));
  const missing = lines.filter((l) => !present.has(l));
  if (missing.length === 0) return;
  const lead = text === '' ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  const head = present.has(header) ? '' : `${header}\n`;
  await writeFile(path, `${text}${lead}${head}${missing.join('\n')}\n`);
}

/** A word for a POSIX shell (git runs a driver's command line with sh, also on Windows). */
export const shellQuote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;

/** The flag that makes the Electron app run as the merge driver (electron/main.ts checks it before anything else). */
export const MERGE_FILE_FLAG = '--claimdesk-merge-file';

/** The arguments git fills in for a merge driver: ancestor, ours (the result goes there), theirs, the path. */
const DRIVER_ARGS = '%O %A %B %P';

/**
 * The merge driver's command line for this program. Under Electron, the app's own binary with
 * `--claimdesk-merge-file` (handled in main.ts before any window; the packaged app cannot run as
 * Node); under Node, this Node running bin/claimdesk.mjs `merge-file`.
 */
export function defaultMergeDriverCommand(): string {
  if (process.versions.electron) {
    // Run as `electron <app folder>` (development), the app folder must come first.
    const app = process.defaultApp === true && process.argv[1] ? [shellQuote(resolve(process.argv[1]))] : [];
    return [shellQuote(process.execPath), ...app, MERGE_FILE_FLAG, DRIVER_ARGS].join(' ');
  }
  const bin = findBin(dirname(fileURLToPath(import.meta.url)));
  return bin === null ? `claimdesk merge-file ${DRIVER_ARGS}` : `${shellQuote(process.execPath)} ${shellQuote(bin)} merge-file ${DRIVER_ARGS}`;
}

/** bin/claimdesk.mjs in the nearest folder above `from` that has one (electron/services/sync/ in the sources, dist/electron/ when bundled). */
function findBin(from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const bin = join(dir, 'bin', 'claimdesk.mjs');
    if (existsSync(bin)) return bin;
    if (dirname(dir) === dir) return null;
  }
}
