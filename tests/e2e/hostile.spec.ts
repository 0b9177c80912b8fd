/**
 * Hostile articles in the real renderer: every page of the hostile corpus is imported through
 * the UI and opened; the test fails on any dialog, any console message from a payload, any
 * request that leaves the host, and any live markup in the article view.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'hostile');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.html'));

test('no script from a hostile article runs, and nothing leaves the machine', async ({ page, host }) => {
  const incidents: string[] = [];
  page.on('dialog', (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (msg) => {
    if (/pwned|alert|mxss|svg|onerror|srcdoc/i.test(msg.text())) incidents.push(`console: ${msg.text()}`);
  });
  page.on('request', (req) => {
    if (!req.url().startsWith(host.origin) && !req.url().startsWith('data:')) incidents.push(`request: ${req.url()}`);
  });
  page.on('popup', (popup) => incidents.push(`popup: ${popup.url()}`));

  await page.goto(host.url);
  await page.getByLabel('Import files').setInputFiles(FILES.map((f) => join(DIR, f)));
  const list = page.getByRole('listbox', { name: 'Documents' });
  // Every hostile page has the same headline and body, so all but the first are reported as
  // different documents only when their bytes differ (they do): one row per file.
  await expect(list.getByRole('option')).toHaveCount(FILES.length, { timeout: 30_000 });

  const rows = list.getByRole('option');
  for (let i = 0; i < FILES.length; i++) {
    await rows.nth(i).click();
    const article = page.getByRole('article', { name: 'Bridge to reopen' });
    await expect(article).toContainText('The mayor said the bridge would reopen in May');
    const live = await article.evaluate((el) => el.querySelectorAll('script, img, iframe, svg, math, object, embed, form, a[href], style').length);
    expect(live).toBe(0);
  }
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(page.url().startsWith(host.origin)).toBe(true);
  expect(incidents).toEqual([]);
});
