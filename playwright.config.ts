/** Playwright: the real renderer in Chromium through the browser host; Electron flows where installed. */
import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './tests/e2e/support/browser';

const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 60_000,
  // Waits for what a user would see, not timing checks: the first import of a workspace loads the
  // HTML importer (jsdom), which on a busy 2-core machine can take longer than the default 5 s.
  expect: { timeout: 15_000 },
  use: {
    headless: true,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    },
  },
});
