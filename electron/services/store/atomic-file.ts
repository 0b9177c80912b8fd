/**
 * Writing a whole small file atomically, for files Claimdesk writes once or now and then outside
 * lowdb (migrated files, a first backup, the summaries cache): the text goes to `.<name>.tmp`
 * beside it, named as the store's own temporary files are so the sweep on open removes one a
 * crash left, then is renamed into place. A failed write leaves the old file and no temporary one.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes `text` to `path` whole or not at all (its folder must exist). */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.tmp`);
  try {
    await writeFile(temp, text);
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}
