/**
 * The `app://claimdesk/` scheme the Electron window loads the built renderer from, instead of
 * file:// (Electron's security checklist, item 18). main.ts registers the scheme as privileged
 * and hands every request to `serveAppRequest`; everything else lives here, in plain Node, so
 * that it is tested on real files.
 *
 * It must serve only regular files inside the renderer folder: no `..` (plain or
 * percent-encoded), no encoded separators, drive letters or NUL bytes, no symlink that leads
 * out, no folder listings; anything else is a 404. Every response carries the app's
 * Content-Security-Policy. It must not import 'electron'.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

/** The scheme (without the colon). */
export const APP_SCHEME = 'app';
/** The one host the scheme serves; with it, the window's origin is `app://claimdesk`. */
export const APP_HOST = 'claimdesk';
/** The page the window loads. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The privileges main registers the scheme with, before the app is ready.
 * standard: relative URLs resolve and the page has a real origin (so the CSP's 'self' and
 * same-origin module scripts work, and localStorage is available); secure: a secure context,
 * like https:; supportFetchAPI: the page may fetch() its own files. No corsEnabled: no other
 * origin may read these files, and no bypassCSP.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json', // source maps, for DevTools in an unpackaged run
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A decoded path segment that could step out of the folder or name something else than a child. */
const UNSAFE_SEGMENT = /^\.{1,2}$|[/\\:\0]/;

/**
 * The path segments of an `app://claimdesk/…` URL, decoded, or null when the URL is not ours
 * or a segment is unsafe. `/` is index.html; a path ending in `/` (a folder) is refused.
 */
function pathSegments(url: string): string[] | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null; // not a URL: nothing to serve
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.pathname === '/') return ['index.html'];
  const segments: string[] = [];
  for (const raw of parsed.pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed percent-encoding
    }
    if (segment === '' || UNSAFE_SEGMENT.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/**
 * The file an app URL names inside `rootDir`, with symlinks resolved.
 * @param rootDir the built renderer folder (dist/renderer; may be inside app.asar)
 * @param url the request URL, e.g. `app://claimdesk/assets/index.js` (query and fragment ignored)
 * @returns the real path of a regular file inside `rootDir`, or null for anything else
 *   (another scheme or host, an unsafe path, a missing file, a folder, a symlink leading out)
 */
export async function resolveAppFile(rootDir: string, url: string): Promise<string | null> {
  const segments = pathSegments(url);
  if (!segments) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(join(rootDir, ...segments))]);
    if (!realFile.startsWith(realRoot + sep)) return null;
    return (await stat(realFile)).isFile() ? realFile : null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw err;
  }
}

/** The headers every response carries: the CSP, no MIME sniffing, no referrer, same-origin only. */
function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
}

/** A plain-text response with the security headers. */
function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/**
 * Answers one request to the app scheme from the files in `rootDir`.
 * @param rootDir the built renderer folder
 * @returns 200 with the file and its content type (no body for HEAD); 404 when
 *   `resolveAppFile` finds no file; 405 for methods other than GET and HEAD
 * @throws on file-system errors other than a missing file (Electron then fails the request)
 */
export async function serveAppRequest(rootDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'method not allowed');
  const file = await resolveAppFile(rootDir, request.url);
  if (!file) return textResponse(404, 'not found');
  const headers = securityHeaders(MIME[extname(file).toLowerCase()] ?? 'application/octet-stream');
  return new Response(request.method === 'HEAD' ? null : await readFile(file), { status: 200, headers });
}

/**
 * True when `url` is the renderer's page: app://claimdesk/index.html (or `/`), any query or
 * fragment. main.ts accepts IPC only from a frame showing it.
 */
export function isAppIndexUrl(url: string): boolean {
  const segments = pathSegments(url);
  return segments !== null && segments.length === 1 && segments[0] === 'index.html';
}
