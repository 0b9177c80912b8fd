/**
 * The built Node programs (dist/electron/*.mjs) that process-level tests run as a user would:
 * rebuilt here when a source under electron/ or shared/ is newer, so a direct vitest run after
 * an edit never tests a stale build (`npm test` builds first anyway).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp';

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

/** The built host as a process, with its port once printed and everything it wrote to stderr. */
export type BuiltHost = { child: ChildProcess; port: number; workspace: string; stderr: () => string; exited: Promise<number | null> };

/**
 * Starts `node dist/electron/host.mjs --workspace DIR --port 0` (with its own app data folder)
 * and waits for the URL it prints. Stop it with `child.kill(signal)` and await `exited`.
 */
export async function startBuiltHost(workspace: string): Promise<BuiltHost> {
  const dataDir = await tempDir('claimdesk-host-data-');
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'electron', 'host.mjs'), '--workspace', workspace, '--port', '0'], {
    env: { ...process.env, CLAIMDESK_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (match) resolve(Number(match[1]));
    });
    void exited.then((code) => reject(new Error(`the host exited (${code}) before printing its URL: ${err || out}`)));
  });
  return { child, port, workspace, stderr: () => err, exited };
}
