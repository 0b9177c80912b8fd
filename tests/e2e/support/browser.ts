/**
 * Finds a Chromium to drive, the way a user's machine would have one: an explicit
 * CLAIMDESK_CHROMIUM path, then Playwright's own downloaded browser, then the system's.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/**
 * @returns the executable path to launch, or undefined to let Playwright use its own
 * @throws Error naming what to install when no browser is found
 */
export function chromiumExecutable(): string | undefined {
  const explicit = process.env.CLAIMDESK_CHROMIUM;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`CLAIMDESK_CHROMIUM=${explicit} does not exist`);
    return explicit;
  }
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright throws when its browsers were never downloaded; fall through to the system's.
  }
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
  if (system) return system;
  throw new Error('No Chromium found: install one (Debian: apt-get install chromium; or npx playwright install chromium) or set CLAIMDESK_CHROMIUM');
}
