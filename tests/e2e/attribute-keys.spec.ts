/**
 * Attribute keys (v, the attribute's key, the value's key) beside the article's other keys (#12
 * review), in Chromium through the browser host on the envoy article: a sequence dismisses the
 * link offered after a tag (a later Enter links nothing), a key that names no attribute or value
 * is swallowed with a message instead of tagging the word at the caret, and a sequence begun on
 * one annotation does not finish on another.
 */
import type { Locator, Page } from '@playwright/test';
import type { DocumentData } from '../../shared/model/types';
import { openSeededEnvoy } from './support/open-seeded';
import { dragSelect } from './support/select-text';
import { expect, test, type Api } from './support/fixtures';

const CLAIM = "I don't see any splintering. On the contrary, I see a very clear message";
const SECOND_CLAIM = 'All countries are showing resolve in the ways that they can';

const highlight = (article: Locator, id: string) => article.locator(`[data-annotation-id="${id}"]`);
const stored = (api: Api, docId: string) => api<DocumentData>('getDocument', { docId });
const details = (page: Page) => page.getByRole('complementary', { name: 'Annotation details' });
const keysHint = (page: Page) => details(page).getByRole('status');

test('an attribute key sequence dismisses the link offer: a later Enter links nothing', async ({ page, request, host, api }) => {
  const { article, docId } = await openSeededEnvoy(page, request, host, [{ id: 'c1', label: 'Claim', quote: CLAIM }]);
  const offer = page.getByRole('status', { name: 'Link offer' });
  await highlight(article, 'c1').first().click();
  await dragSelect(page, article, 'Hill said after');
  await page.keyboard.press('2');
  await expect(offer).toContainText('→ attributed_to → Source “Hill said after”');
  const source = (await stored(api, docId)).annotations.find((a) => a.label === 'Source')!;

  await page.keyboard.press('v');
  await expect(offer).toHaveCount(0);
  // identification (key 1) = described (key 2), on the new Source.
  await page.keyboard.press('1');
  await page.keyboard.press('2');
  await expect
    .poll(async () => (await stored(api, docId)).annotations.find((a) => a.id === source.id)?.attributes)
    .toEqual({ identification: 'described' });
  await page.keyboard.press('Enter');
  await expect(article.getByRole('img', { name: 'No source' })).toHaveCount(1);
  expect((await stored(api, docId)).relations).toEqual([]);
});

test('a key that names no attribute or value is swallowed with a message, and the sequence waits for a right one', async ({
  page,
  request,
  host,
  api,
}) => {
  const { article, docId } = await openSeededEnvoy(page, request, host, [{ id: 'c1', label: 'Claim', quote: CLAIM }]);
  await highlight(article, 'c1').first().click();
  await expect(keysHint(page)).toContainText('Keys: v');

  await test.step('v 1 5 on checkworthy (two values): 5 tags nothing and says so; 1 then sets yes', async () => {
    await page.keyboard.press('v');
    await page.keyboard.press('1');
    await page.keyboard.press('5');
    await expect(keysHint(page)).toContainText('No value of checkworthy has the key 5');
    await page.keyboard.press('1');
    await expect
      .poll(async () => (await stored(api, docId)).annotations.map((a) => [a.id, a.label, a.attributes]))
      .toEqual([['c1', 'Claim', { checkworthy: 'yes' }]]);
  });

  await test.step('v 9 (Claim has six keyed attributes): 9 is swallowed, Esc cancels, nothing is tagged', async () => {
    await page.keyboard.press('v');
    await page.keyboard.press('9');
    await expect(keysHint(page)).toContainText('No attribute has the key 9');
    await page.keyboard.press('Escape');
    await expect(keysHint(page)).toContainText('Keys: v');
    expect((await stored(api, docId)).annotations.map((a) => a.id)).toEqual(['c1']);
  });
});

test('a sequence begun on one annotation does not finish on another', async ({ page, request, host, api }) => {
  const { article, docId } = await openSeededEnvoy(page, request, host, [
    { id: 'c1', label: 'Claim', quote: CLAIM },
    { id: 'c2', label: 'Claim', quote: SECOND_CLAIM },
  ]);
  await highlight(article, 'c1').first().click();
  await page.keyboard.press('v');
  await page.keyboard.press('1');
  await expect(details(page).getByRole('list', { name: 'Keys for checkworthy' })).toBeVisible();
  await highlight(article, 'c2').first().click();
  await expect(details(page).getByRole('blockquote', { name: 'Quote' })).toHaveText(SECOND_CLAIM);
  await expect(keysHint(page)).toContainText('Keys: v');
  await page.keyboard.press('2');
  // 2 is the Source hotkey: with the caret in c2 it tags the word there (a Source), and sets nothing on either claim.
  await expect.poll(async () => (await stored(api, docId)).annotations.map((a) => a.label).sort()).toEqual(['Claim', 'Claim', 'Source']);
  const doc = await stored(api, docId);
  expect(doc.annotations.filter((a) => a.label === 'Claim').map((a) => [a.id, a.attributes])).toEqual([
    ['c1', {}],
    ['c2', {}],
  ]);
});
