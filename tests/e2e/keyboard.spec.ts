/**
 * The README's keyboard table, key by key, in Chromium through the browser host on the envoy
 * article: Shift+arrows / Home / End and Alt+Shift+Up extend the selection, Alt+hotkey tags the
 * exact characters (no snapping), Tab / Shift+Tab and j / k walk the annotations in text order,
 * Esc leaves link mode without linking, Backspace deletes the selected annotation with its
 * links, and Ctrl+C in the claims table copies the selected rows as TSV. Each step checks what
 * the analyst sees (the selection, highlights, panels, the clipboard) and, where a change is
 * made, the document file on disk.
 */
import type { Locator } from '@playwright/test';
import { documentOnDisk, type SpanSeed } from './support/seed';
import { placeCaret, selectedText } from './support/text-point';
import { ENVOY_SENTENCE, expect, test } from './support/fixtures';
import { openSeededEnvoy } from './support/open-seeded';

const CLAIM = "I don't see any splintering. On the contrary, I see a very clear message";
const SECOND_CLAIM = 'All countries are showing resolve in the ways that they can';
const SHORES = 'Among the missiles was at least one believed to be capable of striking U.S. shores.';

const highlight = (article: Locator, id: string) => article.locator(`[data-annotation-id="${id}"]`);

test('Shift+arrows, Shift+Home/End and Alt+Shift+Up extend the selection; Alt+hotkey tags exactly it', async ({ page, request, host }) => {
  const { article, docId } = await openSeededEnvoy(page, request, host);
  const details = page.getByRole('complementary', { name: 'Annotation details' });

  await test.step('Shift+Right and Shift+Left by character; Alt+1 keeps the quote mark and the cut word', async () => {
    await placeCaret(page, article, ENVOY_SENTENCE, '"I', 'before');
    for (let i = 0; i < 7; i++) await page.keyboard.press('Shift+ArrowRight');
    expect(await selectedText(page)).toBe('"I don\'');
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await selectedText(page)).toBe('"I don');
    // Snapped, this would be «I don't» (whole words, no quote mark): Alt keeps the characters.
    await page.keyboard.press('Alt+1');
    const claim = article.locator('[data-label="Claim"]');
    await expect(claim).toHaveText('"I don');
    await expect(details.getByRole('blockquote', { name: 'Quote' })).toHaveText('"I don');
    await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
    const stored = await documentOnDisk(host, docId);
    expect(stored.annotations.map((a) => [a.label, a.quote, stored.text.slice(a.start, a.end)])).toEqual([['Claim', '"I don', '"I don']]);
  });

  await test.step('Shift+End to the end of the line, Shift+Home back to its start', async () => {
    await placeCaret(page, article, 'CountryWatch: Japan', 'Japan', 'before');
    await page.keyboard.press('Shift+End');
    expect(await selectedText(page)).toBe('Japan');
    await placeCaret(page, article, 'CountryWatch: North Korea', 'Korea', 'after');
    await page.keyboard.press('Shift+Home');
    expect(await selectedText(page)).toBe('CountryWatch: North Korea');
    // Esc clears it (the label menu it opened sits over the line above, where the next click goes).
    await page.keyboard.press('Escape');
    await expect(page.getByRole('toolbar', { name: 'Tag selection' })).toHaveCount(0);
    expect(await selectedText(page)).toBe('');
  });

  await test.step('Shift+Down extends by a line, into the next paragraph', async () => {
    await placeCaret(page, article, 'CountryWatch: Japan', 'Japan', 'before');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await selectedText(page)).toMatch(/^Japan\s+CountryWatch: /);
  });

  await test.step('Alt+Shift+Up extends back to the start of the sentence (past "U.S.")', async () => {
    await placeCaret(page, article, SHORES, 'shores.', 'after');
    await page.keyboard.press('Alt+Shift+ArrowUp');
    expect(await selectedText(page)).toBe(SHORES);
    // Alt+4 tags exactly that sentence, its final dot included.
    await page.keyboard.press('Alt+4');
    await expect(article.locator('[data-label="Evidence"]')).toHaveText(SHORES);
  });
});

test('Tab / Shift+Tab and j / k move between annotations in text order', async ({ page, request, host }) => {
  const spans: SpanSeed[] = [
    { id: 'e0', label: 'Entity', quote: 'Tokyo' },
    { id: 'c1', label: 'Claim', quote: CLAIM },
    { id: 's1', label: 'Source', quote: 'Hill', after: 'c1' },
    { id: 'q1', label: 'Cue', quote: 'said', after: 's1' },
  ];
  const { article } = await openSeededEnvoy(page, request, host, spans);
  const details = page.getByRole('complementary', { name: 'Annotation details' });
  const quote = details.getByRole('blockquote', { name: 'Quote' });
  const expectSelected = async (id: string, text: string) => {
    await expect(highlight(article, id).first()).toHaveClass(/is-selected/);
    await expect(article.locator('.is-selected[data-annotation-id]')).toHaveCount(await highlight(article, id).count());
    await expect(quote).toHaveText(text);
  };

  // A caret before the first annotation, nothing selected.
  await placeCaret(page, article, 'A top U.S. envoy arrived', 'A top', 'before');
  await expect(details).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expectSelected('e0', 'Tokyo');
  await page.keyboard.press('Tab');
  await expectSelected('c1', CLAIM);
  await page.keyboard.press('j');
  await expectSelected('s1', 'Hill');
  await page.keyboard.press('j');
  await expectSelected('q1', 'said');
  await page.keyboard.press('Shift+Tab');
  await expectSelected('s1', 'Hill');
  await page.keyboard.press('k');
  await expectSelected('c1', CLAIM);
  await page.keyboard.press('k');
  await expectSelected('e0', 'Tokyo');
  await expect(article).toBeFocused();
});

