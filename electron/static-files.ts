/**
 * The built renderer's files, as both shells serve them: the browser host (GET /<path>) and the
 * Electron window's `app://claimdesk/` scheme. One set of path checks, one MIME table and one
 * set of security headers, so the two cannot drift apart.
 *
 * It serves only regular files inside the renderer folder: a path is refused (null, which both
 * shells answer with 404) when it is malformed percent-encoding, holds `.` or `..` segments
 * (plain or percent-encoded), an encoded separator, a drive letter (`:`), a NUL byte or an empty
 * segment, or when its real path (symlinks resolved) leaves the folder or is not a regular file.
 * A refused path never throws, so junk requests cannot fill a log. It does not import 'electron'.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

/** Content types by lower-cased extension; anything else is application/octet-stream. */
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

/** The page served for `/`. */
const INDEX_FILE = 'index.html';

/** A decoded path segment that could step out of the folder or name something else than a child. */
const UNSAFE_SEGMENT = /^\.{1,2}$|[/\\:\0]/;

/** fs errors that mean "no such file here" for a path a client made up (never worth a log line). */
const NOT_SERVABLE = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP', 'EINVAL']);

/** A file the renderer folder can serve: its real path, size and content type. */
export type StaticFile = Readonly<{ path: string; size: number; contentType: string }>;

/**
 * The content type of a file name, by its extension in any case.
 * @returns the type, or application/octet-stream for an unknown extension
 */
export function contentTypeOf(name: string): string {
  return MIME[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The headers every response of either shell carries (with its content type): the app's CSP, no
 * MIME sniffing, no referrer, same-origin only, nothing cached.
 */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/**
 * The decoded segments of a URL path, as sent (still percent-encoded; no query or fragment).
 * @param pathname e.g. `/assets/index-abc.js`; `/` names index.html
 * @returns the segments, or null when the path is not absolute, its encoding is malformed, or a
 *   segment is empty or unsafe (a path ending in `/`, a folder, is refused too)
 */
export function pathSegments(pathname: string): string[] | null {
  if (!pathname.startsWith('/')) return null;
  if (pathname === '/') return [INDEX_FILE];
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed percent-encoding (`%`, `%zz`, overlong UTF-8 such as `%c0%ae`): no such file
    }
    if (segment === '' || UNSAFE_SEGMENT.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/**
 * The file a URL path names inside `rootDir`, with symlinks resolved.
 * @param rootDir the built renderer folder (dist/renderer; may be inside app.asar)
 * @param pathname the URL path as sent (see pathSegments)
 * @returns the file, or null for anything else: an unsafe path, a missing file, a folder, a
 *   symlink leading out of `rootDir`, or a missing `rootDir` (the renderer is not built)
 * @throws on other file-system errors (EACCES, EIO): the folder itself is broken
 */
export async function resolveStaticFile(rootDir: string, pathname: string): Promise<StaticFile | null> {
  const segments = pathSegments(pathname);
  if (!segments) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(join(rootDir, ...segments))]);
    if (!realFile.startsWith(realRoot + sep)) return null;
    const info = await stat(realFile);
    return info.isFile() ? { path: realFile, size: info.size, contentType: contentTypeOf(realFile) } : null;
  } catch (err) {
    if (NOT_SERVABLE.has((err as NodeJS.ErrnoException).code ?? '')) return null;
    throw err;
  }
}
