/**
 * Writing a whole small file atomically, for files Claimdesk writes once or now and then outside
 * lowdb (migrated files, a first backup, the summaries cache), and every file of the store
 * (json-store.ts): the data goes to `.<name>.tmp` beside it, named as lowdb's temporary files were so
 * the sweep on open removes one a crash left, then is renamed into place. A failed write leaves the
 * old file and no temporary one.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** How often, and how far apart, a rename is tried again: another program (a virus scanner on Windows) may hold the file for a moment, as lowdb allowed for. */
const RENAME_TRIES = 10;
const RENAME_RETRY_MS = 100;

/** Writes `data` (text as UTF-8, or bytes) to `path` whole or not at all (its folder must exist). */
export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathOf(path);
  try {
    await writeFile(temp, data);
    for (let tries = 1; ; tries++) {
      try {
        await rename(temp, path);
        break;
      } catch (err) {
        if (tries >= RENAME_TRIES) throw err;
        await new Promise((resolve) => setTimeout(resolve, RENAME_RETRY_MS));
      }
    }
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/** Where a file's content goes before it is renamed into place: `.<name>.tmp` beside it. */
export function tempPathOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp`);
}
