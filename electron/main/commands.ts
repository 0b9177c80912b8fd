/**
 * What the menu's items do and what the user sees of a workspace change: importing articles or
 * a folder, exporting the workspace, New / Open Workspace, Open Recent and Clear Recent, About,
 * and a second launch's outcome; `refreshChrome` rebuilds the menu and title after any of them
 * changes the open workspace or the recent list.
 *
 * The decisions (which workspace, what a second launch asks for, how an import report reads)
 * belong to electron/desktop and the reading and writing to electron/services; this module
 * asks with dialogs (dialogs.ts), calls them and shows the outcome. It must not open a
 * workspace except through DesktopShell.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { app, Menu } from 'electron';
import { formatReport } from '../../shared/formats/report';
import { assertNever } from '../../shared/assert-never';
import { describeImport, REPORT_LINES_PER_LIST } from '../desktop/import-report';
import type { SecondInstanceOutcome, SwitchOutcome } from '../desktop/shell';
import { APP_NAME } from '../desktop/window-title';
import { SUPPORTED_EXTENSIONS } from '../services/importers/types';
import { messageOf, rememberCurrent, saveSettings, type AppState } from './app-state';
import { chooseOpen, showMessage } from './dialogs';
import { buildMenu, type MenuCommands } from './menu';
import { focusWindow, updateTitle } from './window';

const EXPORT_POLL_MS = 200;

// ---------------------------------------------------------------------------------------------
// Workspace changes

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
export async function showSecondInstance(state: AppState, outcome: SecondInstanceOutcome): Promise<void> {
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
// Menu actions

/** Imports paths into the open workspace and shows what happened. */
async function importAndReport(state: AppState, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  const report = await state.shell.session.current.importPaths(paths);
  await showMessage(state, describeImport(report));
}

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
  const paths = await chooseOpen(state, {
    title: 'Import Folder (with its subfolders)',
    buttonLabel: 'Import',
    properties: ['openDirectory', 'multiSelections'],
  });
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
    await showMessage(state, {
      type: 'warning',
      message: 'That workspace folder no longer exists.',
      detail: `${dir}\n\nIt was removed from Open Recent.`,
    });
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
    await showMessage(state, {
      type: 'info',
      message: `Exported ${job.report.documents} documents to ${chosen.destination}`,
      detail: formatReport(job.report, REPORT_LINES_PER_LIST).join('\n'),
    });
  else
    await showMessage(state, { type: 'error', message: 'The export did not finish; nothing was written.', detail: job.error?.message ?? job.state });
}

// ---------------------------------------------------------------------------------------------
// Menu and title

/** The menu's File and Help items, as buildMenu wires them. */
const MENU_COMMANDS: MenuCommands = {
  importArticles,
  importFolder,
  exportWorkspace,
  newWorkspace,
  openWorkspace,
  openRecent,
  clearRecent,
  showAbout,
};

/** Updates what depends on the open workspace and the recent list: the menu (Open Recent) and the title. */
export function refreshChrome(state: AppState): void {
  Menu.setApplicationMenu(buildMenu(state, MENU_COMMANDS));
  updateTitle(state);
}
