/**
 * The workspace claims table (#12): the Claims table tab's "All documents" lists every
 * document's claims with document title and offsets; sortable and filterable; Copy as TSV
 * includes the document title and the code-point offsets; double-click or Enter opens the
 * claim's document and scrolls the claim into the middle of the article; another annotator's
 * layer can be listed, and a jump opens the document in that layer.
 */
import { join } from 'node:path';
import { ENVOY, ENVOY_TITLE, expect, SAMPLES, test } from './support/fixtures';
import { importArticle, seedLayers } from './support/layers';
import { seedDocument } from './support/seed';

const HEAT = join(SAMPLES, 'heatwave-grid-warning.md');
const HEAT_TITLE = 'Grid operator warns of rolling blackouts as heat wave settles over the valley';
const LESSON = 'It is a lesson taught by history and a stark reality of international relations';
const LOWS = 'overnight lows would stay above 85 degrees in several cities';

test('All documents: every claim with its document and offsets; filter, sort, TSV copy, and a jump into another document', async ({
  page,
  request,
  context,
  host,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  const envoy = await seedDocument(request, host, ENVOY, [
    { id: 'c1', label: 'Claim', quote: "I don't see any splintering" },
    { id: 'c2', label: 'Claim', quote: LESSON },
  ]);
  const heat = await seedDocument(request, host, HEAT, [{ id: 'c1', label: 'Claim', quote: LOWS }]);
  await page.goto(host.url);
  // The envoy article is open; the heat wave one is not.
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE }).click();
  await page.getByRole('tab', { name: 'Claims table' }).click();
  await page.getByRole('radiogroup', { name: 'Claims of' }).getByRole('radio', { name: 'All documents' }).check();
  const grid = page.getByRole('grid', { name: 'Claims' });
  const body = grid.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(body).toHaveCount(3);
  const headers = (await grid.getByRole('columnheader').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
  expect(headers.slice(0, 4)).toEqual(['Document', 'Start', 'End', 'Claim']);

  await test.step('each row names its document; the offsets are code points of the claim', async () => {
    const lows = body.filter({ hasText: LOWS });
    await expect(lows.getByRole('gridcell').nth(0)).toHaveText(HEAT_TITLE);
    const start = [...heat.text].join('').indexOf(LOWS); // the sample has no astral characters before it
    await expect(lows.getByRole('gridcell').nth(1)).toHaveText(String(start));
    await expect(lows.getByRole('gridcell').nth(2)).toHaveText(String(start + LOWS.length));
  });

  await test.step('the filter narrows to rows holding every word, the title included', async () => {
    await page.getByLabel('Filter claims').fill('envoy lesson');
    await expect(body).toHaveCount(1);
    await expect(body).toContainText('lesson taught');
    await page.getByLabel('Filter claims').fill('');
    await expect(body).toHaveCount(3);
  });

  await test.step('sorting by Document puts the heat wave claim first', async () => {
    await grid.getByRole('columnheader', { name: 'Document' }).getByRole('button').click();
    await expect(body.first()).toContainText(HEAT_TITLE);
    await grid.getByRole('columnheader', { name: 'Document' }).getByRole('button').click();
    await expect(body.last()).toContainText(HEAT_TITLE);
  });

  await test.step('a click on a claim of the open document selects it: the details panel shows it', async () => {
    await body.filter({ hasText: 'lesson taught' }).click();
    await expect(page.getByRole('complementary', { name: 'Annotation details' }).getByRole('blockquote', { name: 'Quote' })).toContainText(
      'lesson taught',
    );
    await expect(grid).toBeVisible();
    await grid.press('Escape'); // nothing selected: the copy takes every row
  });

  await test.step('Copy as TSV: document title and offsets in every row', async () => {
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await page.getByRole('button', { name: 'Copy as TSV' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied all 3 rows as TSV');
    const lines = (await page.evaluate(() => navigator.clipboard.readText())).trimEnd().split('\n');
    expect(lines[0]!.split('\t')).toEqual(headers);
    const lesson = lines.find((l) => l.includes('lesson taught'))!.split('\t');
    const start = envoy.text.indexOf(LESSON);
    expect(lesson.slice(0, 4)).toEqual([ENVOY_TITLE, String(start), String(start + LESSON.length), LESSON]);
    // Attributes nobody set are written as "unset".
    expect(lesson[headers.indexOf('claim_type')]).toBe('unset');
  });

  await test.step('double-click on the other document’s claim opens it with the claim selected and in view', async () => {
    await body.filter({ hasText: LOWS }).dblclick();
    const article = page.getByRole('article', { name: HEAT_TITLE });
    const claim = article.locator('[data-annotation-id="c1"]');
    await expect(claim.first()).toHaveClass(/is-selected/);
    await expect(claim.first()).toBeInViewport();
    await expect(page.getByRole('complementary', { name: 'Annotation details' }).getByRole('blockquote', { name: 'Quote' })).toContainText(
      'overnight lows',
    );
  });

  await test.step('Enter on a row of the first document jumps back to it', async () => {
    await page.getByRole('tab', { name: 'Claims table' }).click();
    await page.getByRole('radiogroup', { name: 'Claims of' }).getByRole('radio', { name: 'All documents' }).check();
    await body.filter({ hasText: 'lesson taught' }).click();
    await grid.press('Enter');
    const lesson = page.getByRole('article', { name: ENVOY_TITLE }).locator('[data-annotation-id="c2"]');
    await expect(lesson.first()).toHaveClass(/is-selected/);
    await expect(lesson.first()).toBeInViewport();
  });
});

test("another annotator's layer: listed when chosen, and a jump opens the document in that layer", async ({ page, host, api }) => {
  const row = await importArticle(api, ENVOY);
  await seedLayers(
    api,
    row.id,
    [
      { annotator: 'ann', spans: [{ id: 'a1', label: 'Claim', quote: "I don't see any splintering" }] },
      { annotator: 'bob', spans: [{ id: 'b1', label: 'Claim', quote: LESSON }] },
    ],
    'ann',
  );
  await page.goto(host.url);
  // No document open: the Claims table tab shows every document's claims.
  await page.getByRole('tab', { name: 'Claims table' }).click();
  const grid = page.getByRole('grid', { name: 'Claims' });
  const body = grid.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(body).toHaveCount(1);
  await expect(body).toContainText('splintering');
  await page.getByLabel('Layer', { exact: true }).selectOption('bob');
  await expect(body).toHaveCount(1);
  await expect(body).toContainText('lesson taught');
  await body.dblclick();
  await expect(page.getByRole('toolbar', { name: 'Document layer' }).getByRole('button', { name: 'Layer: bob' })).toBeVisible();
  const lesson = page.getByRole('article', { name: ENVOY_TITLE }).locator('[data-annotation-id="b1"]');
  await expect(lesson.first()).toHaveClass(/is-selected/);
  await expect(lesson.first()).toBeInViewport();
});
