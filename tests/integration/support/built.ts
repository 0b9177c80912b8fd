/**
 * The built Node programs (dist/electron/*.mjs) that process-level tests run as a user would:
 * rebuilt here when a source under electron/ or shared/ is newer, so a direct vitest run after
 * an edit never tests a stale build (`npm test` builds first anyway).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..', '..', '..');
/** The built CLI module (bin/claimdesk.mjs runs it). */
export const BUILT_CLI = join(ROOT, 'dist', 'electron', 'cli.mjs');
/** The `claimdesk` command as installed. */
export const BIN = join(ROOT, 'bin', 'claimdesk.mjs');

/** The newest modification time of the files under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Rebuilds the Node side (scripts/build-node.mjs) when the CLI or host bundle is older than a source. */
export function buildNodeIfStale(): void {
  const sources = Math.max(newestSource(join(ROOT, 'electron')), newestSource(join(ROOT, 'shared')));
  const bundles = ['cli.mjs', 'host.mjs'].map((f) => join(ROOT, 'dist', 'electron', f));
  if (bundles.some((b) => !existsSync(b) || statSync(b).mtimeMs < sources)) execFileSync('node', ['scripts/build-node.mjs'], { cwd: ROOT });
}
