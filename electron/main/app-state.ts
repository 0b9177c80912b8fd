/**
 * What Electron's main process keeps between events (the open workspace's shell, the app
 * settings, the window, its page title) and the two writes every part of main makes to the
 * settings: save them, and remember the open workspace first in Open Recent.
 *
 * It owns no Electron objects beyond the window reference and must not show anything: the
 * dialogs, window, menu and IPC modules beside it read and update this state.
 */
import type { BrowserWindow } from 'electron';
import type { ClaimdeskApi } from '../../shared/api';
import type { DesktopShell } from '../desktop/shell';
import { rememberWorkspace, type openAppSettings } from '../services/app-paths';

/** The app settings file (recent workspaces, window bounds) as lowdb holds it. */
export type SettingsDb = Awaited<ReturnType<typeof openAppSettings>>['db'];

/** Everything main keeps between events. */
export type AppState = {
  /** The open workspace and the decisions about it. */
  shell: DesktopShell;
  settings: SettingsDb;
  canSaveSettings: boolean;
  /** The preload script the window runs (dist/electron/preload.cjs, beside the main bundle). */
  readonly preload: string;
  window: BrowserWindow | null;
  pageTitle: string;
  isQuitting: boolean;
  /** The service API behind the IPC handlers (set by registerIpc); menu actions use it too. */
  api: ClaimdeskApi | null;
};

/**
 * A readable message for anything thrown.
 * @returns the Error's message, else the value as a string
 */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Writes the app settings when the file may be written (a corrupt file is never overwritten).
 * A failed write is logged, never thrown: the app goes on with the settings in memory.
 */
export async function saveSettings(state: AppState): Promise<void> {
  if (!state.canSaveSettings) return;
  try {
    await state.settings.write();
  } catch (err) {
    console.error('Claimdesk could not save its settings:', err);
  }
}

/** Puts the open workspace first in the recent list and saves it. */
export async function rememberCurrent(state: AppState): Promise<void> {
  rememberWorkspace(state.settings.data, state.shell.session.current.path);
  await saveSettings(state);
}
