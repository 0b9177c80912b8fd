/**
 * The browser host: serves the built renderer and maps `POST /api/<method>` onto the same
 * service API as Electron's IPC. It listens on 127.0.0.1 only, requires the per-run token
 * (`Authorization: Bearer <token>`), and refuses foreign Host and Origin headers (DNS
 * rebinding, cross-site POSTs). Run directly, it prints its URL (token included) on one line.
 *
 * `GET /events` (same token and Host rules) streams the change feed to a tab as Server-Sent
 * Events, one `data:` line of JSON (a ChangeEvent) per acknowledged write, so every tab sees every
 * saved change at once; a tab names itself with the CLIENT_ID_HEADER on its calls.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLIENT_ID_HEADER, EVENTS_PATH, failure, isClientId, MAX_IMPORT_BYTES, type ChangeEvent, type Envelope } from '../shared/api';
import { dispatch } from '../shared/api-validate';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { answerBody, serialiseAhead } from './host-answers';
import { createServiceApi, type SettingsStore } from './services/api';
import { ChangeFeed } from './services/change-feed';
import { appRoot, analystName, defaultWorkspaceDir, openAppSettings, samplesDir } from './services/app-paths';
import { parseShellArgs } from './services/cli-args';
import { browserShell } from './services/export/jobs';
import { Workspace } from './services/workspace';
import { resolveStaticFile, securityHeaders } from './static-files';

/** The Content-Security-Policy for every page the host serves (shared with Electron's main). */
export { CONTENT_SECURITY_POLICY };

/** The largest API request body: an import of MAX_IMPORT_BYTES as base64, and room for the JSON around it. */
const MAX_BODY_BYTES = Math.ceil(MAX_IMPORT_BYTES * 1.4) + 1024 * 1024;
/**
 * How much of an over-limit body is read and thrown away so that the client, still sending, can
 * read the 413 (a socket closed with unread data is a reset to the client). Past this the
 * connection is cut: nobody's honest request is that large.
 */
const MAX_DRAIN_BYTES = 4 * MAX_BODY_BYTES;
/** How often an idle event stream carries a comment, so that nothing between the tab and the host takes it for dead. */
const HEARTBEAT_MS = 25_000;
/** The signals that stop the host (Ctrl-C, `kill`, a closed terminal); it releases the workspace first. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

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
  const feed = new ChangeFeed(() => options.workspace.info().revision);
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
    // The path as sent, up to the query: never parsed as a URL, where `//x/y` would name host x.
    const pathname = /^[^?#]*/.exec(req.url ?? '/')![0];
    if (pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length));
    if (pathname === EVENTS_PATH) return streamEvents(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, failure('INVALID_INPUT', 'method not allowed'));
    return serveStatic(req, res, rendererDir, pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, failure('INVALID_INPUT', 'API calls are POST requests'));
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, '')))
      return sendJson(res, 403, failure('INVALID_INPUT', 'cross-origin request refused'));
    if (!hasToken(req.headers.authorization, token)) return sendJson(res, 401, failure('INVALID_INPUT', 'missing or wrong token'));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return sendJson(res, 415, failure('INVALID_INPUT', 'API calls send application/json'));
    const text = await readBody(req);
    if (text === null) return sendJson(res, 413, failure('TOO_LARGE', `the request is over ${Math.round(MAX_BODY_BYTES / 1024 / 1024)} MB`));
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return sendJson(res, 400, failure('INVALID_INPUT', 'the request body is not JSON'));
    }
    const clientId = req.headers[CLIENT_ID_HEADER];
    const caller = feed.publishing(api, isClientId(clientId) ? clientId : undefined);
    const envelope = await dispatch(caller, method, body, (err) => console.error(`POST /api/${method} failed:`, err));
    res.writeHead(200, securityHeaders('application/json; charset=utf-8'));
    res.end(answerBody(method, envelope));
    // Long articles read ahead are serialised now, before their open (host-answers.ts).
    if (method === 'readAhead' && envelope.ok) void serialiseAhead(api, body as { docIds: readonly string[]; layer?: string });
  }

  /** Streams the change feed to one tab until it goes away (token and origin checked as for API calls). */
  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return sendJson(res, 405, failure('INVALID_INPUT', 'the event stream is a GET request'));
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, '')))
      return sendJson(res, 403, failure('INVALID_INPUT', 'cross-origin request refused'));
    if (!hasToken(req.headers.authorization, token)) return sendJson(res, 401, failure('INVALID_INPUT', 'missing or wrong token'));
    res.writeHead(200, { ...securityHeaders('text/event-stream; charset=utf-8'), Connection: 'keep-alive' });
    // The first line tells the tab the stream is open (it then catches up once on what it missed).
    res.write(`: open at revision ${options.workspace.info().revision}\n\n`);
    const send = (event: ChangeEvent): void => void res.write(`data: ${JSON.stringify(event)}\n\n`);
    const unsubscribe = feed.subscribe(send);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }

  // An idle keep-alive connection must be closed by the browser, never by the host: a host that
  // closes one just as the page sends a POST on it fails that call (browsers retry only idempotent
  // methods). Chromium drops idle connections after 5 minutes; the host waits longer.
  server.keepAliveTimeout = 6 * 60_000;
  server.headersTimeout = server.keepAliveTimeout + 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // idle keep-alive connections would hold close() open
      }),
  };
}

