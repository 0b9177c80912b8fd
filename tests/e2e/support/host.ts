/**
 * Starts the built browser host as a user would (`node dist/electron/host.mjs --workspace DIR
 * --port 0`) on a fresh temporary workspace, and reads the URL it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';

export type HostProcess = { url: string; origin: string; token: string; workspace: string; dataDir: string; stop: () => Promise<void> };

const ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * @param options.seeded true to start on the default workspace, seeded with the samples
 * @param options.workspace an existing folder to open instead of a fresh one (left in place by `stop`)
 * @returns the running host; `stop` kills it and removes the folders it made
 */
export async function startHostProcess(options: { seeded?: boolean; workspace?: string } = {}): Promise<HostProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'claimdesk-e2e-data-'));
  const workspace = options.workspace ?? (options.seeded ? join(dataDir, 'workspace') : await mkdtemp(join(tmpdir(), 'claimdesk-e2e-ws-')));
  const args = [
    join(ROOT, 'dist', 'electron', 'host.mjs'),
    '--port',
    '0',
    ...(options.seeded && !options.workspace ? [] : ['--workspace', workspace]),
  ];
  const child = spawn(process.execPath, args, { env: { ...process.env, CLAIMDESK_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await readUrl(child);
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    workspace,
    dataDir,
    stop: async () => {
      // The host saves what is under way and releases its lock on SIGTERM: wait for it to exit
      // before removing its folders, or the removal races its last writes.
      const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
      if (!options.seeded && !options.workspace) await rm(workspace, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

function readUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the host exited (${code}) before printing its URL: ${err || out}`)));
  });
}

/**
 * Calls the host's API as the renderer does (for test set-up and reading the store back).
 * @throws Error with the API's message when the call fails
 */
export async function callApi<T>(request: APIRequestContext, host: HostProcess, method: string, data: unknown): Promise<T> {
  const res = await request.post(`${host.origin}/api/${method}`, { headers: { authorization: `Bearer ${host.token}` }, data });
  const envelope = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value;
}
