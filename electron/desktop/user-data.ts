/**
 * Electron's own profile folder (its caches and the single-instance lock) when Claimdesk's data
 * folder is overridden. Plain Node (no 'electron' import).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { userDataDir } from '../services/app-paths';

/**
 * The folder for app.setPath('userData', …) when CLAIMDESK_DATA_DIR is set, so that separate
 * data folders are separate instances (tests, portable use). The folder is made first (with
 * its parents): Electron's setPath throws for a folder that does not exist. Synchronous, since
 * setPath must come before requestSingleInstanceLock, before the app is ready.
 * @returns the folder, or null to keep Electron's default
 * @throws the fs error when the folder cannot be made
 */
export function electronProfileDir(env: NodeJS.ProcessEnv = process.env): string | null {
  if (!env.CLAIMDESK_DATA_DIR) return null;
  const dir = join(userDataDir(env), 'electron-profile');
  mkdirSync(dir, { recursive: true });
  return dir;
}
