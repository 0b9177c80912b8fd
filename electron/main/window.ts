/**
 * The one Claimdesk window: created hardened (context isolation, sandbox, no Node, no
 * webviews) at its remembered place, loading app://claimdesk/index.html, titled from its page
 * and the open workspace, its bounds saved as it moves and before it closes, and brought to the
 * front on request.
 *
 * Where it goes and when it shows are decided in electron/desktop (window-placement.ts,
 * window-title.ts); this module applies them. It must not load anything but APP_INDEX_URL and
 * must not weaken webPreferences; session and web-contents rules are in hardening.ts.
 */
import { app, BrowserWindow, screen } from 'electron';
import { API_METHODS } from '../../shared/api';
import { APP_INDEX_URL } from '../app-protocol';
import { MIN_SIZE, restorableBounds, revealWindow } from '../desktop/window-placement';
import { composeTitle } from '../desktop/window-title';
import { methodsSwitch } from '../ipc-channel';
import { messageOf, saveSettings, type AppState } from './app-state';
import { failStartup } from './dialogs';

const BOUNDS_SAVE_DELAY_MS = 500;

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

/** Sets the window title from the page title and the open workspace (nothing when there is no window). */
export function updateTitle(state: AppState): void {
  const win = state.window;
  if (win && !win.isDestroyed()) win.setTitle(composeTitle(state.pageTitle, state.shell.session.current.info().name));
}

/**
 * Creates the one Claimdesk window, hardened, at its remembered place, and keeps it in
 * `state.window` until it is closed. A page that fails to load ends the app (failStartup).
 * @returns the window, not yet shown (revealWindow shows it once its page is ready)
 */
export function createWindow(state: AppState): BrowserWindow {
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
      preload: state.preload,
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
  win
    .loadURL(APP_INDEX_URL)
    .catch((err: unknown) => failStartup('Claimdesk could not load its window', `${APP_INDEX_URL}: ${messageOf(err)}`, state.shell));
  return win;
}

/** Brings the window to the front (a second launch, or the macOS dock), creating it again when it was closed. */
export function focusWindow(state: AppState): void {
  const win = state.window;
  if (!win || win.isDestroyed()) {
    if (app.isReady()) createWindow(state);
    return;
  }
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
