/**
 * Tagging and linking, round 2 (#12), in Chromium through the browser host on the envoy
 * article: `l` links from either end (a Source to its Claim, stored Claim → Source); a label key
 * with only a caret tags the word under it, or says why not; saving the schema keeps the
 * article's scroll position, the selected annotation and the text selection. Each step checks
 * what the analyst sees and, where a change is made, what the API reads back.
 */
import type { Locator } from '@playwright/test';
import type { DocumentData } from '../../shared/model/types';
import type { SpanSeed } from './support/seed';
import { placeCaret, selectedText } from './support/text-point';
import { ENVOY_SENTENCE, expect, test, type Api } from './support/fixtures';
import { openSeededEnvoy } from './support/open-seeded';

const CLAIM = "I don't see any splintering. On the contrary, I see a very clear message";
const SECOND_CLAIM = 'All countries are showing resolve in the ways that they can';

const highlight = (article: Locator, id: string) => article.locator(`[data-annotation-id="${id}"]`);
const stored = (api: Api, docId: string) => api<DocumentData>('getDocument', { docId });

test('l on a Source links it to a Claim, stored in the schema direction (Claim → Source)', async ({ page, request, host, api }) => {
  const spans: SpanSeed[] = [
    { id: 'c1', label: 'Claim', quote: CLAIM },
    { id: 's1', label: 'Source', quote: 'Hill', after: 'c1' },
  ];
  const { article, docId } = await openSeededEnvoy(page, request, host, spans);
  const linkMode = page.getByRole('region', { name: 'Link mode' });

  await highlight(article, 's1').click();
  await page.keyboard.press('l');
  await expect(linkMode).toContainText('Linking Source');
  await expect(linkMode).toContainText('Claim');
  await expect(highlight(article, 'c1').first()).toHaveClass(/is-candidate-active/);
  await page.keyboard.press('Enter');
  await expect(linkMode).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Status', exact: true })).toContainText('Linked');
  await expect(article.getByRole('img', { name: 'No source' })).toHaveCount(0);
  await expect.poll(async () => (await stored(api, docId)).relations.map((r) => [r.type, r.from, r.to])).toEqual([['attributed_to', 'c1', 's1']]);
});

test('a label key with only a caret tags the word under it, or says why it cannot', async ({ page, request, host, api }) => {
  const { article, docId } = await openSeededEnvoy(page, request, host);
  const status = page.getByRole('status', { name: 'Status', exact: true });

  await test.step('a caret inside "Hill" and 2: Source "Hill"', async () => {
    await placeCaret(page, article, ENVOY_SENTENCE, 'ill said', 'before');
    await page.keyboard.press('2');
    await expect(article.locator('[data-label="Source"]')).toHaveText('Hill');
    await expect.poll(async () => (await stored(api, docId)).annotations.map((a) => [a.label, a.quote])).toEqual([['Source', 'Hill']]);
  });

  await test.step('a caret between a comma and a space: nothing is tagged, and the status bar says why', async () => {
    await placeCaret(page, article, 'missile tests, but cracks', ',', 'after');
    await page.keyboard.press('1');
    await expect(status).toContainText('not in a word');
    await expect(article.locator('[data-label="Claim"]')).toHaveCount(0);
  });
});

test('saving the schema keeps the scroll position, the selected annotation and the text selection', async ({ page, request, host }) => {
  const spans: SpanSeed[] = [
    { id: 'c1', label: 'Claim', quote: CLAIM },
    { id: 'q1', label: 'Cue', quote: 'said', after: 'c1' },
    { id: 'c2', label: 'Claim', quote: SECOND_CLAIM },
  ];
  const { article } = await openSeededEnvoy(page, request, host, spans);
  const reader = page.getByRole('main', { name: 'Reader' });
  const details = page.getByRole('complementary', { name: 'Annotation details' });

  await highlight(article, 'c2').first().click();
  await expect(details.getByRole('blockquote', { name: 'Quote' })).toHaveText(SECOND_CLAIM);
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
  const selected = await selectedText(page);
  expect(selected.length).toBeGreaterThan(0);
  const scrolled = await reader.evaluate((el) => el.scrollTop);
  expect(scrolled).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Schema…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit schema' });
  await dialog.getByRole('list', { name: 'Labels' }).getByRole('button', { name: 'Cue' }).click();
  await dialog.getByLabel('Label name').fill('Attribution cue');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  // The renamed label on a highlight: the article was read afresh after the save.
  await expect(highlight(article, 'q1').first()).toHaveAttribute('data-label', 'Attribution cue');

  await expect(details.getByRole('blockquote', { name: 'Quote' })).toHaveText(SECOND_CLAIM);
  await expect(highlight(article, 'c2').first()).toHaveClass(/is-selected/);
  expect(await reader.evaluate((el) => el.scrollTop)).toBe(scrolled);
  expect(await selectedText(page)).toBe(selected);
});
