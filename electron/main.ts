/**
 * Electron's main process: one hardened window over the built renderer, the native menu and
 * dialogs, and one IPC handler per API method that dispatches into the same service API as
 * the browser host. Everything that reads or writes a workspace lives in electron/services;
 * this module only wires Electron to it.
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
  type Rectangle,
  type SaveDialogOptions,
  type WebContents,
} from 'electron';
import { API_METHODS, failure, type ClaimdeskApi, type Envelope, type ImportReport } from '../shared/api';
import { dispatch } from '../shared/api-validate';
import { formatReport } from '../shared/export/report';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, isAppIndexUrl, serveAppRequest } from './app-protocol';
import { channelFor, methodsSwitch } from './ipc-channel';
import { createServiceApi, type WorkspaceSession } from './services/api';
import { defaultWorkspaceDir, openAppSettings, rememberWorkspace, samplesDir, userDataDir, type AppSettings } from './services/app-paths';
import { parseShellArgs } from './services/cli-args';
import type { ExportShell } from './services/export-jobs';
import { SUPPORTED_EXTENSIONS } from './services/importers/types';
import { Workspace } from './services/workspace';

const HERE = dirname(fileURLToPath(import.meta.url)); // dist/electron (inside app.asar when packaged)
const PRELOAD = join(HERE, 'preload.cjs');
const RENDERER_DIR = join(HERE, '..', 'renderer');
const APP_NAME = 'Claimdesk';
/** Exit code for a startup failure already shown to the user; scripts/start.mjs does not fall back on it. */
const EXIT_REPORTED = 2;
const DEFAULT_SIZE = { width: 1280, height: 820 };
const MIN_SIZE = { width: 720, height: 480 };
const BOUNDS_SAVE_DELAY_MS = 500;
const REPORT_LINES_PER_LIST = 15;
const EXPORT_POLL_MS = 200;
const REMOTE_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);
const REFUSED: Envelope<never> = failure('INVALID_INPUT', 'this caller may not use the Claimdesk API');

type SettingsDb = Awaited<ReturnType<typeof openAppSettings>>['db'];
type Bounds = { x?: number; y?: number; width: number; height: number };

/** Everything main keeps between events. */
type AppState = {
  session: WorkspaceSession;
  settings: SettingsDb;
  canSaveSettings: boolean;
  window: BrowserWindow | null;
  pageTitle: string;
  isQuitting: boolean;
  /** The service API behind the IPC handlers (set by registerIpc); menu actions use it too. */
  api: ClaimdeskApi | null;
};

// ---------------------------------------------------------------------------------------------
// Command line

/**
 * The user's own arguments from Electron's argv: drops the binary, the app path (when run as
 * `electron <app>`), and Chromium/Electron switches (`--no-sandbox`, `--inspect=0`, `-psn_…`),
 * keeping `--workspace`/`--port` with their values.
 */
function userArgs(argv: readonly string[], hasAppPath: boolean): string[] {
  const kept: string[] = [];
  let skipAppPath = hasAppPath;
  for (let i = 1; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const name = arg.split('=', 1)[0];
    if (name === '--workspace' || name === '--port') {
      kept.push(arg);
      const value = argv[i + 1];
      if (!arg.includes('=') && value !== undefined) {
        kept.push(value);
        i += 1;
      }
    } else if (arg.startsWith('-')) continue;
    else if (skipAppPath) skipAppPath = false;
    else kept.push(arg);
  }
  return kept;
}

/** A readable message for anything thrown. */
function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Shows a startup failure (GUI when possible, always on stderr) and exits. */
function failStartup(title: string, err: unknown): void {
  console.error(`${title}: ${messageOf(err)}`);
  dialog.showErrorBox(title, messageOf(err));
  app.exit(EXIT_REPORTED);
}

// ---------------------------------------------------------------------------------------------
// Workspace

/**
 * The workspace to open at launch: `--workspace`, else the most recent one, else the default
 * workspace (seeded with the sample articles when it is new).
 * @throws ApiError when the requested workspace cannot be opened
 */
