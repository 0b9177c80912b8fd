/**
 * Where Claimdesk keeps things outside a workspace: the per-user data folder (per platform
 * convention), the default workspace inside it, app settings (recent workspaces, window
 * bounds), and the bundled sample articles. Plain Node; shared by Electron, host and CLI.
 */
import { isAnnotatorName } from '../../shared/model/layers';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

/**
 * The per-user data folder: %APPDATA%\Claimdesk on Windows, ~/Library/Application Support/Claimdesk
 * on macOS, $XDG_DATA_HOME/claimdesk (default ~/.local/share/claimdesk) elsewhere.
 * CLAIMDESK_DATA_DIR overrides it (tests use this).
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.CLAIMDESK_DATA_DIR) return resolve(env.CLAIMDESK_DATA_DIR);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Claimdesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Claimdesk');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'claimdesk');
}

/** The workspace used when none is given. */
export function defaultWorkspaceDir(): string {
  return join(userDataDir(), 'workspace');
}

/**
 * The app's root folder (the one holding package.json), found upward from this module, so it
 * works from the sources (tests), from dist/ and from a packaged app.
 */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('Claimdesk cannot find its package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** The bundled sample articles, imported into a new default workspace. */
export function samplesDir(): string {
  return join(appRoot(), 'samples');
}

/** App-level settings, kept in settings.json in the user data folder. */
export type AppSettings = {
  version: number;
  recentWorkspaces: string[];
  windowBounds?: { x?: number; y?: number; width: number; height: number; isMaximized?: boolean };
  author?: string;
  /** Turn suggestions on for documents as they are imported (#15); absent = no. */
  suggestOnImport?: boolean;
};

/**
 * Opens the app settings file; a file that does not parse is set aside in memory (defaults
 * are used) and never overwritten.
 * @returns the settings db and whether it may be written
 */
export async function openAppSettings(): Promise<{ db: Low<AppSettings>; isWritable: boolean }> {
  const dir = userDataDir();
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'settings.json');
  const db = new Low<AppSettings>(new JSONFile<AppSettings>(path), { version: 1, recentWorkspaces: [] });
  try {
    await readFile(path, 'utf8').then((raw) => JSON.parse(raw) as unknown);
    await db.read();
    return { db, isWritable: true };
  } catch (err) {
    return { db, isWritable: (err as NodeJS.ErrnoException).code === 'ENOENT' };
  }
}

/**
 * The analyst the app works as: the author name from Preferences, which names their layer; the
 * OS user name when none is set or the saved one cannot name a layer (a Claimdesk before layers
 * allowed "Default", or longer names).
 */
export function analystName(settings: Pick<AppSettings, 'author'>): string {
  if (settings.author !== undefined && isAnnotatorName(settings.author)) return settings.author;
  const user = defaultAuthor();
  return isAnnotatorName(user) ? user : 'analyst';
}

/** The author name recorded on annotations when the user has not set one: the OS user name. */
export function defaultAuthor(): string {
  try {
    return userInfo().username || 'analyst';
  } catch {
    // userInfo() throws when the OS has no entry for the uid (some containers).
    return 'analyst';
  }
}

/** Moves `dir` to the front of the recent list (at most 10 kept). */
export function rememberWorkspace(settings: AppSettings, dir: string): void {
  settings.recentWorkspaces = [dir, ...settings.recentWorkspaces.filter((d) => d !== dir)].slice(0, 10);
}
