/**
 * The claims table of one document (#12): a single click selects the claim (the details panel
 * follows), a double-click or Enter jumps to it in the article, scrolled so that it is on screen
 * and near the middle, also far down a long article that is still arriving progressively; an
 * attribute nobody set shows as "unset", on screen and in the TSV copy.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ENVOY, ENVOY_TITLE, expect, test } from './support/fixtures';
import { seedDocument, type SpanSeed } from './support/seed';

const FIRST = "I don't see any splintering. On the contrary, I see a very clear message";
const LESSON = 'It is a lesson taught by history and a stark reality of international relations';
const SPANS: SpanSeed[] = [
  { id: 'c1', label: 'Claim', quote: FIRST },
  { id: 'c2', label: 'Claim', quote: LESSON },
];

/**
 * How far the middle of the first box of `highlight` is from the middle of the article's scroll
 * pane, as a fraction of the pane's height (0: centred; above 0.5: off screen).
 */
async function offCentre(highlight: Locator): Promise<number> {
  return highlight.first().evaluate((el) => {
    let pane: HTMLElement | null = el.parentElement;
    while (pane && !/(auto|scroll)/.test(getComputedStyle(pane).overflowY)) pane = pane.parentElement;
    const box = el.getClientRects()[0] ?? el.getBoundingClientRect();
    const frame = pane?.getBoundingClientRect() ?? { top: 0, height: window.innerHeight };
    return Math.abs(box.top + box.height / 2 - (frame.top + frame.height / 2)) / frame.height;
  });
}

/** Opens the Claims table tab and returns its grid. */
async function openClaimsTable(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Claims table' }).click();
  const grid = page.getByRole('grid', { name: 'Claims' });
  await expect(grid).toBeVisible();
  return grid;
}

test('a single click selects a claim (details follow); double-click and Enter jump to it, scrolled into the middle', async ({
  page,
  request,
  host,
}) => {
  await seedDocument(request, host, ENVOY, SPANS);
  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE }).click();
  const article = page.getByRole('article', { name: ENVOY_TITLE });
  const details = page.getByRole('complementary', { name: 'Annotation details' });
  const lesson = article.locator('[data-annotation-id="c2"]');
  await expect(lesson.first()).toBeAttached();
  // The claim starts below the first screen: a jump that does not scroll leaves it off screen.
  await expect(lesson.first()).not.toBeInViewport();

  await test.step('single click: the details panel shows the clicked claim, and follows the next click', async () => {
    const grid = await openClaimsTable(page);
    await grid.getByRole('row').filter({ hasText: 'splintering' }).click();
    await expect(details.getByRole('blockquote', { name: 'Quote' })).toContainText('splintering');
    await grid.getByRole('row').filter({ hasText: 'lesson taught' }).click();
    await expect(details.getByRole('blockquote', { name: 'Quote' })).toContainText('lesson taught');
    await expect(page.getByRole('grid', { name: 'Claims' })).toBeVisible();
  });

  await test.step('double-click: the article opens with the claim selected, on screen and near the middle', async () => {
    const grid = page.getByRole('grid', { name: 'Claims' });
    await grid.getByRole('row').filter({ hasText: 'lesson taught' }).dblclick();
    await expect(lesson.first()).toHaveClass(/is-selected/);
    await expect(lesson.first()).toBeInViewport();
    expect(await offCentre(lesson)).toBeLessThan(0.25);
    await expect(details.getByRole('blockquote', { name: 'Quote' })).toContainText('lesson taught');
  });

  await test.step('Enter on the active row: the same jump, back from the top of the article', async () => {
    await article.evaluate((el) => {
      for (let p = el.parentElement; p; p = p.parentElement) p.scrollTop = 0;
    });
    await expect(lesson.first()).not.toBeInViewport();
    const grid = await openClaimsTable(page);
    await grid.getByRole('row').filter({ hasText: 'lesson taught' }).click();
    await grid.press('Enter');
    await expect(lesson.first()).toHaveClass(/is-selected/);
    await expect(lesson.first()).toBeInViewport();
    expect(await offCentre(lesson)).toBeLessThan(0.25);
  });
});

test('Enter jumps to a claim at the end of a long article that is still arriving progressively', async ({ page, request, host }) => {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-claims-'));
  try {
    const paragraphs = 1_600;
    const file = join(dir, 'long-claims.txt');
    const line = (i: number) => `Paragraph ${i} says the minister called the budget of ${i * 7} million final.`;
    await writeFile(file, ['A long claims report', ...Array.from({ length: paragraphs }, (_, i) => line(i + 1))].join('\n\n'));
    await seedDocument(request, host, file, [{ id: 'last', label: 'Claim', quote: `the budget of ${paragraphs * 7} million` }]);
    await page.goto(host.url);
    await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: 'A long claims report' }).click();
    const article = page.getByRole('article', { name: 'A long claims report' });
    await expect(article).toContainText('Paragraph 1 says');
    const grid = await openClaimsTable(page);
    await grid
      .getByRole('row')
      .filter({ hasText: `${paragraphs * 7} million` })
      .click();
    await grid.press('Enter');
    const last = article.locator('[data-annotation-id="last"]');
    await expect(last).toHaveClass(/is-selected/);
    await expect(last).toBeInViewport();
    expect(await offCentre(last)).toBeLessThan(0.25);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('an attribute nobody set shows as a dimmed "unset" cell, and as "unset" in the TSV copy', async ({ page, request, context, host, api }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  // c1 has claim_type set; c2 has no attributes at all.
  const doc = await seedDocument(request, host, ENVOY, SPANS.slice(1));
  const start = doc.text.indexOf(FIRST);
  const c1 = { ...doc.annotations[0]!, id: 'c1', start, end: start + FIRST.length, quote: FIRST, attributes: { claim_type: 'opinion' } };
  await api('applyChanges', { docId: doc.id, ops: [{ op: 'addAnnotation', annotation: c1 }] });
  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE }).click();
  const grid = await openClaimsTable(page);
  const headers = (await grid.getByRole('columnheader').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim());
  const typeColumn = headers.indexOf('claim_type');
  const lessonCells = grid.getByRole('row').filter({ hasText: 'lesson taught' }).getByRole('gridcell');
  await expect(lessonCells.nth(typeColumn)).toHaveText('unset');
  await expect(lessonCells.nth(typeColumn).locator('.cd-claims-unset')).toHaveCSS('font-style', 'italic');
  await expect(grid.getByRole('row').filter({ hasText: 'splintering' }).getByRole('gridcell').nth(typeColumn)).toHaveText('opinion');

  await page.evaluate(() => navigator.clipboard.writeText('before'));
  await page.getByRole('button', { name: 'Copy as TSV' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied all 2 rows as TSV');
  const lines = (await page.evaluate(() => navigator.clipboard.readText())).trimEnd().split('\n');
  expect(lines[0]!.split('\t')).toEqual(headers);
  expect(lines[1]!.split('\t')[typeColumn]).toBe('opinion');
  expect(lines[2]!.split('\t')[typeColumn]).toBe('unset');
});
