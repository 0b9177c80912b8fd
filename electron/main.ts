/**
 * Electron's main process: one hardened window over the built renderer, the native menu and
 * dialogs, and one IPC handler per API method that dispatches into the same service API as
 * the browser host. Everything that reads or writes a workspace lives in electron/services;
 * this module only wires Electron to it. The shell's decisions (which workspace to open,
 * switching, a second launch's arguments, closing on quit, window placement, the import report)
 * live in electron/desktop, plain Node modules tested without Electron; keep this file wiring.
 *
 * The page is served from the privileged `app://claimdesk/` scheme (electron/app-protocol.ts),
 * never from file://. It must not trust the renderer: every IPC call is checked to come from
 * our window's top-level frame showing app://claimdesk/index.html, and validated by `dispatch`.
 * It must not navigate, open windows, grant permissions, load remote content or download
 * anything.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
  type MessageBoxOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
  type WebContents,
} from 'electron';
import { API_METHODS, failure, type ClaimdeskApi, type Envelope } from '../shared/api';
import { dispatch } from '../shared/api-validate';
import { formatReport } from '../shared/export/report';
import { assertNever } from '../shared/model/operations';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, isAppIndexUrl, serveAppRequest } from './app-protocol';
import { launchData, requestedWorkspace, userArgs } from './desktop/command-line';
import { describeImport, REPORT_LINES_PER_LIST } from './desktop/import-report';
import { DesktopShell, type SecondInstanceOutcome, type SwitchOutcome } from './desktop/shell';
import { electronProfileDir } from './desktop/user-data';
import { MIN_SIZE, restorableBounds, revealWindow } from './desktop/window-placement';
import { APP_NAME, composeTitle } from './desktop/window-title';
import { channelFor, methodsSwitch } from './ipc-channel';
import { createServiceApi } from './services/api';
import { defaultWorkspaceDir, openAppSettings, rememberWorkspace, samplesDir, userDataDir } from './services/app-paths';
import type { ExportShell } from './services/export-jobs';
import { SUPPORTED_EXTENSIONS } from './services/importers/types';

const HERE = dirname(fileURLToPath(import.meta.url)); // dist/electron (inside app.asar when packaged)
const PRELOAD = join(HERE, 'preload.cjs');
const RENDERER_DIR = join(HERE, '..', 'renderer');
/** Exit code for a startup failure already shown to the user; scripts/start.mjs does not fall back on it. */
const EXIT_REPORTED = 2;
const BOUNDS_SAVE_DELAY_MS = 500;
const EXPORT_POLL_MS = 200;
const REMOTE_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);
const REFUSED: Envelope<never> = failure('INVALID_INPUT', 'this caller may not use the Claimdesk API');

type SettingsDb = Awaited<ReturnType<typeof openAppSettings>>['db'];

/** Everything main keeps between events. */
type AppState = {
  /** The open workspace and the decisions about it. */
  shell: DesktopShell;
  settings: SettingsDb;
  canSaveSettings: boolean;
  window: BrowserWindow | null;
  pageTitle: string;
  isQuitting: boolean;
  /** The service API behind the IPC handlers (set by registerIpc); menu actions use it too. */
  api: ClaimdeskApi | null;
};

// ---------------------------------------------------------------------------------------------
// Startup failures

/** A readable message for anything thrown. */
function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Shows a startup failure (GUI when possible, always on stderr), closes what is open and exits. */
function failStartup(title: string, err: unknown, shell?: DesktopShell): void {
  console.error(`${title}: ${messageOf(err)}`);
  dialog.showErrorBox(title, messageOf(err)); // allowed before ready
  // app.exit skips will-quit, where the workspace is closed otherwise.
  void (shell?.quit() ?? Promise.resolve()).finally(() => app.exit(EXIT_REPORTED));
}

// ---------------------------------------------------------------------------------------------
// Workspace

/** Writes the app settings when the file may be written (a corrupt file is never overwritten). */
async function saveSettings(state: AppState): Promise<void> {
  if (!state.canSaveSettings) return;
  try {
    await state.settings.write();
  } catch (err) {
    console.error('Claimdesk could not save its settings:', err);
  }
}

