/**
 * The dashed preview of a link being made points the way the link will be stored (#12 review):
 * l on a Source offers its Claim, and the link is stored Claim → Source, so the preview's
 * arrowhead is at the Source, as the drawn link's is once it is made.
 */
import type { Locator } from '@playwright/test';
import { openSeededEnvoy } from './support/open-seeded';
import { expect, test } from './support/fixtures';

const CLAIM = "I don't see any splintering. On the contrary, I see a very clear message";

/** Where an arc ends (its arrowhead), in page coordinates. */
const arrowheadOf = (arc: Locator) =>
  arc.evaluate((path: SVGPathElement) => {
    const end = path.getPointAtLength(path.getTotalLength());
    const page = new DOMPoint(end.x, end.y).matrixTransform(path.getScreenCTM()!);
    return { x: page.x, y: page.y };
  });

/** True when `point` is over `highlight` (within a line's height below or above it, where arcs end). */
const isAt = (highlight: Locator, point: { x: number; y: number }) =>
  highlight.evaluate((el, p) => {
    const slack = 6;
    return [...el.getClientRects()].some((r) => p.x >= r.left && p.x <= r.right && p.y >= r.top - slack && p.y <= r.bottom + slack);
  }, point);

test('l on a Source: the dashed preview points Claim → Source, the stored direction, like the link drawn after Enter', async ({
  page,
  request,
  host,
}) => {
  const { article } = await openSeededEnvoy(page, request, host, [
    { id: 'c1', label: 'Claim', quote: CLAIM },
    { id: 's1', label: 'Source', quote: 'Hill', after: 'c1' },
  ]);
  const source = article.locator('[data-annotation-id="s1"]');
  const overlay = page.locator('.cd-link-overlay');

  await source.click();
  await page.keyboard.press('l');
  await expect(page.getByRole('region', { name: 'Link mode' })).toContainText('Linking Source');
  const preview = overlay.locator('.cd-link-arc.is-preview .cd-link-arc-line');
  await expect(preview).toHaveCount(1);
  expect(await isAt(source, await arrowheadOf(preview))).toBe(true);

  await page.keyboard.press('Enter');
  await expect(preview).toHaveCount(0);
  const drawn = overlay.locator('.cd-link-arc:not(.is-preview) .cd-link-arc-line');
  await expect(drawn).toHaveCount(1);
  expect(await isAt(source, await arrowheadOf(drawn))).toBe(true);
});
