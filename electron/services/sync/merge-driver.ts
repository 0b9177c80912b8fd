/**
 * The git merge driver for workspace JSON files (`merge.claimdesk.driver`, see repository.ts):
 * git runs it with the ancestor's, ours' and theirs' versions in temporary files and the file's
 * path, and takes what it leaves in ours' file as the merge. Conflicts are kept inside the file
 * (shared/merge records them), never as conflict markers, so it answers 0; only a version that
 * cannot be read as the JSON its path calls for makes it answer 1, and git then marks the file as
 * conflicted (sync's fallback names it). Plain Node.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { mergeWorkspaceJson, UnmergeableFileError } from '../../../shared/merge/workspace-json';

/** Where the driver reports: one line for git to show (stderr). */
export type DriverLog = (line: string) => void;

/**
 * Merges one file as git's merge-driver contract asks.
 * @param basePath the common ancestor (%O); empty or missing when both sides added the file
 * @param oursPath our version (%A); the merged text is written here
 * @param theirsPath their version (%B)
 * @param pathInRepo the file's path in the repository (%P), which decides the merge
 * @returns 0 when merged (conflicts, if any, are recorded in the file), 1 when a version cannot
 *   be parsed or the path is no workspace JSON file (ours' file is then left as it was)
 */
export async function runMergeDriver(
  basePath: string,
  oursPath: string,
  theirsPath: string,
  pathInRepo: string,
  log: DriverLog = (l) => console.error(l),
): Promise<number> {
  try {
    const base = await readFile(basePath, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null; // no ancestor: both sides added the file
      throw err;
    });
    const [ours, theirs] = await Promise.all([readFile(oursPath, 'utf8'), readFile(theirsPath, 'utf8')]);
    const { text, conflicts } = mergeWorkspaceJson(pathInRepo, base, ours, theirs);
    await writeFile(oursPath, text);
    if (conflicts > 0)
      log(`claimdesk: merged ${pathInRepo}; ${conflicts} ${conflicts === 1 ? 'conflict is' : 'conflicts are'} recorded in it for Claimdesk to show`);
    return 0;
  } catch (err) {
    // A version that is not the JSON its path calls for, no workspace file, or a file git could not hand over.
    const known = err instanceof UnmergeableFileError || err instanceof TypeError;
    log(`claimdesk: ${known ? (err as Error).message : `could not merge ${pathInRepo}: ${(err as Error).message}`}`);
    return 1;
  }
}
