/** What is on disk in a workspace folder, for tests that check a failure left nothing broken. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { LOCK_FILE } from '../../../electron/services/store/workspace-lock';

/** Every file below `dir` (hidden ones included), by path relative to it, with its bytes. */
export async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files.set(relative(dir, full), await readFile(full));
    }
  };
  await walk(dir);
  return files;
}

/** Checks that every JSON file below `dir` parses and that no temporary file is left. */
export async function expectAllParse(dir: string): Promise<void> {
  for (const [path, bytes] of await filesUnder(dir)) {
    expect(path.endsWith('.tmp'), `${path} is a temporary file left behind`).toBe(false);
    if (path.endsWith('.json')) expect(() => JSON.parse(bytes.toString('utf8')), `${path} parses`).not.toThrow();
  }
}

/**
 * Checks that a failed save broke nothing: every file that was there before is byte-identical,
 * every JSON file parses, no temporary file is left, and the only new files are backups (and
 * the lock of a Claimdesk that opened the workspace since).
 */
export async function expectNothingBroken(dir: string, before: ReadonlyMap<string, Buffer>): Promise<void> {
  const after = await filesUnder(dir);
  for (const [path, bytes] of before) expect(after.get(path)?.equals(bytes), `${path} is unchanged`).toBe(true);
  for (const path of after.keys()) if (!before.has(path)) expect(path.startsWith('.backups/') || path === LOCK_FILE, `${path} is new`).toBe(true);
  await expectAllParse(dir);
}
