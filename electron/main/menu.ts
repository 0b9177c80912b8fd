/**
 * The application menu: its items, accelerators and roles, and Open Recent built from the
 * settings. What the File and Help items do is passed in (commands.ts), so this module holds
 * the menu's shape only.
 *
 * Every item's action runs through `run`: a failure is logged and shown in a message box,
 * never thrown into Electron. It must not read or write a workspace itself.
 */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { APP_NAME } from '../desktop/window-title';
import { messageOf, type AppState } from './app-state';
import { showMessage } from './dialogs';

/** A menu action on the current state. */
export type MenuAction = (state: AppState) => Promise<void>;

/** What the menu's own items do (the Edit and View items are Electron roles). */
export type MenuCommands = Readonly<{
  importArticles: MenuAction;
  importFolder: MenuAction;
  exportWorkspace: MenuAction;
  newWorkspace: MenuAction;
  openWorkspace: MenuAction;
  openRecent: (state: AppState, dir: string) => Promise<void>;
  clearRecent: MenuAction;
  showAbout: MenuAction;
}>;

/** Runs a menu action; a failure is shown to the user, never thrown into Electron. */
function run(state: AppState, action: MenuAction): () => void {
  return () => {
    action(state).catch(async (err: unknown) => {
      console.error('Claimdesk menu action failed:', err);
      await showMessage(state, { type: 'error', message: 'Claimdesk could not finish that.', detail: messageOf(err) }).catch(() => 0);
    });
  };
}

/** File > Open Recent: the other remembered workspaces, then Clear. */
function recentMenu(state: AppState, commands: MenuCommands): MenuItemConstructorOptions[] {
  const current = state.shell.session.current.path;
  const others = state.settings.data.recentWorkspaces.filter((dir) => dir !== current);
  const items: MenuItemConstructorOptions[] =
    others.length > 0
      ? others.map((dir) => ({ label: dir, click: run(state, (s) => commands.openRecent(s, dir)) }))
      : [{ label: 'No Recent Workspaces', enabled: false }];
  return [...items, { type: 'separator' }, { label: 'Clear Recent', enabled: others.length > 0, click: run(state, commands.clearRecent) }];
}

/**
 * The application menu for the current state (rebuilt whenever the open workspace or the
 * recent list changes).
 * @returns the menu, for Menu.setApplicationMenu
 */
export function buildMenu(state: AppState, commands: MenuCommands): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import Articles…', accelerator: 'CmdOrCtrl+O', click: run(state, commands.importArticles) },
        { label: 'Import Folder…', click: run(state, commands.importFolder) },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: run(state, commands.exportWorkspace) },
        { type: 'separator' },
        { label: 'New Workspace…', click: run(state, commands.newWorkspace) },
        { label: 'Open Workspace…', click: run(state, commands.openWorkspace) },
        { label: 'Open Recent', submenu: recentMenu(state, commands) },
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
    { label: '&Help', role: 'help', submenu: [{ label: `About ${APP_NAME}`, click: run(state, commands.showAbout) }] },
  ];
  return Menu.buildFromTemplate(template);
}