test('Esc leaves link mode without linking; Backspace deletes the selected annotation and its links', async ({ page, request, host }) => {
  const spans: SpanSeed[] = [
    { id: 'c1', label: 'Claim', quote: CLAIM },
    { id: 's1', label: 'Source', quote: 'Hill', after: 'c1' },
    { id: 'c2', label: 'Claim', quote: SECOND_CLAIM },
  ];
  const { article, docId } = await openSeededEnvoy(page, request, host, spans, [{ id: 'r1', type: 'attributed_to', from: 'c1', to: 's1' }]);
  const details = page.getByRole('complementary', { name: 'Annotation details' });
  const linkMode = page.getByRole('region', { name: 'Link mode' });
  const saveStatus = page.getByRole('status', { name: 'Save status' });
  await expect(article.getByRole('img', { name: 'No source' })).toHaveCount(1);

  await test.step('l starts link mode from the second claim; Esc leaves it and nothing is linked', async () => {
    await highlight(article, 'c2').click();
    await expect(details.getByRole('blockquote', { name: 'Quote' })).toHaveText(SECOND_CLAIM);
    await page.keyboard.press('l');
    await expect(linkMode).toContainText('Linking Claim');
    await expect(highlight(article, 's1')).toHaveClass(/is-candidate-active/);
    await page.keyboard.press('Escape');
    await expect(linkMode).toHaveCount(0);
    await expect(article.locator('[class*="is-candidate"]')).toHaveCount(0);
    // Only link mode was left: the claim is still the one selected.
    await expect(details.getByRole('blockquote', { name: 'Quote' })).toHaveText(SECOND_CLAIM);
    // Enter no longer completes a link.
    await page.keyboard.press('Enter');
    await expect(details.getByRole('note')).toContainText('No source linked yet');
    await expect(article.getByRole('img', { name: 'No source' })).toHaveCount(1);
    await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
    expect((await documentOnDisk(host, docId)).relations.map((r) => r.id)).toEqual(['r1']);
  });

  await test.step('Backspace on the selected source deletes it and its link', async () => {
    await highlight(article, 's1').click();
    await expect(details.getByRole('combobox', { name: 'Label', exact: true })).toHaveValue('Source');
    await page.keyboard.press('Backspace');
    await expect(highlight(article, 's1')).toHaveCount(0);
    await expect(details).toHaveCount(0);
    // The first claim lost its source: both claims are flagged now.
    await expect(article.getByRole('img', { name: 'No source' })).toHaveCount(2);
    await expect(saveStatus).toHaveText('Saved');
    const stored = await documentOnDisk(host, docId);
    expect(stored.annotations.map((a) => a.id).sort()).toEqual(['c1', 'c2']);
    expect(stored.relations).toEqual([]);
  });
});

test('Ctrl+C in the claims table copies the selected rows as TSV', async ({ page, request, context, host }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  const spans: SpanSeed[] = [
    { id: 'c1', label: 'Claim', quote: CLAIM },
    { id: 's1', label: 'Source', quote: 'Hill', after: 'c1' },
    { id: 'c2', label: 'Claim', quote: SECOND_CLAIM },
    { id: 'c3', label: 'Claim', quote: 'To compromise because of one country which has veto power' },
  ];
  await openSeededEnvoy(page, request, host, spans, [{ id: 'r1', type: 'attributed_to', from: 'c1', to: 's1' }]);
  await page.getByRole('tab', { name: 'Claims table' }).click();
  const table = page.getByRole('grid', { name: 'Claims' });
  const row = (text: string) => table.getByRole('row').filter({ hasText: text });
  await expect(table.getByRole('row')).toHaveCount(4);

  // Something else on the clipboard first, so a copy that does nothing cannot pass.
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  await row('splintering').click();
  await row('To compromise').click({ modifiers: ['Control'] });
  await expect(table.getByRole('row', { selected: true })).toHaveCount(2);
  await page.keyboard.press('Control+C');
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied 2 rows as TSV');

  const tsv = await page.evaluate(() => navigator.clipboard.readText());
  const lines = tsv.replace(/\r?\n$/, '').split(/\r?\n/);
  const headers = await table.getByRole('columnheader').allTextContents();
  expect(lines[0]!.split('\t')).toEqual(headers.map((h) => h.replace(/[▲▼]/g, '').trim()));
  expect(lines).toHaveLength(3);
  expect(lines[1]!.split('\t').slice(0, 1)).toEqual([CLAIM]);
  expect(lines[1]!.split('\t')).toContain('Hill');
  expect(lines[2]!.split('\t')[0]).toBe('To compromise because of one country which has veto power');
  expect(tsv).not.toContain(SECOND_CLAIM);
});
