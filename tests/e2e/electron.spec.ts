/**
 * The Electron window, where an Electron binary is installed: it is hardened (sandboxed,
 * isolated, no Node in the page, a bridge with one function, the page served from
 * app://claimdesk/ with the CSP header, no way out of the renderer folder, no file:// loads),
 * and an analyst can import the samples through the UI, open the envoy article, see it in the
 * window title and select a sentence. A second flow drives the desktop shell as a user does:
 * launched the way `npm start` launches it (`electron <repo root> --workspace ./a`, run in the
 * user's directory), File > Open Workspace (on another folder, then on the open one), a
 * second launch naming a workspace, and quit, checking the workspace locks on disk each time.
 * The decisions behind them run under Node in tests/integration/desktop-*.test.ts.
 * Where no binary is installed, the run says so plainly and skips only this file; tests/e2e/workbench.spec.ts runs the same flow in Chromium through
 * the browser host. The scheme handler itself is tested without Electron in
 * tests/integration/app-protocol.test.ts.
 *
 * On Linux the window needs a display: run under `xvfb-run -a` where there is none.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { APP_INDEX_URL } from '../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { ELECTRON_SKIP_REASON, electronBinary } from './support/electron-binary';
import { dragSelect } from './support/select-text';

const ROOT = join(import.meta.dirname, '..', '..');
/** The lock file a writable workspace holds (electron/services/store/workspace-lock.ts). */
const LOCK_FILE = '.claimdesk.lock';
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
      { getLastWebPreferences?: () => Record<string, unknown> | null } | undefined;
    const prefs = contents?.getLastWebPreferences?.() ?? null;
    return prefs ? JSON.parse(JSON.stringify(prefs)) : null;
  });
}

/** The Electron executable, or null after printing why the test is skipped and skipping it. */
function binaryOrSkip(): string | null {
  const binary = electronBinary();
  if ('path' in binary) return binary.path;
  console.log(ELECTRON_SKIP_REASON);
  test.info().annotations.push({ type: 'electron', description: binary.missing });
  test.skip(true, ELECTRON_SKIP_REASON);
  return null;
}

/** The pid in a workspace's lock file, or null when it has none. */
async function lockHolder(dir: string): Promise<number | null> {
  try {
    return (JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as { pid: number }).pid;
  } catch {
    return null; // no lock file: nobody holds the workspace
  }
}

/** The open workspace's path, as the window's page sees it through the bridge. */
function workspacePath(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const res = await (window as unknown as { claimdesk: Bridge }).claimdesk.send('getWorkspace');
    return (res.value as { path?: string } | undefined)?.path;
  });
}

/** File > Open Workspace… with the folder dialog answering `dir` (native dialogs cannot be driven). */
async function openWorkspaceFromMenu(app: ElectronApplication, dir: string): Promise<void> {
  await app.evaluate(({ dialog, Menu }, chosen) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
    const file = Menu.getApplicationMenu()?.items.find((item) => item.label === '&File');
    const item = file?.submenu?.items.find((entry) => entry.label === 'Open Workspace…');
    if (!item) throw new Error('File > Open Workspace… is not in the menu');
    item.click();
  }, dir);
}

/** Runs the binary again the way `npm start` does, as a second launch; resolves with its exit code. */
function secondLaunch(binary: string, args: readonly string[], cwd: string, env: Record<string, string>): Promise<number | null> {
  return new Promise((done, fail) => {
    const child = spawn(binary, [ROOT, ...args], { cwd, env, stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code) => done(code));
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
    const status = (url: string) =>
      fetch(url).then(
        (r) => r.status,
        () => 'refused',
      );
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
  expect(origin).toEqual({
    origin: 'app://claimdesk',
    isSecureContext: true,
    csp: CONTENT_SECURITY_POLICY,
    traversal: 404,
    missing: 404,
    file: 'refused',
  });

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
  const binary = binaryOrSkip();
  if (binary === null) return;
  const workspace = await mkdtemp(join(tmpdir(), 'claimdesk-electron-ws-'));
  const dataDir = await mkdtemp(join(tmpdir(), 'claimdesk-electron-data-'));
  const app = await electron.launch({
    executablePath: binary,
    args: [ROOT, '--workspace', workspace], // as npm start runs it: the app folder, package.json "main"
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

test('the desktop shell: launched as npm start does, Open Workspace, a second launch, quit', async () => {
  const binary = binaryOrSkip();
  if (binary === null) return;
  const userDir = await mkdtemp(join(tmpdir(), 'claimdesk-electron-user-')); // the user's shell directory
  const otherDir = join(userDir, 'elsewhere'); // where the second launch is run from
  await mkdir(otherDir);
  const dataDir = await mkdtemp(join(tmpdir(), 'claimdesk-electron-data-'));
  const env = { ...childEnv(), CLAIMDESK_DATA_DIR: join(dataDir, 'not-yet-made') }; // the profile folder is made first
  const [a, b, c] = [join(userDir, 'a'), join(userDir, 'b'), join(otherDir, 'c')];
  const app = await electron.launch({ executablePath: binary, args: [ROOT, '--workspace', './a'], cwd: userDir, env });
  const pid = app.process().pid;
  try {
    const page = await app.firstWindow();

    await test.step('the relative --workspace is opened in the launch directory, and held', async () => {
      await expect.poll(() => workspacePath(page)).toBe(a);
      expect(await lockHolder(a)).toBe(pid);
    });

    await test.step('Open Workspace on another folder releases the first', async () => {
      await mkdir(b);
      await openWorkspaceFromMenu(app, b);
      await expect.poll(() => workspacePath(page)).toBe(b);
      expect(await lockHolder(b)).toBe(pid);
      expect(await lockHolder(a)).toBeNull();
    });

    await test.step('Open Workspace on the open folder keeps its lock', async () => {
      await openWorkspaceFromMenu(app, b);
      await expect.poll(() => lockHolder(b)).toBe(pid);
      expect(await workspacePath(page)).toBe(b);
    });

    await test.step('a second launch hands over its --workspace, resolved in its own directory, and exits', async () => {
      expect(await secondLaunch(binary, ['--workspace', './c'], otherDir, env)).toBe(0);
      await expect.poll(() => workspacePath(page)).toBe(c);
      expect(await lockHolder(c)).toBe(pid);
      expect(await lockHolder(b)).toBeNull();
    });

    await test.step('quit closes the workspace: no lock is left', async () => {
      const closed = app.waitForEvent('close');
      await app.evaluate(({ app: electronApp }) => electronApp.quit());
      await closed;
      expect(await lockHolder(c)).toBeNull();
    });
  } finally {
    await app.close().catch(() => undefined); // already closed by the last step unless a step failed
    await rm(userDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
});
