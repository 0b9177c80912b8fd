/**
 * The relation label of a link arc never covers the article's text (issue #12, item 6): with a
 * claim and its source on adjacent lines (the claim wraps onto the source's line, or ends on the
 * line above it), the "attributed_to" label's box intersects none of the boxes of the article's
 * text, line by line as the browser lays it out (Range.getClientRects of each text node of the article);
 * several labels beside one claim overlap neither the text nor each other.
 */
import type { Locator, Page } from '@playwright/test';
import { openSeededEnvoy } from './support/open-seeded';
import { expect, test } from './support/fixtures';

type Box = Readonly<{ left: number; top: number; right: number; bottom: number }>;

/** The boxes of the drawn arc labels and of every line of text in the article (viewport coordinates). */
async function labelAndTextBoxes(page: Page, article: Locator): Promise<{ labels: Box[]; lines: Box[] }> {
  const labels = await page.locator('.cd-link-arc-label').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Box));
  const lines = await article.evaluate((root) => {
    const boxes: Box[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) boxes.push(r.toJSON() as Box);
    }
    return boxes;
  });
  return { labels, lines };
}

const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The tops of an annotation's highlight boxes, in text order. */
const topsOf = (article: Locator, id: string) =>
  article.locator(`[data-annotation-id="${id}"]`).evaluateAll((els) => els.flatMap((el) => [...el.getClientRects()].map((r) => r.top)));

test('a link label between claim and source on adjacent lines covers no text', async ({ page, request, host }) => {
  // The paragraph "Aso said there is a possibility …" wraps (at the test's 1440 px window) as
  // "… on the | resolution, leaving China … sole country | voicing opposition. Nine of 15 … needed to | pass the resolution and Aso called …".
  const { article } = await openSeededEnvoy(
    page,
    request,
    host,
    [
      { id: 'wrapped', label: 'Claim', quote: 'Nine of 15 votes on the Security Council are needed to pass the resolution' },
      { id: 'aso', label: 'Source', quote: 'Aso', after: 'wrapped' },
      { id: 'above', label: 'Claim', quote: 'the sole country' },
      { id: 'below', label: 'Source', quote: 'voicing opposition', after: 'above' },
    ],
    [
      { id: 'r1', type: 'attributed_to', from: 'wrapped', to: 'aso' },
      { id: 'r2', type: 'attributed_to', from: 'above', to: 'below' },
    ],
  );

  for (const [claim, source] of [
    ['wrapped', 'aso'],
    ['above', 'below'],
  ] as const) {
    await test.step(`${claim} -> ${source}: the label sits clear of every text line`, async () => {
      await article.locator(`[data-annotation-id="${claim}"]`).first().click();
      await expect(page.locator('.cd-link-arc-label')).toHaveText(['attributed_to']);
      // The set-up holds: the claim's last line is the source's line or the one just above it.
      const [claimTops, sourceTops] = [await topsOf(article, claim), await topsOf(article, source)];
      const pitch = Math.abs(sourceTops[0]! - claimTops.at(-1)!);
      const { labels, lines } = await labelAndTextBoxes(page, article);
      const lineHeight = lines[0]!.bottom - lines[0]!.top;
      expect(pitch).toBeLessThan(2 * lineHeight);
      expect(labels).toHaveLength(1);
      const covered = lines.filter((line) => intersects(labels[0]!, line));
      expect(covered).toEqual([]);
    });
  }
});

test('the labels of several links from one claim overlap neither the text nor each other', async ({ page, request, host }) => {
  const { article } = await openSeededEnvoy(
    page,
    request,
    host,
    [
      { id: 'before', label: 'Source', quote: 'Aso called' },
      { id: 'claim', label: 'Claim', quote: 'backed into a corner' },
      { id: 'aso', label: 'Source', quote: 'Aso', after: 'claim' },
      { id: 'asahi', label: 'Source', quote: 'TV Asahi', after: 'claim' },
    ],
    [
      { id: 'r1', type: 'attributed_to', from: 'claim', to: 'aso' },
      { id: 'r2', type: 'attributed_to', from: 'claim', to: 'before' },
      { id: 'r3', type: 'attributed_to', from: 'claim', to: 'asahi' },
    ],
  );
  await article.locator('[data-annotation-id="claim"]').first().click();
  await expect(page.locator('.cd-link-arc-label')).toHaveText(['attributed_to', 'attributed_to', 'attributed_to']);
  const { labels, lines } = await labelAndTextBoxes(page, article);
  expect(labels.flatMap((label) => lines.filter((line) => intersects(label, line)))).toEqual([]);
  const overlapping = labels.flatMap((a, i) => labels.slice(i + 1).filter((b) => intersects(a, b)));
  expect(overlapping).toEqual([]);
});
