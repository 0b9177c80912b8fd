/**
 * An article of up to 120,000 characters is built whole when it opens, in one pass (#14): no part
 * of it is ever a placeholder waiting to be shown, and every paragraph and highlight is in place.
 * (Longer articles arrive progressively: long-article.spec.ts.)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentData } from '../../shared/model/types';
import { expect, test } from './support/fixtures';

const TITLE = 'A report of a hundred kilobytes';
const PARAGRAPHS = 800; // ~95,000 characters: 13 sections of 64 blocks, more than a first screen
const paragraph = (i: number) =>
  `Paragraph ${i} reports that the committee met on day ${i} and the minister said the budget of ${i * 7} million was final.`;

let dir: string;
test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-one-pass-'));
});
test.afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('an article of 100 KB is built whole at once: no placeholder is ever shown', async ({ page, host, api }) => {
  const file = join(dir, 'report.txt');
  await writeFile(file, [TITLE, ...Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i + 1))].join('\n\n'));
  await page.goto(host.url);
  await page.getByLabel('Import files').setInputFiles(file);
  const docs = page.getByRole('listbox', { name: 'Documents' });
  await expect(docs.getByRole('option')).toHaveCount(1);
  const [row] = await api<{ id: string }[]>('listDocuments', null);
  const doc = await api<DocumentData>('getDocument', { docId: row!.id });
  expect(doc.text.length).toBeLessThan(120_000);
  const quote = `the budget of ${PARAGRAPHS * 7} million was final`;
  const start = doc.text.indexOf(quote);
  const claim = { id: 'c-last', label: 'Claim', start, end: start + quote.length, quote, attributes: {}, author: 'setup' };
  const stamps = { createdAt: '2026-12-06T10:00:00Z', updatedAt: '2026-12-06T10:00:00Z' };
  await api('applyChanges', { docId: doc.id, ops: [{ op: 'addAnnotation', annotation: { ...claim, ...stamps } }] });
  // Counts the placeholders of every frame from the reload on.
  await page.addInitScript(() => {
    const w = window as unknown as { pendingSeen: number };
    w.pendingSeen = 0;
    const watch = () => {
      w.pendingSeen = Math.max(w.pendingSeen, document.querySelectorAll('.cd-section.is-pending').length);
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  await page.reload();

  await docs.getByRole('option', { name: TITLE }).click();
  const article = page.getByRole('article', { name: TITLE });
  await expect(article.locator('p')).toHaveCount(PARAGRAPHS + 1);
  await expect(article.locator('[data-annotation-id="c-last"]')).toHaveText(quote);
  expect(await page.evaluate(() => (window as unknown as { pendingSeen: number }).pendingSeen)).toBe(0);
});