/** Puts the open workspace first in the recent list and saves it. */
async function rememberCurrent(state: AppState): Promise<void> {
  rememberWorkspace(state.settings.data, state.shell.session.current.path);
  await saveSettings(state);
}

/**
 * Opens a workspace and makes it the current one (see DesktopShell.switchTo): the renderer
 * notices the new path on its next getWorkspace poll and reloads its list.
 */
async function switchWorkspace(state: AppState, dir: string): Promise<void> {
  let outcome: SwitchOutcome;
  try {
    outcome = await state.shell.switchTo(dir);
  } catch (err) {
    await showCannotOpen(state, dir, messageOf(err));
    return;
  }
  if (outcome.kind === 'switched') await showSwitched(state);
}

/** Remembers the workspace just opened and shows it in the menu and title. */
async function showSwitched(state: AppState): Promise<void> {
  await rememberCurrent(state);
  refreshChrome(state);
}

async function showCannotOpen(state: AppState, dir: string, reason: string): Promise<void> {
  await showMessage(state, { type: 'error', message: `Claimdesk could not open the workspace ${dir}`, detail: reason });
}

/** A second launch: to the front, in the workspace it asked for (see DesktopShell.secondInstance). */
async function showSecondInstance(state: AppState, outcome: SecondInstanceOutcome): Promise<void> {
  if (outcome.kind === 'closed') return; // quitting
  focusWindow(state);
  switch (outcome.kind) {
    case 'switched':
      return showSwitched(state);
    case 'invalid':
      await showMessage(state, { type: 'warning', message: 'Claimdesk was started again with invalid options.', detail: outcome.message });
      return;
    case 'failed':
      return showCannotOpen(state, outcome.dir, outcome.message);
    case 'focus':
    case 'unchanged':
      return;
    default:
      return assertNever(outcome);
  }
}

/** The folder's visible entries; an absent folder has none. */
async function visibleEntries(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => !name.startsWith('.'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Window

/** Copies the window's normal (unmaximised) bounds into the settings and saves them. */
async function saveBounds(win: BrowserWindow, state: AppState): Promise<void> {
  if (win.isDestroyed()) return;
  const { x, y, width, height } = win.getNormalBounds();
  state.settings.data.windowBounds = { x, y, width, height, isMaximized: win.isMaximized() };
  await saveSettings(state);
}

/** Saves the bounds shortly after every move or resize, and once more before the window closes. */
function trackBounds(win: BrowserWindow, state: AppState): void {
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void saveBounds(win, state), BOUNDS_SAVE_DELAY_MS);
  };
  win.on('move', schedule);
  win.on('resize', schedule);
  win.on('maximize', schedule);
  win.on('unmaximize', schedule);
  let isSaved = false;
  win.on('close', (event) => {
    clearTimeout(timer);
    if (isSaved) return;
    // Hold the close until the bounds are on disk, then close for real.
    event.preventDefault();
    void saveBounds(win, state).finally(() => {
      isSaved = true;
      win.close();
    });
  });
}

/** Sets the window title from the page title and the open workspace. */
function updateTitle(state: AppState): void {
  const win = state.window;
  if (win && !win.isDestroyed()) win.setTitle(composeTitle(state.pageTitle, state.shell.session.current.info().name));
}

/** Updates what depends on the open workspace and the recent list: the menu (Open Recent) and the title. */
function refreshChrome(state: AppState): void {
  Menu.setApplicationMenu(buildMenu(state));
  updateTitle(state);
}

