/**
 * The browser host: serves the built renderer and maps `POST /api/<method>` onto the same
 * service API as Electron's IPC. It listens on 127.0.0.1 only, requires the per-run token
 * (`Authorization: Bearer <token>`), and refuses foreign Host and Origin headers (DNS
 * rebinding, cross-site POSTs). Run directly, it prints its URL (token included) on one line.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { failure, MAX_IMPORT_BYTES, type Envelope } from '../shared/api';
import { dispatch } from '../shared/api-validate';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { createServiceApi, type SettingsStore } from './services/api';
import { appRoot, defaultWorkspaceDir, openAppSettings, samplesDir } from './services/app-paths';
import { parseShellArgs } from './services/cli-args';
import { browserShell } from './services/export-jobs';
import { Workspace } from './services/workspace';

/** The Content-Security-Policy for every page the host serves (shared with Electron's main). */
export { CONTENT_SECURITY_POLICY };

const MAX_BODY_BYTES = Math.ceil(MAX_IMPORT_BYTES * 1.4) + 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export type HostOptions = { workspace: Workspace; settings: SettingsStore; port?: number; rendererDir?: string; token?: string };
export type RunningHost = { url: string; port: number; token: string; close: () => Promise<void> };

/**
 * Starts the host on 127.0.0.1.
 * @param options.port 0 (default) picks a free port
 * @returns the URL to open (with the token in its fragment) and a close function
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  // A browser cannot choose a path on disk: exports go to fresh names under <workspace>/exports.
  const api = createServiceApi({ current: options.workspace }, options.settings, browserShell(options.workspace.path));
  const rendererDir = options.rendererDir ?? join(appRoot(), 'dist', 'renderer');
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', 'an internal error occurred; see the host log'));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) return sendJson(res, 403, failure('INVALID_INPUT', 'foreign Host header refused'));
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, failure('INVALID_INPUT', 'method not allowed'));
    return serveStatic(res, rendererDir, url.pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, failure('INVALID_INPUT', 'API calls are POST requests'));
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, '')))
      return sendJson(res, 403, failure('INVALID_INPUT', 'cross-origin request refused'));
    if (!hasToken(req.headers.authorization, token)) return sendJson(res, 401, failure('INVALID_INPUT', 'missing or wrong token'));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return sendJson(res, 415, failure('INVALID_INPUT', 'API calls send application/json'));
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (err) {
      const code = err instanceof BodyTooLarge ? 'TOO_LARGE' : 'INVALID_INPUT';
      return sendJson(res, 400, failure(code, err instanceof BodyTooLarge ? err.message : 'the request body is not JSON'));
    }
    const envelope = await dispatch(api, method, body, (err) => console.error(`POST /api/${method} failed:`, err));
    sendJson(res, 200, envelope);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function hasToken(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge(`the request is over ${Math.round(MAX_BODY_BYTES / 1024 / 1024)} MB`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

function sendJson(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  securityHeaders(res);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(envelope));
}

async function serveStatic(res: ServerResponse, root: string, pathname: string): Promise<void> {
  const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  if (!file.startsWith(root + sep)) return sendJson(res, 404, failure('NOT_FOUND', 'not found'));
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return sendJson(res, 404, failure('NOT_FOUND', `${pathname} not found`));
  securityHeaders(res);
  res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Content-Length': info.size });
  createReadStream(file).pipe(res);
}

async function main(): Promise<void> {
  const options = parseShellArgs(process.argv.slice(2));
  const dir = options.workspace ?? defaultWorkspaceDir();
  const workspace = await Workspace.open(dir, options.workspace ? {} : { seedDir: samplesDir() });
  workspace.watch();
  const reason = workspace.readOnlyReason();
  if (reason) console.log(reason);
  const settings = await openAppSettings();
  const host = await startHost({ workspace, settings, ...(options.port !== undefined ? { port: options.port } : {}) });
  console.log(`Claimdesk is serving workspace ${workspace.path} at ${host.url}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(`Claimdesk could not start: ${(err as Error).message}`);
    process.exit(1);
  });
}
