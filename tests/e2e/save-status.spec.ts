/**
 * "Never lose a mark" as the status bar tells it, in Chromium through the browser host, with
 * saves that really fail: a folder is put where the store writes the temporary file of the
 * analyst's layer (documents/<id>/layers/.<name>.json.tmp), so the write fails with EISDIR even as root. The change
 * stays on screen and across a reload, the status bar says "Not saved" with the reason and a
 * countdown, retries back off (1 s, 2 s, 5 s, then 10 s), "Retry now" retries at once, and once
 * the way is clear the change reaches the file. The window's clock is Playwright's fake one,
 * installed once the page has loaded and paused: back-off is stepped through, never slept
 * through, and no retry can fire unless a step moves the clock.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { layerFileName } from '../../shared/model/layers';
import { callApi } from './support/host';
import { documentOnDisk, seedDocument } from './support/seed';
import { placeCaret } from './support/text-point';
import { ENVOY, ENVOY_SENTENCE, ENVOY_TITLE, expect, test } from './support/fixtures';

/** The first sentence of the store's EISDIR message, which the status bar shows. */
const IN_THE_WAY = 'Something else is in the way of the file (a folder with its temporary name); move it away.';

test('a failing save says "Not saved", keeps the change, backs off, and "Retry now" saves it', async ({ page, request, host }) => {
  const { id: docId } = await seedDocument(request, host, ENVOY);
  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE }).click();
  const article = page.getByRole('article', { name: ENVOY_TITLE });
  await expect(article).toContainText(ENVOY_SENTENCE);
  // From here the window's time stands still except when a step moves it.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1000);
  let saves = 0;
  page.on('request', (r) => void (r.url().endsWith('/api/applyChanges') && saves++));

  const status = page.getByRole('status', { name: 'Save status' });
  const retryNow = page.getByRole('button', { name: 'Retry now' });
  const source = article.locator('[data-label="Source"]');
  const notSaved = (seconds: number) => `Not saved — ${IN_THE_WAY} 1 change kept, retrying in ${seconds}s`;
  const { author } = await callApi<{ author: string }>(request, host, 'getPreferences', {});
  const blocker = join(host.workspace, 'documents', docId, 'layers', `.${layerFileName(author)}.tmp`);
  await mkdir(blocker, { recursive: true });

  await test.step('the failed save is shown, and the change stays on screen', async () => {
    await placeCaret(page, article, ENVOY_SENTENCE, 'Hill', 'before');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('2');
    await expect(source).toHaveText('Hill');
    await expect(status).toHaveText(notSaved(1));
    await expect(retryNow).toBeVisible();
    expect(saves).toBe(1);
    expect((await documentOnDisk(host, docId)).annotations).toEqual([]);
  });

  await test.step('retries back off: after 1 s, then 2 s, then 5 s', async () => {
    await page.clock.runFor(1000);
    await expect(status).toHaveText(notSaved(2));
    expect(saves).toBe(2);
    await page.clock.runFor(2000);
    await expect(status).toHaveText(notSaved(5));
    expect(saves).toBe(3);
  });

  await test.step('"Retry now" retries at once (no time passes), and the next wait is longer', async () => {
    await retryNow.click();
    await expect(status).toHaveText(notSaved(10));
    expect(saves).toBe(4);
    await expect(source).toHaveText('Hill');
  });

  await test.step('a reload of the window keeps the unsaved change', async () => {
    await page.reload();
    await expect(article).toContainText(ENVOY_SENTENCE);
    await expect(source).toHaveText('Hill');
    await expect(status).toHaveText(notSaved(1));
    expect((await documentOnDisk(host, docId)).annotations).toEqual([]);
  });

  await test.step('while a change is unsaved, the author name (which names the layer it goes to) cannot change', async () => {
    await page.getByRole('button', { name: 'Preferences…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Preferences' });
    await dialog.getByRole('textbox').fill('someone else');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toContainText('1 change is still being saved to your layer');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
  });

  await test.step('once the way is clear, "Retry now" saves the change to the file', async () => {
    await rm(blocker, { recursive: true });
    await retryNow.click();
    await expect(status).toHaveText('Saved');
    await expect(retryNow).toHaveCount(0);
    const stored = await documentOnDisk(host, docId);
    expect(stored.annotations.map((a) => [a.label, a.quote])).toEqual([['Source', 'Hill']]);
  });
});
