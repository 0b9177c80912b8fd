/**
 * Word and PDF articles in the window: chosen with Import… beside a text file, listed, and read
 * with their structure: a Word list as list items (numbered and bulleted, nested ones indented),
 * a PDF with its page boundaries marked in the margin, and the text exactly as stored (markers
 * and page labels are drawn, never text).
 */
import { readFile } from 'node:fs/promises';
import { buildDocx, listPara, para } from '../unit/support/docx';
import { articlePage, printToPdf } from '../unit/support/print-pdf';
import { ENVOY, expect, test } from './support/fixtures';

test('a .docx and a .pdf import beside a .txt and show their lists and pages', async ({ page, host }) => {
  const docx = buildDocx({
    body: [
      para('Council backs tram plan', 'Title'),
      para('The plan has three parts:'),
      listPara('a new line', 2),
      listPara('north of the river', 2, 1),
      listPara('lower fares', 2),
      listPara('a review next year', 1),
    ],
  });
  const paragraphs = Array.from({ length: 14 }, (_, i) =>
    `Paragraph ${i + 1} of the long report: the minister met the envoy again and talks went on. `.repeat(4),
  );
  const pdf = await printToPdf(articlePage('A report in pages', paragraphs));
  await page.goto(host.url);
  await page.getByLabel('Import files').setInputFiles([
    { name: 'envoy.txt', mimeType: 'text/plain', buffer: await readFile(ENVOY) },
    { name: 'tram.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(docx) },
    { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) },
  ]);
  const report = page.getByRole('status', { name: 'Import report' });
  await expect(report.getByRole('heading')).toHaveText('Imported 3');
  const list = page.getByRole('listbox', { name: 'Documents' });

  await list.getByRole('option', { name: 'Council backs tram plan' }).click();
  const article = page.getByRole('article', { name: 'Council backs tram plan' });
  const items = article.locator('.cd-list-item');
  await expect(items).toHaveText(['a new line', 'north of the river', 'lower fares', 'a review next year']);
  expect(await items.evaluateAll((els) => els.map((el) => [el.getAttribute('data-marker'), el.getAttribute('data-level')]))).toEqual([
    ['1.', '1'],
    ['•', '2'],
    ['2.', '1'],
    ['•', '1'],
  ]);
  // Drawn, not text: the marker is a pseudo-element and nested items sit further in.
  expect(await items.first().evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"1."');
  const [top, nested] = await Promise.all([items.nth(0).boundingBox(), items.nth(1).boundingBox()]);
  expect(nested!.x + Number.parseFloat(await items.nth(1).evaluate((el) => getComputedStyle(el).paddingLeft))).toBeGreaterThan(
    top!.x + Number.parseFloat(await items.nth(0).evaluate((el) => getComputedStyle(el).paddingLeft)),
  );

  await list.getByRole('option', { name: 'A report in pages' }).click();
  const reportArticle = page.getByRole('article', { name: 'A report in pages' });
  const pageStarts = reportArticle.locator('.cd-page-start');
  await expect(pageStarts.first()).toHaveAttribute('data-page', 'p. 1');
  await expect(pageStarts.nth(1)).toHaveAttribute('data-page', 'p. 2');
  await expect(reportArticle).toContainText(paragraphs[13]!.trim());
  expect(await reportArticle.evaluate((el) => el.textContent ?? '')).not.toContain('p. 2');
});
