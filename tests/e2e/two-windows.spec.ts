/**
 * Two windows (two tabs of one browser host) on one workspace (#12, item 13): a change saved in
 * one shows in the other's open article at once, without a reload, and edits made in both at the
 * same time end up in both and on disk.
 */
import type { Locator, Page } from '@playwright/test';
import type { DocumentData } from '../../shared/model/types';
import { ENVOY, ENVOY_SENTENCE, ENVOY_TITLE, expect, test } from './support/fixtures';
import type { HostProcess } from './support/host';
import { seedDocument } from './support/seed';
import { placeCaret } from './support/text-point';

const SECOND = 'All countries are showing resolve in the ways that they can';

/** Opens the envoy article in `page` and returns it. */
async function openEnvoy(page: Page, host: HostProcess): Promise<Locator> {
  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE }).click();
  const article = page.getByRole('article', { name: ENVOY_TITLE });
  await expect(article).toContainText(ENVOY_SENTENCE);
  return article;
}

/** Tags the word `word` (in the text node holding `context`) with the label of `key`, by keyboard. */
async function tagWord(page: Page, article: Locator, context: string, word: string, key: string): Promise<void> {
  await placeCaret(page, article, context, word, 'before');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press(key);
}

test('a change saved in one tab shows in the other tab’s open article, and concurrent edits reach both and the disk', async ({
  page,
  context,
  request,
  host,
  api,
}) => {
  const { id: docId } = await seedDocument(request, host, ENVOY);
  const pageB = await context.newPage();
  const articleA = await openEnvoy(page, host);
  const articleB = await openEnvoy(pageB, host);

  // A tags "Hill" as a source: B's open article draws it without a reload.
  await tagWord(page, articleA, ENVOY_SENTENCE, 'Hill', '2');
  await expect(articleA.locator('[data-label="Source"]')).toHaveText('Hill');
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
  await expect(articleB.locator('[data-label="Source"]')).toHaveText('Hill');

  // Both tag at once: B a claim word, A another source word; each tab ends with both.
  await Promise.all([tagWord(pageB, articleB, SECOND, 'countries', '1'), tagWord(page, articleA, 'arriving in Tokyo', 'Tokyo', '2')]);
  for (const article of [articleA, articleB]) {
    await expect(article.locator('[data-label="Claim"]')).toHaveText('countries');
    await expect(article.locator('[data-label="Source"]')).toHaveText(['Hill', 'Tokyo']);
  }
  const stored = await api<DocumentData>('getDocument', { docId });
  expect(stored.annotations.map((a) => `${a.label}:${a.quote}`).sort()).toEqual(['Claim:countries', 'Source:Hill', 'Source:Tokyo']);
});