/** Creates the one Claimdesk window, hardened, at its remembered place. */
function createWindow(state: AppState): BrowserWindow {
  const saved = state.settings.data.windowBounds;
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  const win = new BrowserWindow({
    ...restorableBounds(saved, workAreas),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: composeTitle('', state.shell.session.current.info().name),
    backgroundColor: '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      safeDialogs: true,
      preload: PRELOAD,
      additionalArguments: [methodsSwitch(API_METHODS)], // the preload's list of methods (see ipc-channel.ts)
      devTools: !app.isPackaged,
    },
  });
  state.window = win;
  revealWindow(win, saved);
  win.on('page-title-updated', (event, title) => {
    event.preventDefault();
    state.pageTitle = title;
    updateTitle(state);
  });
  win.on('closed', () => {
    if (state.window === win) state.window = null;
  });
  trackBounds(win, state);
  win.loadURL(APP_INDEX_URL).catch((err: unknown) => failStartup('Claimdesk could not load its window', `${APP_INDEX_URL}: ${messageOf(err)}`, state.shell));
  return win;
}

/** Brings the window to the front (a second launch, or the macOS dock). */
function focusWindow(state: AppState): void {
  const win = state.window;
  if (!win || win.isDestroyed()) {
    if (app.isReady()) createWindow(state);
    return;
  }
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

// ---------------------------------------------------------------------------------------------
// Security

/**
 * Serves the renderer on the app scheme (every response carries the CSP; see app-protocol.ts),
 * refuses remote requests, permissions and downloads.
 */
function hardenSession(): void {
  const ses = session.defaultSession;
  ses.protocol.handle(APP_SCHEME, (request) => serveAppRequest(RENDERER_DIR, request));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: REMOTE_PROTOCOLS.has(protocolOf(details.url)) }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}

/** The URL's protocol ("file:"), or "" when it does not parse. */
function protocolOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return ''; // not a URL: nothing to refuse by protocol
  }
}

/** No web contents (ours or any other) may navigate, redirect, open windows or attach webviews. */
function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault()); // also stops dropped files from replacing the app
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** True when an IPC call comes from the top-level frame of our window, showing our page. */
function isFromOurWindow(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  const top = win.webContents.mainFrame;
  return (
    frame !== null && frame.parent === null && frame.processId === top.processId && frame.routingId === top.routingId && isAppIndexUrl(frame.url)
  );
}

