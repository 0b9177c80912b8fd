/**
 * The browser host attacked as in issue #16: an over-limit body, symlinks out of the renderer
 * folder, malformed percent-encoding and other junk paths, and stopping it with a signal. The
 * host runs in this process (startHost, on a temp renderer folder) where a test needs its
 * options, and as the built program (`node dist/electron/host.mjs`, rebuilt when a source is
 * newer) where it is about what the process prints or leaves behind.
 */
import { existsSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { serveAppRequest } from '../../electron/app-protocol';
import { startHost, type RunningHost } from '../../electron/host';
import { openAppSettings } from '../../electron/services/app-paths';
import { LOCK_FILE } from '../../electron/services/store/workspace-lock';
import { Workspace } from '../../electron/services/workspace';
import { buildNodeIfStale, startBuiltHost } from './support/built';
import { tempDir } from './support/temp';

const SECRET = 'not for the page';
/** Paths no request may turn into a 500 (or a logged stack). */
const JUNK_PATHS = [
  '/%',
  '/%zz',
  '/%c0%ae%c0%ae/',
  '/%c0%ae%c0%ae/secret.txt',
  '/%ff',
  `/${'a'.repeat(5000)}`,
  '/..%2f..%2fetc/passwd',
  '/%00',
  '//etc/passwd',
];

/** A GET with the path sent exactly as written (fetch would normalise it). */
function rawGet(port: number, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the host in this process', () => {
  let host: RunningHost;
  let workspace: Workspace;
  let renderer = '';

  beforeAll(async () => {
    process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-host-data-');
    const base = await tempDir('claimdesk-host-renderer-');
    renderer = join(base, 'renderer');
    await mkdir(join(renderer, 'assets'), { recursive: true });
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Claimdesk</title>');
    await writeFile(join(renderer, 'assets', 'APP.JS'), 'console.log(1);');
    await writeFile(join(base, 'secret.txt'), SECRET);
    await symlink(join(base, 'secret.txt'), join(renderer, 'leak.txt'));
    await symlink(base, join(renderer, 'up'));
    workspace = await Workspace.open(await tempDir());
    host = await startHost({ workspace, settings: await openAppSettings(), rendererDir: renderer });
  });
  afterAll(async () => {
    await host.close();
    await workspace.close();
  });

  it('answers an over-limit body (75 MB) with 413 and the TOO_LARGE envelope, not a reset, and keeps serving', async () => {
    const body = Buffer.alloc(Math.ceil(MAX_IMPORT_BYTES * 1.5), 0x20);
    const res = await fetch(`http://127.0.0.1:${host.port}/api/importFiles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', message: expect.stringMatching(/over \d+ MB/) } });
    const next = await fetch(`http://127.0.0.1:${host.port}/api/listDocuments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      body: 'null',
    });
    expect(await next.json()).toMatchObject({ ok: true });
  });

  it('never follows a symlink out of the renderer folder', async () => {
    for (const path of ['/leak.txt', '/up/secret.txt']) {
      const res = await rawGet(host.port, path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain(SECRET);
    }
  });

  it('types files by their extension in any case, with the security headers', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/assets/APP.JS`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends the same file with the same headers as the app:// scheme (one static-file module)', async () => {
    const fromHost = await fetch(`http://127.0.0.1:${host.port}/assets/APP.JS`);
    const fromApp = await serveAppRequest(renderer, new Request('app://claimdesk/assets/APP.JS'));
    const TRANSPORT = new Set(['content-length', 'date', 'connection', 'keep-alive']);
    const headers = (res: Response) => [...res.headers].filter(([name]) => !TRANSPORT.has(name)).sort();
    expect(headers(fromHost)).toEqual(headers(fromApp));
    expect(await fromHost.text()).toBe(await fromApp.text());
  });

  it('answers malformed percent-encoding and other junk paths with 400 or 404, never 500', async () => {
    for (const path of JUNK_PATHS) {
      const res = await rawGet(host.port, path);
      expect([400, 404], path.slice(0, 40)).toContain(res.status);
      expect(res.type, path.slice(0, 40)).toMatch(/^application\/json/);
    }
  });
});

describe('the host as a process', () => {
  beforeAll(() => buildNodeIfStale(), 60_000);

  it('logs nothing for unauthenticated junk requests', async () => {
    const host = await startBuiltHost(await tempDir('claimdesk-host-ws-'));
    try {
      for (const path of JUNK_PATHS) expect([400, 404], path.slice(0, 40)).toContain((await rawGet(host.port, path)).status);
    } finally {
      host.child.kill('SIGTERM');
      await host.exited;
    }
    expect(host.stderr()).toBe('');
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('releases the workspace lock and exits on %s', async (signal) => {
    const host = await startBuiltHost(await tempDir('claimdesk-host-ws-'));
    expect(existsSync(join(host.workspace, LOCK_FILE))).toBe(true);
    host.child.kill(signal);
    expect(await host.exited).toBe(0);
    expect(existsSync(join(host.workspace, LOCK_FILE))).toBe(false);
  });
});
