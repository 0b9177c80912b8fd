/**
 * Extending a selection by sentence from inside a quotation (issue #12, item 5) on the envoy
 * article: Alt+Shift+Down stops at the end of the quotation instead of running on into its
 * attribution ("…a corner," Aso said later on a TV Asahi talk show), and Alt+Shift+Up stops at
 * its start; the claim tagged from it is the quotation's text alone, on disk.
 */
import { documentOnDisk } from './support/seed';
import { openSeededEnvoy } from './support/open-seeded';
import { placeCaret, selectedText } from './support/text-point';
import { expect, test } from './support/fixtures';

const ASO = '"China will be backed into a corner," Aso said later on a TV Asahi talk show.';
const QUOTED = 'China will be backed into a corner,';

test('Alt+Shift+Down / Up from inside a quotation stop at its end / start, not in the attribution', async ({ page, request, host }) => {
  const { article, docId } = await openSeededEnvoy(page, request, host);

  await test.step('Alt+Shift+Down from the first quoted word stops before the closing mark', async () => {
    await placeCaret(page, article, ASO, 'China', 'before');
    await page.keyboard.press('Alt+Shift+ArrowDown');
    expect(await selectedText(page)).toBe(QUOTED);
    // Pressed again, from the quotation's end, it goes on to the end of the sentence.
    await page.keyboard.press('Alt+Shift+ArrowDown');
    expect(await selectedText(page)).toBe(ASO.slice(1));
    await page.keyboard.press('Escape');
  });

  await test.step('Alt+Shift+Up from the quotation end stops after the opening mark; the claim is the quote alone', async () => {
    await placeCaret(page, article, ASO, 'corner,', 'after');
    await page.keyboard.press('Alt+Shift+ArrowUp');
    expect(await selectedText(page)).toBe(QUOTED);
    await page.keyboard.press('1');
    await expect(article.locator('[data-label="Claim"]')).toHaveText('China will be backed into a corner');
    await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
    const stored = await documentOnDisk(host, docId);
    expect(stored.annotations.map((a) => [a.label, a.quote])).toEqual([['Claim', 'China will be backed into a corner']]);
  });
});
