/**
 * The window's first load, in Chromium through the browser host: the entry asks for the
 * workspace and its document list in one call (loadWorkspace) before the app's code runs, once,
 * and before that code has arrived (the entry is a small file of its own); a host that is slow
 * to answer or fails still gets the app on screen, and the list arrives when the host answers.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { startHostProcess, type HostProcess } from './support/host';

const SAMPLE_COUNT = 4;

let host: HostProcess;
test.beforeEach(async () => {
  host = await startHostProcess({ seeded: true });
});
test.afterEach(async () => {
  await host.stop();
});

/** The API methods the page calls, in the order it calls them. */
function recordCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (req: Request) => {
    const path = new URL(req.url()).pathname;
    if (path.startsWith('/api/')) calls.push(path.slice('/api/'.length));
  });
  return calls;
}

test('the workspace and its list are asked for first, in one call, and the list once', async ({ page }) => {
  const calls = recordCalls(page);
  await page.goto(host.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(SAMPLE_COUNT);
  // The entry loaded the workspace with its list; the app's first poll uses that answer, and its
  // later polls ask for the workspace alone. A second request for the workspace is the poll after
  // next: the first poll that asked has finished (and would have loaded the list by then), a
  // positive signal instead of a sleep.
  await expect.poll(() => calls.filter((c) => c === 'getWorkspace').length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  expect(calls[0]).toBe('loadWorkspace');
  expect(calls.filter((c) => c === 'loadWorkspace' || c === 'listDocuments')).toEqual(['loadWorkspace']);
});

test('the list is asked for while the app’s code is still on its way: the page’s entry is a small file of its own', async ({ page, request }) => {
  // The script the page starts with, as the host serves it.
  const html = await (await request.get(`${host.origin}/`)).text();
  const entry = /<script type="module"[^>]*\ssrc="\.\/([^"]+)"/.exec(html)?.[1];
  expect(entry, 'index.html starts one module script').toBeTruthy();
  // Every other script is held back until the list has been asked for.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  await page.route('**/*.js', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path !== `/${entry}`) {
      held.push(path);
      await released;
    }
    await route.continue();
  });
  const calls = recordCalls(page);
  await page.goto(host.url);
  await expect.poll(() => calls.slice(0, 1)).toEqual(['loadWorkspace']);
  expect(held.length, 'the app (React, ProseMirror, its components) is a file apart from the entry').toBeGreaterThan(0);
  await expect(page.getByLabel('Filter documents')).toHaveCount(0);
  release();
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(SAMPLE_COUNT);
  expect(calls.filter((c) => c === 'loadWorkspace' || c === 'listDocuments')).toEqual(['loadWorkspace']);
});

test('a host slow to answer still gets the app on screen; the list follows its answer', async ({ page }) => {
  let answer = () => {};
  const answered = new Promise<void>((resolve) => (answer = resolve));
  let held = false;
  await page.route('**/api/loadWorkspace', async (route) => {
    if (held) return route.continue();
    held = true;
    await answered;
    await route.continue();
  });
  await page.goto(host.url);
  await expect(page.getByLabel('Filter documents')).toBeVisible();
  await expect(page.locator('.cd-filter-count')).toHaveText('Loading…');
  answer();
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(SAMPLE_COUNT);
});

test('a first call that fails is reported, and the next poll loads the list', async ({ page }) => {
  // The first call fails; the next ones wait until the test has seen the failure reported (a
  // poll or the change feed's first event may ask again at once, and the report would be gone).
  let failed = false;
  let seen = () => {};
  const isSeen = new Promise<void>((resolve) => (seen = resolve));
  await page.route('**/api/loadWorkspace', async (route) => {
    if (!failed) {
      failed = true;
      return route.abort('connectionrefused');
    }
    await isSeen;
    return route.continue();
  });
  await page.goto(host.url);
  await expect(page.getByRole('alert').filter({ hasText: 'Cannot reach the workspace' })).toBeVisible();
  seen();
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(SAMPLE_COUNT);
  await expect(page.getByRole('alert').filter({ hasText: 'Cannot reach the workspace' })).toHaveCount(0);
});

test('an app whose code cannot be loaded says so and what to do, instead of a blank page', async ({ page }) => {
  // The host stops answering for the app's file (the entry was served): its import fails.
  await page.route('**/assets/mount-*.js', (route) => route.abort('connectionrefused'));
  await page.goto(host.url);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Claimdesk could not start');
  await expect(alert).toContainText('Reload the page');
});