function hasToken(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Reads a request body.
 * @returns the body as text, or null when it is over MAX_BODY_BYTES: the rest is then read and
 *   dropped (up to MAX_DRAIN_BYTES, past which the request is destroyed), so that the caller's
 *   413 reaches a client that is still sending
 * @throws when the client aborts the request
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.length = 0;
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  res.writeHead(status, securityHeaders('application/json; charset=utf-8'));
  res.end(JSON.stringify(envelope));
}

/** Serves a file of the renderer folder (static-files.ts decides which paths are files); 404 for anything else. */
async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, pathname: string): Promise<void> {
  const file = await resolveStaticFile(root, pathname);
  if (!file) return sendJson(res, 404, failure('NOT_FOUND', 'not found'));
  res.writeHead(200, { ...securityHeaders(file.contentType), 'Content-Length': file.size });
  if (req.method === 'HEAD') res.end();
  else
    createReadStream(file.path)
      .on('error', () => res.destroy()) // the file went away after the 200: cut the response short
      .pipe(res);
}

async function main(): Promise<void> {
  const options = parseShellArgs(process.argv.slice(2));
  const dir = options.workspace ?? defaultWorkspaceDir();
  const settings = await openAppSettings();
  const annotator = analystName(settings.db.data);
  const workspace = await Workspace.open(dir, options.workspace ? { annotator } : { seedDir: samplesDir(), annotator });
  let host: RunningHost | null = null;
  const stop = (): void => {
    for (const signal of STOP_SIGNALS) process.off(signal, stop); // a second signal stops at once
    // Released before exiting, so the next Claimdesk on this folder is not read-only for up to two minutes.
    void Promise.resolve(host?.close())
      .then(() => workspace.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(`Claimdesk could not release the workspace: ${(err as Error).message}`);
          process.exit(1);
        },
      );
  };
  for (const signal of STOP_SIGNALS) process.on(signal, stop);
  try {
    workspace.watch();
    // The first window's list rows are made now, while the page loads, instead of when it asks (#14).
    workspace.listDocuments(annotator);
    const reason = workspace.readOnlyReason();
    if (reason) console.log(reason);
    host = await startHost({ workspace, settings, ...(options.port !== undefined ? { port: options.port } : {}) });
  } catch (err) {
    await workspace.close();
    throw err;
  }
  console.log(`Claimdesk is serving workspace ${workspace.path} at ${host.url}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(`Claimdesk could not start: ${(err as Error).message}`);
    process.exit(1);
  });
}