/** One IPC handler per API method, on the channel derived from its name. */
function registerIpc(state: AppState): void {
  const api = createServiceApi(state.shell.session, { db: state.settings, isWritable: state.canSaveSettings }, exportShell(state));
  state.api = api;
  for (const method of API_METHODS) {
    const onInternal = (err: unknown): void => console.error(`Claimdesk API ${method} failed:`, err);
    ipcMain.handle(channelFor(method), (event, arg: unknown) => {
      if (isFromOurWindow(event, state.window)) return dispatch(api, method, arg, onInternal);
      console.error(`Claimdesk refused ${method} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return REFUSED;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Dialogs

/** A message box, attached to the window when there is one. */
async function showMessage(state: AppState, options: MessageBoxOptions): Promise<number> {
  const win = state.window;
  const full = { title: APP_NAME, ...options };
  const { response } = win && !win.isDestroyed() ? await dialog.showMessageBox(win, full) : await dialog.showMessageBox(full);
  return response;
}

/** An open dialog, attached to the window when there is one. @returns the chosen paths (empty when cancelled) */
async function chooseOpen(state: AppState, options: OpenDialogOptions): Promise<string[]> {
  const win = state.window;
  const result = win && !win.isDestroyed() ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/** Where exports go: a native save dialog for one file; for a folder of files, a new folder inside the one the user picks. */
function exportShell(state: AppState): ExportShell {
  return {
    async chooseExportDestination(_format, defaultName, kind) {
      const win = state.window && !state.window.isDestroyed() ? state.window : null;
      if (kind === 'folder') {
        const [dir] = await chooseOpen(state, { title: `Export: choose the folder to create ${defaultName} in`, buttonLabel: 'Export Here', properties: ['openDirectory', 'createDirectory'] });
        return dir === undefined ? null : join(dir, defaultName);
      }
      const extension = extname(defaultName).slice(1);
      const options: SaveDialogOptions = {
        title: 'Export',
        buttonLabel: 'Export',
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: [{ name: `${extension.toUpperCase()} files`, extensions: [extension] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}

/** Imports paths into the open workspace and shows what happened. */
async function importAndReport(state: AppState, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  const report = await state.shell.session.current.importPaths(paths);
  await showMessage(state, describeImport(report));
}

// ---------------------------------------------------------------------------------------------
// Menu actions

async function importArticles(state: AppState): Promise<void> {
  const extensions = SUPPORTED_EXTENSIONS.map((ext) => ext.replace(/^\./, ''));
  const paths = await chooseOpen(state, {
    title: 'Import Articles',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Articles', extensions }],
  });
  await importAndReport(state, paths);
}

async function importFolder(state: AppState): Promise<void> {
  const paths = await chooseOpen(state, { title: 'Import Folder (with its subfolders)', buttonLabel: 'Import', properties: ['openDirectory', 'multiSelections'] });
  await importAndReport(state, paths);
}

async function newWorkspace(state: AppState): Promise<void> {
  const [dir] = await chooseOpen(state, {
    title: 'New Workspace: choose or create an empty folder',
    buttonLabel: 'Create Workspace',
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  });
  if (dir === undefined) return;
  if ((await visibleEntries(dir)).length > 0) {
    await showMessage(state, {
      type: 'warning',
      message: 'That folder is not empty.',
      detail: `${dir}\n\nChoose or create an empty folder for a new workspace, or use File > Open Workspace to open an existing one.`,
    });
    return;
  }
  await switchWorkspace(state, dir);
}

async function openWorkspace(state: AppState): Promise<void> {
  const [dir] = await chooseOpen(state, { title: 'Open Workspace', buttonLabel: 'Open', properties: ['openDirectory'] });
  if (dir === undefined) return;
  const entries = await visibleEntries(dir);
  if (entries.length > 0 && !entries.includes('claimdesk.json')) {
    const choice = await showMessage(state, {
      type: 'question',
      message: 'That folder is not a Claimdesk workspace.',
      detail: `${dir}\n\nMake it one? Claimdesk will add claimdesk.json and a documents folder to it; nothing already there is changed.`,
      buttons: ['Make It a Workspace', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice !== 0) return;
  }
  await switchWorkspace(state, dir);
}

async function openRecent(state: AppState, dir: string): Promise<void> {
  if (!existsSync(dir)) {
    state.settings.data.recentWorkspaces = state.settings.data.recentWorkspaces.filter((d) => d !== dir);
    await saveSettings(state);
    refreshChrome(state);
    await showMessage(state, { type: 'warning', message: 'That workspace folder no longer exists.', detail: `${dir}\n\nIt was removed from Open Recent.` });
    return;
  }
  await switchWorkspace(state, dir);
}

async function clearRecent(state: AppState): Promise<void> {
  // The open workspace stays remembered so the next launch reopens it; only the others are cleared.
  state.settings.data.recentWorkspaces = [state.shell.session.current.path];
  await saveSettings(state);
  refreshChrome(state);
}

async function showAbout(state: AppState): Promise<void> {
  const v = process.versions;
  await showMessage(state, {
    type: 'info',
    message: `${APP_NAME} ${app.getVersion()}`,
    detail: [
      'An offline workbench for tagging claims and sources in news articles. Nothing leaves this machine.',
      '',
      `Workspace: ${state.shell.session.current.path}`,
      `Electron ${v.electron} · Chromium ${v.chrome} · Node ${v.node}`,
    ].join('\n'),
  });
}

/**
 * File > Export…: the whole workspace as Claimdesk JSONL, to a file chosen in the save dialog,
 * with progress on the taskbar and the report in a message box. The export dialog in the window
 * offers every format, scope and split.
 */
async function exportWorkspace(state: AppState): Promise<void> {
  const api = state.api;
  if (!api) return;
  const chosen = await api.chooseExportDestination({ format: 'jsonl' });
  if (!chosen) return;
  const { jobId } = await api.startExport({ format: 'jsonl', destination: chosen.destination, overwrite: chosen.exists });
  const progress = (value: number) => state.window && !state.window.isDestroyed() && state.window.setProgressBar(value);
  let job = await api.getExportJob({ jobId });
  try {
    while (job.state === 'running') {
      progress(job.progress.total > 0 ? job.progress.done / job.progress.total : 2); // above 1: indeterminate
      await new Promise((done) => setTimeout(done, EXPORT_POLL_MS));
      job = await api.getExportJob({ jobId });
    }
  } finally {
    progress(-1);
  }
  if (job.state === 'done' && job.report)
    await showMessage(state, { type: 'info', message: `Exported ${job.report.documents} documents to ${chosen.destination}`, detail: formatReport(job.report, REPORT_LINES_PER_LIST).join('\n') });
  else await showMessage(state, { type: 'error', message: 'The export did not finish; nothing was written.', detail: job.error?.message ?? job.state });
}

/** Runs a menu action; a failure is shown to the user, never thrown into Electron. */
function run(state: AppState, action: (state: AppState) => Promise<void>): () => void {
  return () => {
    action(state).catch(async (err: unknown) => {
      console.error('Claimdesk menu action failed:', err);
      await showMessage(state, { type: 'error', message: 'Claimdesk could not finish that.', detail: messageOf(err) }).catch(() => 0);
    });
  };
}

/** File > Open Recent: the other remembered workspaces, then Clear. */
function recentMenu(state: AppState): MenuItemConstructorOptions[] {
  const current = state.shell.session.current.path;
  const others = state.settings.data.recentWorkspaces.filter((dir) => dir !== current);
  const items: MenuItemConstructorOptions[] =
    others.length > 0
      ? others.map((dir) => ({ label: dir, click: run(state, (s) => openRecent(s, dir)) }))
      : [{ label: 'No Recent Workspaces', enabled: false }];
  return [...items, { type: 'separator' }, { label: 'Clear Recent', enabled: others.length > 0, click: run(state, clearRecent) }];
}

/** The application menu for the current state. */
function buildMenu(state: AppState): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import Articles…', accelerator: 'CmdOrCtrl+O', click: run(state, importArticles) },
        { label: 'Import Folder…', click: run(state, importFolder) },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: run(state, exportWorkspace) },
        { type: 'separator' },
        { label: 'New Workspace…', click: run(state, newWorkspace) },
        { label: 'Open Workspace…', click: run(state, openWorkspace) },
        { label: 'Open Recent', submenu: recentMenu(state) },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    // Cut and paste serve the renderer's text fields (titles, notes); on macOS they only work through the menu.
    { label: '&Edit', submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { type: 'separator' }, { role: 'selectAll' }] },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: '&Help', role: 'help', submenu: [{ label: `About ${APP_NAME}`, click: run(state, showAbout) }] },
  ];
  return Menu.buildFromTemplate(template);
}

// ---------------------------------------------------------------------------------------------
// Startup

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
  hardenSession();
  const { db: settings, isWritable } = await openAppSettings();
  if (!isWritable) console.error(`Claimdesk's settings file in ${userDataDir()} cannot be read; it is left untouched and defaults are used`);
  try {
    const plan = { recent: settings.data.recentWorkspaces, fallback: { dir: defaultWorkspaceDir(), seedDir: samplesDir() } };
    if ((await shell.launch(requested === undefined ? plan : { ...plan, requested })) === null) return null; // quit during startup
  } catch (err) {
    failStartup(`Claimdesk could not open the workspace ${requested ?? defaultWorkspaceDir()}`, err, shell);
    return null;
  }
  const state: AppState = { shell, settings, canSaveSettings: isWritable, window: null, pageTitle: '', isQuitting: false, api: null };
  await rememberCurrent(state);
  registerIpc(state);
  app.on('activate', () => focusWindow(state));
  app.on('before-quit', () => {
    state.isQuitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || state.isQuitting) app.quit();
  });
  Menu.setApplicationMenu(buildMenu(state));
  createWindow(state);
  return state;
}

function main(): void {
  app.setName(APP_NAME);
  // Before ready, as Electron requires: the scheme the window's page is served from.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
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
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
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
    void started.then(async (state) => (state ? showSecondInstance(state, await outcome) : undefined)).catch((err: unknown) => console.error('Claimdesk could not handle a second launch:', err));
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

main();
