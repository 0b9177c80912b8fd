/**
 * Coming back to where the analyst was (#12, faster path), in Chromium through the browser host:
 * after a reload the window opens the same document, scrolled to the same place, with the same
 * annotation selected; the layer shown comes back too when it is not the analyst's own.
 */
import type { Page } from '@playwright/test';
import { ENVOY, ENVOY_TITLE, expect, test } from './support/fixtures';
import { importArticle, seedLayers } from './support/layers';
import { seedDocument } from './support/seed';

const FAR = 'Cabinet-level talks';
const NEAR = 'top U.S. envoy';

/** The reading pane's scroll offset. */
const scrollTopOf = (page: Page) => page.getByRole('main', { name: 'Reader' }).evaluate((el) => el.scrollTop);

test('a reload opens the same document, scrolled to the same place, with the same annotation selected', async ({ page, request, host }) => {
  await page.setViewportSize({ width: 1280, height: 560 });
  await seedDocument(request, host, ENVOY, [
    { id: 'near', label: 'Claim', quote: NEAR },
    { id: 'far', label: 'Claim', quote: FAR },
  ]);
  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE }).click();
  const article = page.getByRole('article', { name: ENVOY_TITLE });
  const far = article.locator('[data-annotation-id="far"]');
  await far.scrollIntoViewIfNeeded();
  await far.click();
  await expect(far).toHaveClass(/is-selected/);
  await expect(page.getByRole('complementary', { name: 'Annotation details' })).toContainText(FAR);
  const scrolled = await scrollTopOf(page);
  expect(scrolled).toBeGreaterThan(500); // far down: the start of the article is out of view
  await expect(article.locator('[data-annotation-id="near"]')).not.toBeInViewport();

  await page.reload();
  await expect(article.locator('[data-annotation-id="far"]')).toHaveClass(/is-selected/);
  await expect(page.getByRole('complementary', { name: 'Annotation details' })).toContainText(FAR);
  await expect(article.locator('[data-annotation-id="far"]')).toBeInViewport();
  await expect.poll(() => scrollTopOf(page)).toBe(scrolled);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE })).toHaveAttribute('aria-selected', 'true');
});

test('a colleague’s layer that was shown comes back after a reload, with its selected annotation', async ({ page, api, host }) => {
  const { id: docId } = await importArticle(api, ENVOY);
  await seedLayers(api, docId, [{ annotator: 'bob', spans: [{ id: 'b-far', label: 'Source', quote: FAR }] }], 'ann');
  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE }).click();
  const layerButton = page.getByRole('button', { name: /^Layer: / });
  await expect(layerButton).toHaveAccessibleName('Layer: ann');
  await layerButton.click();
  await page.getByRole('listbox', { name: 'Layers' }).getByRole('option', { name: /^bob/ }).click();
  await expect(layerButton).toHaveAccessibleName('Layer: bob');
  const article = page.getByRole('article', { name: ENVOY_TITLE });
  await article.locator('[data-annotation-id="b-far"]').click();
  await expect(article.locator('[data-annotation-id="b-far"]')).toHaveClass(/is-selected/);

  await page.reload();
  await expect(layerButton).toHaveAccessibleName('Layer: bob');
  await expect(article.locator('[data-annotation-id="b-far"]')).toHaveClass(/is-selected/);
  await expect(article.locator('[data-annotation-id="b-far"]')).toBeInViewport();
});
