/**
 * The span boundary keys where span-resize.spec.ts does not go (#12 review): on macOS the chord
 * is Ctrl+⌥(+Shift), so ⌥⇧→ after a click in a highlight selects a word as macOS does instead of
 * resizing the annotation; in curation mode Alt+←/→ resize the selected curated annotation, and
 * an Alt+← the article does not use is kept from the browser (its Back).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { DocumentData } from '../../shared/model/types';
import { openSeededEnvoy } from './support/open-seeded';
import { importArticle, seedLayers } from './support/layers';
import { placeCaret, selectedText } from './support/text-point';
import { expect, test } from './support/fixtures';

const CLAIM = 'backed into a corner';
const MAC_CHROME = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';

/** Records, on the window after every other handler, whether the next keydown was kept from the browser. */
async function watchDefault(page: Page): Promise<() => Promise<boolean | null>> {
  await page.evaluate(() => {
    const w = window as unknown as { lastKeyPrevented: boolean | null };
    w.lastKeyPrevented = null;
    window.addEventListener('keydown', (e) => (w.lastKeyPrevented = e.defaultPrevented));
  });
  return () => page.evaluate(() => (window as unknown as { lastKeyPrevented: boolean | null }).lastKeyPrevented);
}

test.describe('on macOS', () => {
  test.use({ userAgent: MAC_CHROME });

  test('⌥⇧→ after a click in a highlight selects a word; Ctrl+⌥(+Shift)(+⌘)+arrows move the boundaries', async ({ page, request, host, api }) => {
    const { article, docId } = await openSeededEnvoy(page, request, host, [{ id: 'claim', label: 'Claim', quote: CLAIM }]);
    const quoteOf = async () => (await api<DocumentData>('getDocument', { docId })).annotations.find((a) => a.id === 'claim')!.quote;
    const quoteShown = page.getByRole('complementary', { name: 'Annotation details' }).getByRole('blockquote', { name: 'Quote' });
    const saved = page.getByRole('status', { name: 'Save status' });

    await article.locator('[data-annotation-id="claim"]').click();
    await expect(quoteShown).toHaveText(CLAIM);
    await placeCaret(page, article, CLAIM, 'corner', 'before');
    await page.keyboard.press('Alt+Shift+ArrowRight');
    expect(await selectedText(page)).toBe('corner');
    expect(await quoteOf()).toBe(CLAIM);

    await article.locator('[data-annotation-id="claim"]').click();
    for (const [key, quote] of [
      ['Control+Alt+ArrowLeft', 'be backed into a corner'],
      ['Control+Alt+Shift+ArrowLeft', 'be backed into a'],
      ['Control+Alt+Meta+ArrowRight', 'e backed into a'],
    ] as const) {
      await page.keyboard.press(key);
      await expect(quoteShown).toHaveText(quote);
      await expect(saved).toHaveText('Saved');
      expect([key, await quoteOf()]).toEqual([key, quote]);
    }
  });
});

test('in curation mode Alt+→ moves the selected curated claim’s start, and Alt+← with nothing to move is kept from the browser', async ({
  page,
  host,
  api,
}) => {
  const file = join(test.info().outputPath(), 'grid.txt');
  writeFileSync(file, 'Grid warning\n\n"The grid fails tonight," Hill said.\n');
  const row = await importArticle(api, file);
  const spans = (who: string) => [{ id: `${who}-grid`, label: 'Claim', quote: 'The grid fails tonight' }];
  await seedLayers(
    api,
    row.id,
    [
      { annotator: 'ann', spans: spans('ann'), links: [] },
      { annotator: 'bob', spans: spans('bob'), links: [] },
    ],
    'carol',
  );
  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: 'Grid warning' }).click();
  const article = page.getByRole('article', { name: 'Grid warning' });
  await expect(article).toContainText('The grid fails tonight');
  await page.getByRole('button', { name: 'Curate', exact: true }).click();
  await page.getByRole('dialog', { name: 'Start curating' }).getByRole('button', { name: 'Start curating' }).click();
  await expect(page.getByRole('button', { name: 'Layer: curated' })).toBeVisible();
  const curated = async () => (await api<DocumentData>('getDocument', { docId: row.id, layer: 'curated' })).annotations.map((a) => a.quote);
  await expect.poll(curated).toEqual(['The grid fails tonight']);
  const prevented = await watchDefault(page);

  await article.locator('[data-label="Claim"]').click();
  const quoteShown = page.getByRole('complementary', { name: 'Annotation details' }).getByRole('blockquote', { name: 'Quote' });
  await expect(quoteShown).toHaveText('The grid fails tonight');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(quoteShown).toHaveText('grid fails tonight');
  await expect.poll(curated).toEqual(['grid fails tonight']);

  await article.getByText('Hill').click();
  await expect(page.getByRole('complementary', { name: 'Annotation details' })).toHaveCount(0);
  await page.keyboard.press('Alt+ArrowLeft');
  expect(await prevented()).toBe(true);
});
