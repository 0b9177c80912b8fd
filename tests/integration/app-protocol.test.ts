/**
 * The app:// scheme handler (electron/app-protocol.ts) on a real renderer folder in a temp
 * directory, with a secret file beside it and symlinks pointing out of it: the built files
 * are served with their content types and the CSP; every way out of the folder, every other
 * scheme or host, folders and missing files are 404s. Electron itself only calls the handler
 * (protocol.handle in main.ts), which needs the runtime; see tests/e2e/electron.spec.ts.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, isAppIndexUrl, resolveAppFile, serveAppRequest } from '../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { tempDir } from './support/temp';

const INDEX = '<!doctype html><title>Claimdesk</title>';
const SCRIPT = 'console.log("renderer");';
const SECRET = 'not for the page';

let root = '';
let outside = '';

beforeAll(async () => {
  const base = await tempDir('claimdesk-app-protocol-');
  root = join(base, 'renderer');
  outside = join(base, 'secret.txt');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), INDEX);
  await writeFile(join(root, 'assets', 'index-abc.js'), SCRIPT);
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(root, 'assets', 'data.bin'), 'raw');
  await writeFile(join(root, 'assets', 'weird name é.js'), SCRIPT);
  await writeFile(outside, SECRET);
  await symlink(outside, join(root, 'leak.txt'));
  await symlink(base, join(root, 'up'));
  await symlink(join(root, 'assets', 'index-abc.js'), join(root, 'alias.js'));
});

const get = (url: string, method = 'GET') => serveAppRequest(root, new Request(url, { method }));

describe('serving the renderer on app://claimdesk/', () => {
  it('serves index.html at the page URL and at /, with the CSP and security headers', async () => {
    for (const url of [APP_INDEX_URL, 'app://claimdesk/', 'app://claimdesk/index.html?x=1#top']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(await res.text()).toBe(INDEX);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves assets with their content types (module scripts need a JavaScript type)', async () => {
    const cases: [string, string][] = [
      ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['assets/index-abc.css', 'text/css; charset=utf-8'],
      ['assets/data.bin', 'application/octet-stream'],
      ['assets/weird%20name%20%C3%A9.js', 'text/javascript; charset=utf-8'],
    ];
    for (const [path, type] of cases) {
      const res = await get(`app://claimdesk/${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe(type);
    }
    expect(await (await get('app://claimdesk/assets/index-abc.js')).text()).toBe(SCRIPT);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(APP_INDEX_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get(APP_INDEX_URL, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('follows a symlink that stays inside the folder', async () => {
    expect(await resolveAppFile(root, 'app://claimdesk/alias.js')).toBe(await resolveAppFile(root, 'app://claimdesk/assets/index-abc.js'));
  });

  it('never serves anything outside the folder: traversal, encoded traversal, absolute paths, symlinks out', async () => {
    const attempts = [
      'app://claimdesk/../secret.txt',
      'app://claimdesk/assets/../../secret.txt',
      'app://claimdesk/%2e%2e/secret.txt',
      'app://claimdesk/.%2E/secret.txt',
      'app://claimdesk/..%2fsecret.txt',
      'app://claimdesk/assets%2f..%2f..%2fsecret.txt',
      'app://claimdesk/..%5csecret.txt',
      'app://claimdesk/%2e%2e%5csecret.txt',
      `app://claimdesk/${encodeURIComponent(outside)}`,
      `app://claimdesk/${outside}`,
      'app://claimdesk//etc/passwd',
      'app://claimdesk/C:%5cWindows%5cwin.ini',
      'app://claimdesk/index.html%00.js',
      'app://claimdesk/leak.txt',
      'app://claimdesk/up/secret.txt',
      'app://claimdesk/%',
      'app://claimdesk/%zz',
      'app://claimdesk/%c0%ae%c0%ae/secret.txt',
      `app://claimdesk/${'a'.repeat(5000)}`,
    ];
    for (const url of attempts) {
      expect(await resolveAppFile(root, url), url).toBeNull();
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain(SECRET);
    }
  });

  it('serves nothing for folders, missing files, other hosts or other schemes', async () => {
    const misses = [
      'app://claimdesk/assets',
      'app://claimdesk/assets/',
      'app://claimdesk/missing.js',
      'app://claimdesk/index.html/x',
      'app://elsewhere/index.html',
      'file:///index.html',
      'https://claimdesk/index.html',
      'not a url',
    ];
    for (const url of misses) expect(await resolveAppFile(root, url), url).toBeNull();
    expect((await get('app://claimdesk/missing.js')).status).toBe(404);
  });

  it('is a 404 for every page when the renderer is not built', async () => {
    const res = await serveAppRequest(join(root, 'not-built'), new Request(APP_INDEX_URL));
    expect(res.status).toBe(404);
  });
});

describe('the app origin', () => {
  it('recognises only the renderer page as the IPC sender page', () => {
    for (const url of [APP_INDEX_URL, 'app://claimdesk/', 'app://claimdesk/index.html?a=1#b']) expect(isAppIndexUrl(url), url).toBe(true);
    const others = [
      'app://claimdesk/assets/index-abc.js',
      'app://claimdesk/other/index.html',
      'app://evil/index.html',
      'file:///opt/claimdesk/resources/app.asar/dist/renderer/index.html',
      'https://claimdesk/index.html',
      'about:blank',
      '',
    ];
    for (const url of others) expect(isAppIndexUrl(url), url).toBe(false);
  });

  it('is registered as a standard, secure scheme without CORS or CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('corsEnabled');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
  });
});