async function openStartupWorkspace(requested: string | undefined, settings: AppSettings): Promise<Workspace> {
  if (requested !== undefined) return Workspace.open(requested);
  const recent = settings.recentWorkspaces[0];
  if (recent !== undefined && existsSync(recent)) {
    try {
      return await Workspace.open(recent);
    } catch (err) {
      console.error(`Claimdesk could not reopen ${recent} (${messageOf(err)}); opening the default workspace instead`);
    }
  }
  return Workspace.open(defaultWorkspaceDir(), { seedDir: samplesDir() });
}

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
  rememberWorkspace(state.settings.data, state.session.current.path);
  await saveSettings(state);
}

/**
 * Opens a workspace and makes it the current one: the renderer notices the new path on its
 * next getWorkspace poll and reloads its list.
 */
async function switchWorkspace(state: AppState, dir: string): Promise<void> {
  let workspace: Workspace;
  try {
    workspace = await Workspace.open(dir);
  } catch (err) {
    await showMessage(state, { type: 'error', message: `Claimdesk could not open the workspace ${dir}`, detail: messageOf(err) });
    return;
  }
  const previous = state.session.current;
  state.session.current = workspace;
  workspace.watch();
  await previous.close();
  await rememberCurrent(state);
  refreshChrome(state);
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

/** Top edge of a window (its title bar) that must be on a screen for the saved position to be used. */
function isTitleBarVisible(rect: Rectangle, area: Rectangle): boolean {
  const overlapX = Math.min(rect.x + rect.width, area.x + area.width) - Math.max(rect.x, area.x);
  return overlapX >= 100 && rect.y >= area.y && rect.y <= area.y + area.height - 40;
}

/**
 * Where to put the window: the saved bounds when their title bar is on a screen, else the
 * saved size (fitted to the primary screen) centred, else the default size.
 * @param workAreas the displays' work areas, primary first
 */
function restorableBounds(saved: AppSettings['windowBounds'], workAreas: readonly Rectangle[]): Bounds {
  if (!saved || !Number.isFinite(saved.width) || !Number.isFinite(saved.height)) return DEFAULT_SIZE;
  const primary = workAreas[0];
  const width = Math.round(Math.max(MIN_SIZE.width, Math.min(saved.width, primary?.width ?? saved.width)));
  const height = Math.round(Math.max(MIN_SIZE.height, Math.min(saved.height, primary?.height ?? saved.height)));
  const { x, y } = saved;
  if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return { width, height };
  const rect = { x: Math.round(x), y: Math.round(y), width, height };
  return workAreas.some((area) => isTitleBarVisible(rect, area)) ? rect : { width, height };
}

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

/**
 * "<article> — <workspace> — Claimdesk". The renderer titles its page "<article> — Claimdesk"
 * (or just "Claimdesk"); the app name is dropped from it so it appears once, at the end.
 */
function composeTitle(pageTitle: string, workspaceName: string): string {
  const page = pageTitle.trim().replace(new RegExp(`(^|\\s+—\\s+)${APP_NAME}$`), '');
  return [page, workspaceName, APP_NAME].filter((part) => part !== '').join(' — ');
}

/** Sets the window title from the page title and the open workspace. */
function updateTitle(state: AppState): void {
  const win = state.window;
  if (win && !win.isDestroyed()) win.setTitle(composeTitle(state.pageTitle, state.session.current.info().name));
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
    title: composeTitle('', state.session.current.info().name),
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
  if (saved?.isMaximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('page-title-updated', (event, title) => {
    event.preventDefault();
    state.pageTitle = title;
    updateTitle(state);
  });
  win.on('closed', () => {
    if (state.window === win) state.window = null;
  });
  trackBounds(win, state);
  win.loadURL(APP_INDEX_URL).catch((err: unknown) => failStartup('Claimdesk could not load its window', `${APP_INDEX_URL}: ${messageOf(err)}`));
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
  const api = createServiceApi(state.session, { db: state.settings, isWritable: state.canSaveSettings }, exportShell(state));
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

/** At most REPORT_LINES_PER_LIST lines, then "… and N more". */
function capped(lines: readonly string[]): string[] {
  if (lines.length <= REPORT_LINES_PER_LIST) return [...lines];
  return [...lines.slice(0, REPORT_LINES_PER_LIST), `  … and ${lines.length - REPORT_LINES_PER_LIST} more`];
}

/** A section of the report: a heading and its capped lines, or nothing for an empty list. */
function section(heading: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : [heading, ...capped(lines), ''];
}

/** An import report as a message box: the counts as the message, the titles and reasons as detail. */
function describeImport(report: ImportReport): MessageBoxOptions {
  const { imported, duplicates, failed } = report;
  const total = imported.length + duplicates.length + failed.length;
  if (total === 0) {
    const kinds = SUPPORTED_EXTENSIONS.join(', ');
    return { type: 'info', message: 'No articles were found to import.', detail: `Claimdesk imports ${kinds} files.` };
  }
  const counts = [`Imported ${imported.length} of ${total} file${total === 1 ? '' : 's'}`];
  if (duplicates.length > 0) counts.push(`${duplicates.length} already in this workspace`);
  if (failed.length > 0) counts.push(`${failed.length} could not be imported`);
  const detail = [
    ...section(
      'Imported:',
      imported.map((e) => `  • ${e.row.title} (${e.name})${e.warnings.length > 0 ? ` — ${e.warnings.join('; ')}` : ''}`),
    ),
    ...section('Already in this workspace (same content):', duplicates.map((e) => `  • ${e.name} — “${e.existing.title}”`)),
    ...section('Not imported:', failed.map((e) => `  • ${e.name}: ${e.reason}`)),
  ];
  return { type: failed.length > 0 ? 'warning' : 'info', message: `${counts.join('; ')}.`, detail: detail.join('\n').trimEnd() };
}

/** Imports paths into the open workspace and shows what happened. */
async function importAndReport(state: AppState, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  const report = await state.session.current.importPaths(paths);
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
  state.settings.data.recentWorkspaces = [state.session.current.path];
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
      `Workspace: ${state.session.current.path}`,
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
  const current = state.session.current.path;
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

async function start(requestedWorkspace: string | undefined): Promise<void> {
  await app.whenReady();
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    failStartup('Claimdesk could not load its window', `${RENDERER_DIR} has no index.html (run "npm run build" first)`);
    return;
  }
  hardenSession();
  const { db: settings, isWritable } = await openAppSettings();
  if (!isWritable) console.error(`Claimdesk's settings file in ${userDataDir()} cannot be read; it is left untouched and defaults are used`);
  let workspace: Workspace;
  try {
    workspace = await openStartupWorkspace(requestedWorkspace, settings.data);
  } catch (err) {
    failStartup(`Claimdesk could not open the workspace ${requestedWorkspace ?? defaultWorkspaceDir()}`, err);
    return;
  }
  const state: AppState = { session: { current: workspace }, settings, canSaveSettings: isWritable, window: null, pageTitle: '', isQuitting: false, api: null };
  await rememberCurrent(state);
  registerIpc(state);
  app.on('second-instance', () => focusWindow(state));
  app.on('activate', () => focusWindow(state));
  app.on('before-quit', () => {
    state.isQuitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || state.isQuitting) app.quit();
  });
  Menu.setApplicationMenu(buildMenu(state));
  createWindow(state);
}

function main(): void {
  app.setName(APP_NAME);
  // Before ready, as Electron requires: the scheme the window's page is served from.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  // With CLAIMDESK_DATA_DIR set (tests, portable use), Electron's own profile and the
  // single-instance lock follow it, so separate data folders are separate instances.
  if (process.env.CLAIMDESK_DATA_DIR) app.setPath('userData', join(userDataDir(), 'electron-profile'));
  if (!app.requestSingleInstanceLock()) {
    app.quit(); // the first instance gets 'second-instance' and comes to the front
    return;
  }
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  let requestedWorkspace: string | undefined;
  try {
    requestedWorkspace = parseShellArgs(userArgs(process.argv, process.defaultApp === true)).workspace; // --port is for the host
    if (requestedWorkspace?.trim() === '') throw new TypeError('--workspace needs a folder, e.g. --workspace ~/claims');
  } catch (err) {
    void app.whenReady().then(() => failStartup('Claimdesk was started with invalid options', err));
    return;
  }
  start(requestedWorkspace).catch((err: unknown) => failStartup('Claimdesk could not start', err));
}

main();
