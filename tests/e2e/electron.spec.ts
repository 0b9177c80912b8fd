/**
 * The Electron window, where an Electron binary is installed: it is hardened (sandboxed,
 * isolated, no Node in the page, a bridge with one function, the page served from
 * app://claimdesk/ with the CSP header, no way out of the renderer folder, no file:// loads),
 * and an analyst can import the samples through the UI, open the envoy article, see it in the
 * window title and select a sentence. Where no binary is installed, the run says so plainly
 * and skips only this file; tests/e2e/workbench.spec.ts runs the same flow in Chromium through
 * the browser host. The scheme handler itself is tested without Electron in
 * tests/integration/app-protocol.test.ts.
 *
 * On Linux the window needs a display: run under `xvfb-run -a` where there is none.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { APP_INDEX_URL } from '../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { ELECTRON_SKIP_REASON, electronBinary } from './support/electron-binary';
import { dragSelect } from './support/select-text';

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'electron', 'main.mjs');
const SAMPLES = join(ROOT, 'samples');
const ENVOY_TITLE = 'U.S. Envoy Arrives in Japan to Talk North Korea';
const SENTENCE = '"I don\'t see any splintering. On the contrary, I see a very clear message," Hill said after arriving in Tokyo';

type Bridge = { send: (method: string, arg?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> };

/** This process's environment for Electron, without ELECTRON_RUN_AS_NODE (which would make it plain Node). */
function childEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[0] !== 'ELECTRON_RUN_AS_NODE' && entry[1] !== undefined),
  );
}

/** The window's title as the OS shows it (main composes it; it is not just document.title). */
function windowTitle(app: ElectronApplication): Promise<string> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');
}

/** The webPreferences the window was created with, when this Electron still reports them. */
function lastWebPreferences(app: ElectronApplication): Promise<Record<string, unknown> | null> {
  return app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as
      | { getLastWebPreferences?: () => Record<string, unknown> | null }
      | undefined;
    const prefs = contents?.getLastWebPreferences?.() ?? null;
    return prefs ? JSON.parse(JSON.stringify(prefs)) : null;
  });
}

async function expectHardened(app: ElectronApplication, page: Page, workspace: string): Promise<void> {
  const prefs = await lastWebPreferences(app);
  if (prefs) expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  else test.info().annotations.push({ type: 'note', description: 'getLastWebPreferences() is unavailable; the page-side checks below stand in' });

  const pageFacts = await page.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>).require,
    process: typeof (globalThis as Record<string, unknown>).process,
    module: typeof (globalThis as Record<string, unknown>).module,
    bridgeKeys: Object.getOwnPropertyNames((window as unknown as { claimdesk?: object }).claimdesk ?? {}),
    popup: window.open('https://example.org/') === null,
  }));
  expect(pageFacts).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', bridgeKeys: ['send'], popup: true });

  // The page comes from the app scheme (a secure origin of its own), never from file://.
  expect(page.url()).toBe(APP_INDEX_URL);
  const origin = await page.evaluate(async () => {
    const status = (url: string) => fetch(url).then((r) => r.status, () => 'refused');
    const self = await fetch(location.href);
    return {
      origin: location.origin,
      isSecureContext: window.isSecureContext,
      csp: self.headers.get('content-security-policy'),
      traversal: await status('app://claimdesk/..%2f..%2fpackage.json'),
      missing: await status('app://claimdesk/no-such-file.js'),
      file: await status('file:///etc/hostname'),
    };
  });
  expect(origin).toEqual({ origin: 'app://claimdesk', isSecureContext: true, csp: CONTENT_SECURITY_POLICY, traversal: 404, missing: 404, file: 'refused' });

  const calls = await page.evaluate(async () => {
    const bridge = (window as unknown as { claimdesk: Bridge }).claimdesk;
    return {
      workspace: await bridge.send('getWorkspace'),
      unknown: await bridge.send('constructor'),
      invalid: await bridge.send('getDocument', { docId: '../../etc/passwd' }),
    };
  });
  expect(calls.workspace).toMatchObject({ ok: true, value: { path: workspace } });
  expect(calls.unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(calls.invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
}

test('the Electron window is hardened; import the samples, open the envoy article, select a sentence', async () => {
  const binary = electronBinary();
  if ('missing' in binary) {
    console.log(ELECTRON_SKIP_REASON);
    test.info().annotations.push({ type: 'electron', description: binary.missing });
    test.skip(true, ELECTRON_SKIP_REASON);
    return;
  }
  const workspace = await mkdtemp(join(tmpdir(), 'claimdesk-electron-ws-'));
  const dataDir = await mkdtemp(join(tmpdir(), 'claimdesk-electron-data-'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: [MAIN, '--workspace', workspace],
    cwd: ROOT,
    env: { ...childEnv(), CLAIMDESK_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await test.step('the window is hardened and the bridge answers', () => expectHardened(app, page, workspace));

    await test.step('import the samples through the Import button', async () => {
      await expect(page.getByText(/No articles yet/)).toBeVisible();
      const samples = readdirSync(SAMPLES).map((name) => join(SAMPLES, name));
      await page.locator('input[type=file]').setInputFiles(samples);
      await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(samples.length);
    });

    await test.step('open the envoy article; the window title names it and the workspace', async () => {
      const list = page.getByRole('listbox', { name: 'Documents' });
      await list.getByRole('option', { name: new RegExp(ENVOY_TITLE.replace(/\./g, '\\.')) }).click();
      const article = page.getByRole('article');
      await expect(article.getByRole('heading', { name: ENVOY_TITLE })).toBeVisible();
      await expect(article).toContainText(SENTENCE);
      await expect.poll(() => windowTitle(app)).toBe(`${ENVOY_TITLE} — ${basename(workspace)} — Claimdesk`);
    });

    await test.step('select a sentence and keep a screenshot', async () => {
      await dragSelect(page, page.getByRole('article'), SENTENCE);
      expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(SENTENCE);
      await page.screenshot({ path: test.info().outputPath('electron-envoy-article.png') });
      await page.screenshot({ path: join('test-results', 'screenshots', 'electron-envoy-article.png') });
    });

    await test.step('closing remembers the workspace and the window bounds', async () => {
      await app.close();
      const settings = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as {
        recentWorkspaces: string[];
        windowBounds?: { width: number; height: number };
      };
      expect(settings.recentWorkspaces[0]).toBe(workspace);
      expect(settings.windowBounds?.width).toBeGreaterThan(0);
    });
  } finally {
    await app.close().catch(() => undefined); // already closed by the last step unless a step failed
    await rm(workspace, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
});
