/**
 * Many tabs on one browser host (#12 review): each shown tab holds one connection open for the change
 * feed, and Chromium allows six per host, so a hidden tab closes its stream (the workspace poll goes
 * on). Six hidden tabs leave a seventh free to load and save; a hidden tab shown again reopens its
 * stream and catches up on what was saved meanwhile.
 */
import type { Page } from '@playwright/test';
import type { DocumentData } from '../../shared/model/types';
import { ENVOY, ENVOY_SENTENCE, ENVOY_TITLE, expect, test } from './support/fixtures';
import { seedDocument } from './support/seed';
import { placeCaret } from './support/text-point';

/** Makes the page's document say it is hidden or shown, as a browser does when its tab goes to the background or comes back. */
async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((visibility) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => visibility === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/** Opens the envoy article in `page`. */
async function openEnvoy(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE }).click();
  const article = page.getByRole('article', { name: ENVOY_TITLE });
  await expect(article).toContainText(ENVOY_SENTENCE);
  return article;
}

test('six hidden tabs leave a seventh free to work, and a tab shown again catches up', async ({ page, context, request, host, api }) => {
  const { id: docId } = await seedDocument(request, host, ENVOY);
  const hidden: Page[] = [page];
  for (let i = 1; i < 6; i++) hidden.push(await context.newPage());
  const first = await openEnvoy(page, host.url);
  await setVisibility(page, 'hidden');
  for (const tab of hidden.slice(1)) {
    await tab.goto(host.url);
    await expect(tab.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE })).toBeVisible();
    await setVisibility(tab, 'hidden');
  }

  // The seventh tab loads, opens the article and saves a tag.
  const seventh = await context.newPage();
  const article = await openEnvoy(seventh, host.url);
  await placeCaret(seventh, article, ENVOY_SENTENCE, 'Hill', 'before');
  await seventh.keyboard.press('Control+Shift+ArrowRight');
  await seventh.keyboard.press('1');
  await expect(seventh.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
  expect((await api<DocumentData>('getDocument', { docId })).annotations.map((a) => a.quote)).toEqual(['Hill']);

  // The first tab, shown again, draws the tag saved while it was hidden.
  await setVisibility(page, 'visible');
  await expect(first.locator('[data-label="Claim"]')).toHaveText('Hill');
});
