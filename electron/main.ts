/**
 * Electron's main process, as thin wiring: the app's startup order and lifecycle events. One
 * hardened window over the built renderer, the native menu and dialogs, and one IPC handler
 * per API method that dispatches into the same service API as the browser host.
 *
 * Everything that reads or writes a workspace lives in electron/services. The shell's decisions
 * (which workspace to open, switching, a second launch's arguments, closing on quit, window
 * placement, the import report) live in electron/desktop, plain Node modules tested without
 * Electron. What Electron shows and enforces lives in electron/main/, one module per concern:
 * hardening.ts (the app:// scheme, session and web-contents rules), window.ts, menu.ts and
 * commands.ts (what its items do), dialogs.ts, ipc.ts (the API handlers and the caller check),
 * app-state.ts (what main keeps between events). Keep this file wiring: no handler bodies.
 *
 * The page is served from the privileged `app://claimdesk/` scheme (electron/app-protocol.ts),
 * never from file://. It must not trust the renderer: every IPC call is checked to come from
 * our window's top-level frame showing app://claimdesk/index.html, and validated by `dispatch`.
 * It must not navigate, open windows, grant permissions, load remote content or download
 * anything.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { launchData, requestedWorkspace, userArgs } from './desktop/command-line';
import { DesktopShell } from './desktop/shell';
import { electronProfileDir } from './desktop/user-data';
import { APP_NAME } from './desktop/window-title';
import { analystName, defaultWorkspaceDir, openAppSettings, samplesDir, userDataDir } from './services/app-paths';
import { rememberCurrent, type AppState } from './main/app-state';
import { refreshChrome, showSecondInstance } from './main/commands';
import { failStartup } from './main/dialogs';
import { hardenApp, hardenSession, registerAppScheme } from './main/hardening';
import { registerIpc } from './main/ipc';
import { createWindow, focusWindow } from './main/window';
import { runMergeDriver } from './services/sync/merge-driver';
import { MERGE_FILE_FLAG } from './services/sync/repository';

// The bundle's folder: this file is bundled, with electron/main/*, into dist/electron/main.mjs
// (inside app.asar when packaged), so the preload and the renderer are found from here.
const HERE = dirname(fileURLToPath(import.meta.url));
const PRELOAD = join(HERE, 'preload.cjs');
const RENDERER_DIR = join(HERE, '..', 'renderer');

/**
 * Everything after the app is ready: the session, the launch workspace (see DesktopShell.launch),
 * the IPC handlers, the menu and the window.
 * @returns the state, or null when startup failed (already shown) or the app quit first
 */
async function start(shell: DesktopShell, requested: string | undefined): Promise<AppState | null> {
  await app.whenReady();
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    failStartup('Claimdesk could not load its window', `${RENDERER_DIR} has no index.html (run "npm run build" first)`, shell);
    return null;
  }
  hardenSession(RENDERER_DIR);
  const { db: settings, isWritable } = await openAppSettings();
  if (!isWritable) console.error(`Claimdesk's settings file in ${userDataDir()} cannot be read; it is left untouched and defaults are used`);
  shell.annotator = analystName(settings.data);
  try {
    const plan = { recent: settings.data.recentWorkspaces, fallback: { dir: defaultWorkspaceDir(), seedDir: samplesDir() } };
    if ((await shell.launch(requested === undefined ? plan : { ...plan, requested })) === null) return null; // quit during startup
  } catch (err) {
    failStartup(`Claimdesk could not open the workspace ${requested ?? defaultWorkspaceDir()}`, err, shell);
    return null;
  }
  const state: AppState = {
    shell,
    settings,
    canSaveSettings: isWritable,
    preload: PRELOAD,
    window: null,
    pageTitle: '',
    isQuitting: false,
    api: null,
  };
  await rememberCurrent(state);
  registerIpc(state);
  app.on('activate', () => focusWindow(state));
  app.on('before-quit', () => {
    state.isQuitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || state.isQuitting) app.quit();
  });
  refreshChrome(state); // the menu; no window has a title to update yet
  createWindow(state);
  return state;
}

function main(): void {
  app.setName(APP_NAME);
  registerAppScheme(); // before ready, as Electron requires
  // With CLAIMDESK_DATA_DIR set (tests, portable use), Electron's own profile and the
  // single-instance lock follow it, so separate data folders are separate instances.
  try {
    const profile = electronProfileDir();
    if (profile !== null) app.setPath('userData', profile);
  } catch (err) {
    failStartup('Claimdesk could not prepare its data folder', err);
    return;
  }
  const hasAppPath = process.defaultApp === true; // `electron <app dir>`, as npm start runs it
  // A second launch hands its own arguments and directory to the first (Electron's argv there may be reordered).
  if (!app.requestSingleInstanceLock({ ...launchData(process.argv, hasAppPath, process.cwd()) })) {
    app.quit(); // the first instance gets 'second-instance' and comes to the front
    return;
  }
  hardenApp();
  let requested: string | undefined;
  try {
    requested = requestedWorkspace(userArgs(process.argv, hasAppPath), process.cwd());
  } catch (err) {
    void app.whenReady().then(() => failStartup('Claimdesk was started with invalid options', err));
    return;
  }
  const shell = new DesktopShell({ hasAppPath });
  // Registered before startup awaits anything, so a second launch during startup is not lost:
  // the shell handles it once the launch workspace is open, and the window shows the outcome.
  let started: Promise<AppState | null> = Promise.resolve(null);
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const outcome = shell.secondInstance(additionalData, argv, workingDirectory);
    void started
      .then(async (state) => (state ? showSecondInstance(state, await outcome) : undefined))
      .catch((err: unknown) => console.error('Claimdesk could not handle a second launch:', err));
  });
  // Quit closes the workspace (watchers stopped, lock released) before the app ends.
  app.on('will-quit', (event) => {
    if (shell.isClosed) return;
    event.preventDefault();
    void shell.quit().finally(() => app.quit());
  });
  started = start(shell, requested).catch((err: unknown) => {
    failStartup('Claimdesk could not start', err, shell);
    return null;
  });
}

// Run by git as the workspace merge driver (services/sync/repository.ts): merge one file and exit, no window.
const mergeFileAt = process.argv.indexOf(MERGE_FILE_FLAG);
if (mergeFileAt < 0) main();
else {
  const [base = '', ours = '', theirs = '', path = ''] = process.argv.slice(mergeFileAt + 1);
  void runMergeDriver(base, ours, theirs, path).then((code) => app.exit(code));
}
