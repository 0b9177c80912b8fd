/**
 * The `app://claimdesk/` scheme the Electron window loads the built renderer from, instead of
 * file:// (Electron's security checklist, item 18). main.ts registers the scheme as privileged
 * and hands every request to `serveAppRequest`. This is the thin Electron-facing part: the
 * path checks, content types and security headers are static-files.ts's, shared with the
 * browser host, and tested on real files.
 *
 * It serves only regular files inside the renderer folder (anything else is a 404) and only on
 * `app://claimdesk`; every response carries the app's Content-Security-Policy. It must not
 * import 'electron'.
 */
import { readFile } from 'node:fs/promises';
import { pathSegments, resolveStaticFile, securityHeaders } from './static-files';

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

/**
 * The URL path of an `app://claimdesk/…` URL (still percent-encoded), or null when the URL does
 * not parse or is not ours.
 */
function appPathname(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null; // not a URL: nothing to serve
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST ? parsed.pathname : null;
}

/**
 * The file an app URL names inside `rootDir`, with symlinks resolved (see static-files.ts).
 * @param rootDir the built renderer folder (dist/renderer; may be inside app.asar)
 * @param url the request URL, e.g. `app://claimdesk/assets/index.js` (query and fragment ignored)
 * @returns the real path of a regular file inside `rootDir`, or null for anything else
 *   (another scheme or host, an unsafe path, a missing file, a folder, a symlink leading out)
 */
export async function resolveAppFile(rootDir: string, url: string): Promise<string | null> {
  const pathname = appPathname(url);
  return pathname === null ? null : ((await resolveStaticFile(rootDir, pathname))?.path ?? null);
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
  const pathname = appPathname(request.url);
  const file = pathname === null ? null : await resolveStaticFile(rootDir, pathname);
  if (!file) return textResponse(404, 'not found');
  const body = request.method === 'HEAD' ? null : await readFile(file.path);
  return new Response(body, { status: 200, headers: securityHeaders(file.contentType) });
}

/**
 * True when `url` is the renderer's page: app://claimdesk/index.html (or `/`), any query or
 * fragment. main.ts accepts IPC only from a frame showing it.
 */
export function isAppIndexUrl(url: string): boolean {
  const pathname = appPathname(url);
  const segments = pathname === null ? null : pathSegments(pathname);
  return segments !== null && segments.length === 1 && segments[0] === 'index.html';
}
