/**
 * The import report (#12, item 12), in Chromium through the browser host: a successful import's
 * report goes away by itself; a report with failures stays until dismissed, can be collapsed to
 * its one-line summary, and never covers the article.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { ENVOY, ENVOY_SENTENCE, ENVOY_TITLE, expect, test } from './support/fixtures';

/** True when the two boxes share any area. */
async function overlaps(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) throw new Error('a box is not on screen');
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

test('a successful import’s report closes by itself and never covers the article', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByLabel('Import files').setInputFiles(ENVOY);
  const report = page.getByRole('status', { name: 'Import report' });
  const article = page.getByRole('article', { name: ENVOY_TITLE });
  await expect(report.getByRole('heading')).toHaveText('Imported 1');
  await expect(article).toContainText(ENVOY_SENTENCE);
  expect(await overlaps(report, page.getByRole('main', { name: 'Reader' }))).toBe(false);
  await expect(report).toBeHidden();
});

test('a report with failures stays until dismissed, collapses to one line, and does not cover the article', async ({ page, host }) => {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-e2e-report-'));
  try {
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '');
    await page.goto(host.url);
    await page.getByLabel('Import files').setInputFiles([ENVOY, empty]);
    const report = page.getByRole('status', { name: 'Import report' });
    await expect(report.getByRole('heading')).toHaveText('Imported 1');
    await expect(report).toContainText('1 failed');
    const article = page.getByRole('article', { name: ENVOY_TITLE });
    await expect(article).toContainText(ENVOY_SENTENCE);
    expect(await overlaps(report, page.getByRole('main', { name: 'Reader' }))).toBe(false);

    // Acting in the article does not take a report with failures away.
    await article.getByText(ENVOY_SENTENCE.slice(1, 20)).click();
    await page.keyboard.press('Escape');
    await expect(report.getByRole('listitem').filter({ hasText: 'empty.txt' })).toBeVisible();

    // Collapsed, it is its one-line summary; expanded again, the failure is back.
    await report.getByRole('button', { name: 'Collapse import report' }).click();
    await expect(report.getByRole('listitem')).toHaveCount(0);
    await expect(report).toContainText('1 failed');
    await report.getByRole('button', { name: 'Expand import report' }).click();
    await expect(report.getByRole('listitem').filter({ hasText: 'empty.txt' })).toBeVisible();

    await report.getByRole('button', { name: 'Dismiss import report' }).click();
    await expect(report).toBeHidden();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
