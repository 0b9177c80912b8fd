import { expect, test } from './support/fixtures';
import { placeCaret } from './support/text-point';
import { openSeededEnvoy } from './support/open-seeded';

test('screenshot of suggestions on the envoy article', async ({ page, request, host }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  const { article } = await openSeededEnvoy(page, request, host);
  await placeCaret(page, article, 'A top U.S. envoy', 'A top', 'before');
  await page.keyboard.press('s');
  await expect(article.locator('.cd-suggestion').first()).toBeVisible();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await page.waitForTimeout(400);
  await page.screenshot({ path: '/tmp/final-envoy-1.png' });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.waitForTimeout(400);
  await page.screenshot({ path: '/tmp/final-envoy-2.png' });
});
