/** Real temporary folders for integration tests, removed after each test file. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Makes a fresh empty folder under the OS temp dir. */
export async function tempDir(prefix = 'claimdesk-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** The repo's samples folder. */
export const SAMPLES = join(import.meta.dirname, '..', '..', '..', 'samples');
