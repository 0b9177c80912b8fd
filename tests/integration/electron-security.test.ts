/**
 * What can be checked of the Electron shell without an Electron runtime: the IPC naming, the
 * preload as the sandbox will run it (CommonJS, nothing but 'electron', send alone exposed, no channel listened to,
 * unknown methods refused), main as scripts/build-node.mjs bundles it (electron/main.ts with
 * its modules in electron/main/, one file): it does not pull in the host's HTTP server, loads
 * the window from the app:// scheme, never file://, and keeps every hardening call and
 * webPreference (read from the bundle, so a check moved between those modules is still found
 * and a check removed fails), that the built renderer is servable
 * from that scheme, and that every page gets the same Content-Security-Policy (app:// header,
 * renderer meta tag, browser host). The scheme handler's path rules are tested in
 * app-protocol.test.ts; Electron calling it, and the window itself, are covered by
 * tests/e2e/electron.spec.ts where Electron runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api';
import { APP_INDEX_URL, APP_SCHEME, serveAppRequest } from '../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { startHost } from '../../electron/host';
import { CHANNEL_PREFIX, channelFor, methodsFromArgv, methodsSwitch } from '../../electron/ipc-channel';
import { openAppSettings } from '../../electron/services/app-paths';
import { Workspace } from '../../electron/services/workspace';
import { tempDir } from './support/temp';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILT_PRELOAD = join(ROOT, 'dist', 'electron', 'preload.cjs');
const BUILT_MAIN = join(ROOT, 'dist', 'electron', 'main.mjs');
const BUILT_RENDERER = join(ROOT, 'dist', 'renderer');

type Envelope = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
type Invoke = (channel: string, arg: unknown) => Promise<unknown>;

/** The preload bundled as scripts/build-node.mjs bundles it (CommonJS, packages left external). */
async function bundlePreload(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'electron', 'preload.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Main bundled as scripts/build-node.mjs bundles it (ESM, packages left external): one file whatever electron/main/ holds. */
async function bundleMain(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'electron', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  expect(result.outputFiles).toHaveLength(1);
  return result.outputFiles[0]?.text ?? '';
}

/**
 * Runs preload code the way Electron's sandbox does: a fresh context whose `require` knows
 * only 'electron', with a renderer-like process.argv.
 * @returns what it exposed to the page, and the modules it asked for
 */
function runPreload(
  code: string,
  argv: readonly string[],
  invoke: Invoke,
): { exposed: Record<string, unknown>; required: string[]; listening: [string, (...args: unknown[]) => void][] } {
  const exposed: Record<string, unknown> = {};
  const required: string[] = [];
  const listening: [string, (...args: unknown[]) => void][] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
    ipcRenderer: {
      invoke,
      on: (channel: string, handler: (...args: unknown[]) => void) => void listening.push([channel, handler]),
      removeListener: (channel: string, handler: (...args: unknown[]) => void) =>
        void listening.splice(
          listening.findIndex(([c, h]) => c === channel && h === handler),
          1,
        ),
    },
  };
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name !== 'electron') throw new Error(`module not found: ${name} (the sandbox allows only 'electron')`);
    return electron;
  };
  const module = { exports: {} };
  runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, process: { argv: [...argv] } });
  return { exposed, required, listening };
}

