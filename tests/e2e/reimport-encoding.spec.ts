/**
 * #12 defect 14 in the window: a text file read with the wrong legacy encoding shows which one
 * was used, and "Re-import as…" with the right one (choosing the original file again) replaces
 * the article; choosing another file is refused with what to do.
 */
import iconv from 'iconv-lite';
import { expect, test } from './support/fixtures';

test('the details show the encoding; Re-import as… another one fixes the text', async ({ page, host }) => {
  // Too little text for the detector to tell ISO-8859-2 from Windows-1252: it guesses Windows-1252.
  const lodz = { name: 'lodz.txt', mimeType: 'text/plain', buffer: iconv.encode('Łódź\n\nMiasto.', 'iso-8859-2') };
  await page.goto(host.url);
  await page.getByLabel('Import files').setInputFiles([lodz]);
  const list = page.getByRole('listbox', { name: 'Documents' });
  await list.getByRole('option').first().click();
  const encoding = page.getByRole('region', { name: 'Encoding' });
  await expect(encoding).toContainText('Decoded as windows-1252');
  await expect(page.getByRole('article')).toContainText('£ód¼');

  // Another file than the one imported is refused, and nothing changes.
  await encoding.getByLabel('Encoding to re-import as').selectOption('iso-8859-2');
  let chooser = page.waitForEvent('filechooser');
  await encoding.getByRole('button', { name: 'Re-import as…' }).click();
  await (await chooser).setFiles({ ...lodz, buffer: iconv.encode('Kraków', 'iso-8859-2') });
  await expect(page.getByText(/that file is not lodz\.txt as it was imported/)).toBeVisible();
  await expect(encoding).toContainText('Decoded as windows-1252');

  chooser = page.waitForEvent('filechooser');
  await encoding.getByRole('button', { name: 'Re-import as…' }).click();
  await (await chooser).setFiles(lodz);
  await expect(page.getByRole('article', { name: 'Łódź' })).toContainText('Miasto.');
  await expect(page.getByRole('region', { name: 'Encoding' })).toContainText('Decoded as iso-8859-2');
  await expect(list.getByRole('option', { name: 'Łódź' })).toBeVisible();
});
