/**
 * Finds the Electron executable for the Electron e2e flows by its files, the way
 * scripts/start.mjs does: node_modules/electron/path.txt names a file under
 * node_modules/electron/dist. Never `require('electron')`: without the binary that starts a
 * download and then throws.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Why the Electron flows are skipped when there is no binary (printed and used as the skip reason). */
export const ELECTRON_SKIP_REASON =
  'Electron binary not installed (node_modules/electron/dist missing): Electron e2e skipped; the same flow runs in Chromium via the browser host';

/** The installed Electron executable, or what is missing. */
export type ElectronBinary = Readonly<{ path: string }> | Readonly<{ missing: string }>;

/**
 * Looks for the Electron executable of the electron package in node_modules.
 * @param root the repo root (default: this repo)
 * @returns `{ path }` when the executable exists, else `{ missing }` naming the absent file
 */
export function electronBinary(root: string = ROOT): ElectronBinary {
  const electronDir = join(root, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return { missing: `${pathFile} does not exist (the Electron runtime was never downloaded)` };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  const binary = join(dist, relative);
  if (relative === '' || !existsSync(binary)) return { missing: `${binary} does not exist` };
  return { path: binary };
}