/** A plain copy, so objects from the preload's context compare like local ones. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('IPC channel names', () => {
  it('derives one distinct channel per API method, all under the claimdesk: prefix', () => {
    const channels = API_METHODS.map(channelFor);
    expect(new Set(channels).size).toBe(API_METHODS.length);
    for (const [i, method] of API_METHODS.entries()) expect(channels[i]).toBe(`${CHANNEL_PREFIX}${method}`);
  });

  it('carries every API method to the preload through the renderer command line', () => {
    const argv = ['/opt/claimdesk/claimdesk', '--type=renderer', methodsSwitch(API_METHODS), '--renderer-client-id=4'];
    expect([...methodsFromArgv(argv)].sort()).toEqual([...API_METHODS].sort());
  });

  it('announces nothing without the switch and never lets odd names through', () => {
    expect(methodsFromArgv(['/opt/claimdesk/claimdesk', '--type=renderer']).size).toBe(0);
    const forged = methodsFromArgv(['x', '--claimdesk-api-methods=getWorkspace,__proto__,constructor(),../x,']);
    expect([...forged]).toEqual(['getWorkspace']);
    expect(() => methodsSwitch(['getWorkspace', 'evil,listDocuments'])).toThrow(TypeError);
  });
});

describe('the preload, as the sandbox runs it', () => {
  let code = '';
  beforeAll(async () => {
    code = await bundlePreload();
  });

  it('requires nothing but electron, exposes exactly window.claimdesk.send, and listens to no channel', () => {
    const { exposed, required, listening } = runPreload(code, ['x', methodsSwitch(API_METHODS)], async () => null);
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['claimdesk']);
    expect(Object.keys(exposed.claimdesk as object)).toEqual(['send']);
    expect(listening).toEqual([]);
    expect(code).not.toMatch(/^\s*(?:import|export)\b/m); // CommonJS only: no ESM statements
  });

  it('forwards a contract method on its own channel and returns main’s envelope', async () => {
    const calls: [string, unknown][] = [];
    const { exposed } = runPreload(code, ['x', methodsSwitch(API_METHODS)], async (channel, arg) => {
      calls.push([channel, arg]);
      return { ok: true, value: 'from main' };
    });
    const send = (exposed.claimdesk as { send: (m: unknown, a?: unknown) => Promise<Envelope> }).send;
    expect(plain(await send('getDocument', { docId: 'abc123' }))).toEqual({ ok: true, value: 'from main' });
    expect(calls).toEqual([[channelFor('getDocument'), { docId: 'abc123' }]]);
  });

  it('refuses names outside the contract without touching IPC, and turns IPC failures into envelopes', async () => {
    let invoked = 0;
    const { exposed } = runPreload(code, ['x', methodsSwitch(API_METHODS)], async () => {
      invoked += 1;
      throw new Error("No handler registered for 'claimdesk:getWorkspace'");
    });
    const send = (exposed.claimdesk as { send: (m: unknown, a?: unknown) => Promise<Envelope> }).send;
    for (const name of ['constructor', '__proto__', 'toString', 'getWorkspace:x', 42]) {
      expect(plain(await send(name))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(invoked).toBe(0);
    expect(plain(await send('getWorkspace'))).toMatchObject({ ok: false, error: { code: 'IO' } });
    expect(invoked).toBe(1);
  });

  it('forwards nothing when main announced no methods', async () => {
    const { exposed } = runPreload(code, ['x'], async () => ({ ok: true, value: null }));
    const send = (exposed.claimdesk as { send: (m: unknown) => Promise<Envelope> }).send;
    expect(plain(await send('getWorkspace'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('is built the same way in dist/ (skipped until `npm run build`)', (ctx) => {
    ctx.skip(!existsSync(BUILT_PRELOAD), 'dist/electron/preload.cjs is not built (run `npm run build`)');
    const built = readFileSync(BUILT_PRELOAD, 'utf8');
    expect([...built.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual(['electron']);
    const { exposed } = runPreload(built, ['x', methodsSwitch(API_METHODS)], async () => null);
    expect(Object.keys(exposed.claimdesk as object)).toEqual(['send']);
  });
});

/** Main's bundle imports Electron and not the browser host's HTTP server. */
function expectNoHttpServer(code: string): void {
  expect(code).toMatch(/from\s+["']electron["']/);
  expect(code).not.toMatch(/["']node:http["']/);
}

/** Main's bundle registers the app scheme as privileged, serves it, and loads the window from it, never from a file. */
function expectAppScheme(code: string): void {
  expect(code).toMatch(/\bprotocol\.registerSchemesAsPrivileged\(/);
  expect(code).toMatch(/\.protocol\.handle\(/);
  expect(code).toContain(`"${APP_SCHEME}"`);
  expect(code).toMatch(/\.loadURL\(/);
  expect(code).not.toMatch(/\.loadFile\(/);
  expect(code).not.toMatch(/onHeadersReceived/); // the CSP comes with the app:// responses themselves
}

describe('the main bundle', () => {
  let code = '';
  beforeAll(async () => {
    code = await bundleMain();
  });

  it('does not pull in the browser host’s HTTP server', () => {
    expectNoHttpServer(code);
  });

  it('registers the app scheme as privileged, serves it, and loads the window from it, never from a file', () => {
    expectAppScheme(code);
  });

  it('refuses remote requests, permissions and downloads on the session', () => {
    expect(code).toMatch(/\.webRequest\.onBeforeRequest\(/);
    expect(code).toMatch(/\.setPermissionRequestHandler\(\([^)]*\)\s*=>\s*callback\(false\)\)/);
    expect(code).toMatch(/\.setPermissionCheckHandler\(\(\)\s*=>\s*false\)/);
    expect(code).toMatch(/\.on\("will-download",\s*\(event\)\s*=>\s*event\.preventDefault\(\)\)/);
  });

  it('sandboxes every renderer and stops every web contents navigating, redirecting, opening windows or attaching webviews', () => {
    expect(code).toMatch(/\.enableSandbox\(\)/);
    expect(code).toMatch(/\.on\("web-contents-created",/);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(code, event).toMatch(new RegExp(`\\.on\\("${event}",\\s*\\(event\\)\\s*=>\\s*event\\.preventDefault\\(\\)\\)`));
    }
    expect(code).toMatch(/\.setWindowOpenHandler\(\(\)\s*=>\s*\(\{\s*action:\s*"deny"\s*\}\)\)/);
  });

  it('opens the window isolated, sandboxed, without Node or webviews', () => {
    const prefs = /webPreferences:\s*\{([^}]*)\}/.exec(code)?.[1] ?? '';
    const settings = [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'nodeIntegrationInSubFrames: false',
      'webSecurity: true',
      'webviewTag: false',
    ];
    for (const setting of settings) expect(prefs, setting).toContain(setting);
  });

  it('answers IPC only after checking the caller is our window’s top frame showing our page', () => {
    expect(code).toMatch(/ipcMain\.handle\(/);
    expect(code).toMatch(/frame\.parent === null/);
    expect(code).toMatch(/isAppIndexUrl\(frame\.url\)/);
  });

  it('is built the same way in dist/ (skipped until `npm run build`)', (ctx) => {
    ctx.skip(!existsSync(BUILT_MAIN), 'dist/electron/main.mjs is not built (run `npm run build`)');
    const built = readFileSync(BUILT_MAIN, 'utf8');
    expectNoHttpServer(built);
    expectAppScheme(built);
  });
});

describe('the built renderer on the app scheme', () => {
  it('serves index.html and every script and stylesheet it links, as JavaScript and CSS (skipped until `npm run build`)', async (ctx) => {
    ctx.skip(!existsSync(join(BUILT_RENDERER, 'index.html')), 'dist/renderer is not built (run `npm run build`)');
    const page = await serveAppRequest(BUILT_RENDERER, new Request(APP_INDEX_URL));
    expect(page.status).toBe(200);
    const html = await page.text();
    const urls = [...html.matchAll(/\b(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => new URL(m[1] ?? '', APP_INDEX_URL));
    expect(urls.length).toBeGreaterThanOrEqual(2);
    for (const url of urls) {
      expect(url.href.startsWith('app://claimdesk/'), url.href).toBe(true); // relative links stay on our origin
      const res = await serveAppRequest(BUILT_RENDERER, new Request(url));
      expect(res.status, url.href).toBe(200);
      expect(res.headers.get('content-type'), url.href).toMatch(url.pathname.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
    }
  });
});

describe('one Content-Security-Policy everywhere', () => {
  it('is the one the app scheme sends with the page', async () => {
    const res = await serveAppRequest(await tempDir(), new Request(APP_INDEX_URL));
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is the one in renderer/index.html (less frame-ancestors, which a meta tag ignores)', () => {
    const html = readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const withoutFrameAncestors = CONTENT_SECURITY_POLICY.split(/;\s*/)
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(withoutFrameAncestors);
  });

  it('is the one the browser host sends', async () => {
    process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-csp-data-');
    const host = await startHost({
      workspace: await Workspace.open(await tempDir()),
      settings: await openAppSettings(),
      rendererDir: await tempDir(),
    });
    try {
      const res = await fetch(new URL('/nothing-here', host.url));
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      await host.close();
    }
  });
});
