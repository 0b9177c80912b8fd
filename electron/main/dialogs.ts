/**
 * Main's native dialogs: the startup failure box, message boxes and open dialogs attached to
 * the window when there is one, and the export destination (a save dialog for one file, a
 * folder picker for a folder of files) that the export service asks for.
 *
 * It only asks and reports what the user chose: it must not read or write a workspace, and it
 * must not decide what a message says (electron/desktop and the callers do).
 */
import { extname, join } from 'node:path';
import { app, dialog, type MessageBoxOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { DesktopShell } from '../desktop/shell';
import { APP_NAME } from '../desktop/window-title';
import type { ExportShell } from '../services/export/jobs';
import { messageOf, type AppState } from './app-state';

/** Exit code for a startup failure already shown to the user; scripts/start.mjs does not fall back on it. */
export const EXIT_REPORTED = 2;

/**
 * Shows a startup failure (GUI when possible, always on stderr), closes what is open and exits.
 * @param shell the shell to close first, when one was created
 */
export function failStartup(title: string, err: unknown, shell?: DesktopShell): void {
  console.error(`${title}: ${messageOf(err)}`);
  dialog.showErrorBox(title, messageOf(err)); // allowed before ready
  // app.exit skips will-quit, where the workspace is closed otherwise.
  void (shell?.quit() ?? Promise.resolve()).finally(() => app.exit(EXIT_REPORTED));
}

/**
 * A message box, attached to the window when there is one, titled with the app's name.
 * @returns the index of the button pressed
 */
export async function showMessage(state: AppState, options: MessageBoxOptions): Promise<number> {
  const win = state.window;
  const full = { title: APP_NAME, ...options };
  const { response } = win && !win.isDestroyed() ? await dialog.showMessageBox(win, full) : await dialog.showMessageBox(full);
  return response;
}

/**
 * An open dialog, attached to the window when there is one.
 * @returns the chosen paths (empty when cancelled)
 */
export async function chooseOpen(state: AppState, options: OpenDialogOptions): Promise<string[]> {
  const win = state.window;
  const result = win && !win.isDestroyed() ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/**
 * Where exports go: a native save dialog for one file; for a folder of files, a new folder
 * inside the one the user picks.
 * @returns the shell the export service asks (its destination is null when the user cancels)
 */
export function exportShell(state: AppState): ExportShell {
  return {
    async chooseExportDestination(_format, defaultName, kind) {
      const win = state.window && !state.window.isDestroyed() ? state.window : null;
      if (kind === 'folder') {
        const [dir] = await chooseOpen(state, {
          title: `Export: choose the folder to create ${defaultName} in`,
          buttonLabel: 'Export Here',
          properties: ['openDirectory', 'createDirectory'],
        });
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
