/**
 * Adjusting a span's boundaries by keyboard without deleting it (issue #12) on the envoy
 * article: with a claim selected and no text selected, Alt+←/→ move its start by a word,
 * Alt+Shift+←/→ its end, and with Ctrl by a character. Each step is checked on screen and
 * through the API (offsets, quote, same id); undo steps back to the original span; the claim's
 * link to its source survives; a move that would empty a span is refused with a status message;
 * with text selected, Alt+Shift+→ extends the text selection instead.
 */
import type { DocumentData } from '../../shared/model/types';
import { openSeededEnvoy } from './support/open-seeded';
import { placeCaret, selectedText } from './support/text-point';
import { expect, test } from './support/fixtures';

const ASO = '"China will be backed into a corner," Aso said later on a TV Asahi talk show.';
const CLAIM = 'backed into a corner';

test('Alt(+Shift)(+Ctrl)+arrows move the selected claim’s start and end; undo restores it; its link survives', async ({
  page,
  request,
  host,
  api,
}) => {
  const { article, docId } = await openSeededEnvoy(
    page,
    request,
    host,
    [
      { id: 'claim', label: 'Claim', quote: CLAIM },
      { id: 'aso', label: 'Source', quote: 'Aso', after: 'claim' },
    ],
    [{ id: 'link', type: 'attributed_to', from: 'claim', to: 'aso' }],
  );
  const stored = () => api<DocumentData>('getDocument', { docId });
  const { text } = await stored();
  const base = text.indexOf(ASO);
  /** The claim as the API has it: [start, end] relative to the paragraph, and its quote. */
  const claimNow = async () => {
    const doc = await stored();
    const claim = doc.annotations.find((a) => a.id === 'claim')!;
    expect(doc.text.slice(claim.start, claim.end)).toBe(claim.quote);
    return [claim.start - base, claim.end - base, claim.quote];
  };
  const at = (quote: string) => [ASO.indexOf(quote), ASO.indexOf(quote) + quote.length, quote];
  const highlight = article.locator('[data-annotation-id="claim"]');
  // The quote as the details panel shows it (the highlight may be cut in parts where it overlaps the source).
  const quoteShown = page.getByRole('complementary', { name: 'Annotation details' }).getByRole('blockquote', { name: 'Quote' });
  const saved = page.getByRole('status', { name: 'Save status' });
  const original = at(CLAIM);
  expect(await claimNow()).toEqual(original);

  const steps: [string, string][] = [
    ['Alt+ArrowLeft', 'be backed into a corner'],
    ['Alt+Shift+ArrowLeft', 'be backed into a'],
    ['Control+Alt+Shift+ArrowRight', 'be backed into a '],
    ['Control+Alt+ArrowRight', 'e backed into a '],
    ['Alt+ArrowRight', 'backed into a '],
    ['Control+Alt+Shift+ArrowLeft', 'backed into a'],
    ['Alt+Shift+ArrowRight', 'backed into a corner'],
    ['Alt+Shift+ArrowRight', 'backed into a corner," Aso'],
  ];
  await test.step('each key moves one boundary, in place: same id, new offsets and quote', async () => {
    await highlight.first().click();
    await expect(quoteShown).toHaveText(CLAIM);
    for (const [key, quote] of steps) {
      await page.keyboard.press(key);
      await expect(quoteShown).toHaveText(quote);
      await expect(saved).toHaveText('Saved');
      expect([key, ...(await claimNow())]).toEqual([key, ...at(quote)]);
    }
  });

  await test.step('the link survives every move; undo steps back to the original span', async () => {
    expect((await stored()).relations.map((r) => [r.id, r.from, r.to])).toEqual([['link', 'claim', 'aso']]);
    for (let i = steps.length - 2; i >= -1; i--) {
      await page.keyboard.press('Control+z');
      const quote = i >= 0 ? steps[i]![1] : CLAIM;
      await expect(quoteShown).toHaveText(quote);
    }
    await expect(saved).toHaveText('Saved');
    expect(await claimNow()).toEqual(original);
    expect((await stored()).relations.map((r) => [r.id, r.from, r.to])).toEqual([['link', 'claim', 'aso']]);
  });

  await test.step('a move that would empty the span is refused with a status message', async () => {
    const source = article.locator('[data-annotation-id="aso"]');
    await source.click();
    await page.keyboard.press('Alt+Shift+ArrowLeft');
    await expect(page.getByRole('status', { name: 'Status', exact: true })).toContainText('cannot get any shorter');
    await expect(source).toHaveText('Aso');
    const aso = (await stored()).annotations.find((a) => a.id === 'aso')!;
    expect([aso.start - base, aso.end - base]).toEqual(at('Aso').slice(0, 2));
  });

  await test.step('with text selected, Alt+Shift+→ extends the text selection and leaves the span alone', async () => {
    await highlight.first().click();
    await placeCaret(page, article, CLAIM, 'corner', 'before');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Alt+Shift+ArrowRight');
    expect(await selectedText(page)).toBe('co');
    expect(await claimNow()).toEqual(original);
  });
});
