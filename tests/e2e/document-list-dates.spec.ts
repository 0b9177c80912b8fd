/**
 * The document list's dates (#12, item 15), in Chromium through the browser host: each row says
 * whether its date is the article's publication date (HTML, Markdown with one) or the day it was
 * imported (plain text), and sorting by date orders by the date each row shows.
 */
import { join } from 'node:path';
import { ENVOY, ENVOY_TITLE, SAMPLES, expect, test } from './support/fixtures';

const HTML_TITLE = 'Millbrook council approves downtown bus rapid transit line in 6-3 vote';
const MD_TITLE = 'Grid operator warns of rolling blackouts as heat wave settles over the valley';

test('each row says whether its date is the publication or the import date, and sorting by date uses the shown date', async ({ page, host }) => {
  await page.goto(host.url);
  const list = page.getByRole('listbox', { name: 'Documents' });
  // Imported in this order: the import order differs from the order of the dates shown.
  for (const [file, count] of [
    [join(SAMPLES, 'city-council-transit-vote.html'), 1],
    [ENVOY, 2],
    [join(SAMPLES, 'heatwave-grid-warning.md'), 3],
  ] as const) {
    await page.getByLabel('Import files').setInputFiles(file);
    await expect(list.getByRole('option')).toHaveCount(count);
  }
  const row = (title: string) => list.getByRole('option', { name: title });
  // Dates in the window's locale: a publication date as the source wrote it (the HTML's evening of Jun 12
  // at −05:00 is Jun 12 in any time zone, though it is Jun 13 in UTC), the import date in the window's time zone.
  const [published, heatwave, today] = await page.evaluate(() =>
    [new Date(2024, 5, 12), new Date(2024, 6, 18), new Date()].map((date) =>
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date),
    ),
  );
  await expect(row(HTML_TITLE)).toContainText(`Published ${published}`);
  await expect(row(MD_TITLE)).toContainText(`Published ${heatwave}`);
  await expect(row(ENVOY_TITLE)).toContainText(`Imported ${today}`);

  const titles = () => list.getByRole('option').locator('.cd-docrow-title');
  await expect(titles()).toHaveText([HTML_TITLE, ENVOY_TITLE, MD_TITLE].map((t) => new RegExp(`^${t.slice(0, 20)}`)));
  const sort = page.getByRole('combobox', { name: 'Sort documents' });
  await sort.selectOption({ label: 'Date, newest first' });
  await expect(titles()).toHaveText([ENVOY_TITLE, MD_TITLE, HTML_TITLE].map((t) => new RegExp(`^${t.slice(0, 20)}`)));
  await sort.selectOption({ label: 'Date, oldest first' });
  await expect(titles()).toHaveText([HTML_TITLE, MD_TITLE, ENVOY_TITLE].map((t) => new RegExp(`^${t.slice(0, 20)}`)));
  // Keyboard order follows the sorted list: the first option is the oldest.
  await list.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: HTML_TITLE })).toBeVisible();
});
