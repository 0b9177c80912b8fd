/**
 * A long article is shown progressively (the first screen at once, the rest in short chunks):
 * whatever the analyst does while it is still arriving must work as on a short one, and in the
 * end every paragraph and every highlight is there.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { DocumentData } from '../../shared/model/types';
import { callApi, startHostProcess, type HostProcess } from './support/host';

const PARAGRAPHS = 1_600; // 25 sections of 64 blocks
const TITLE = 'A very long report';

let host: HostProcess;
let dir: string;
test.beforeEach(async () => {
  host = await startHostProcess();
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-long-'));
});
test.afterEach(async () => {
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

const call = <T>(request: APIRequestContext, method: string, data: unknown): Promise<T> => callApi<T>(request, host, method, data);

const paragraph = (i: number) =>
  `Paragraph ${i} reports that the committee met on day ${i} and the minister said the budget of ${i * 7} million was final.`;

const span = (doc: DocumentData, id: string, label: string, quote: string, from: number) => {
  const start = doc.text.indexOf(quote, from);
  return {
    id,
    label,
    start,
    end: start + quote.length,
    quote,
    attributes: {},
    author: 'setup',
    createdAt: '2026-11-27T10:00:00Z',
    updatedAt: '2026-11-27T10:00:00Z',
  };
};

test('a long article arrives progressively; a highlight far down can be selected at once, and everything ends up in place', async ({
  page,
  request,
}) => {
  const file = join(dir, 'long-report.txt');
  await writeFile(file, [TITLE, ...Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i + 1))].join('\n\n'));
  await page.goto(host.url);
  await page.getByLabel('Import files').setInputFiles(file);
  const docs = page.getByRole('listbox', { name: 'Documents' });
  await expect(docs.getByRole('option')).toHaveCount(1);
  const [row] = await call<{ id: string }[]>(request, 'listDocuments', null);
  const doc = await call<DocumentData>(request, 'getDocument', { docId: row!.id });
  // One claim per 40 paragraphs, the last one in the last paragraph.
  const claims = Array.from({ length: PARAGRAPHS / 40 }, (_, k) => {
    const i = (k + 1) * 40;
    return span(doc, `c${i}`, 'Claim', `the budget of ${i * 7} million was final`, doc.text.indexOf(`Paragraph ${i} `));
  });
  await call(request, 'applyChanges', { docId: doc.id, ops: claims.map((annotation) => ({ op: 'addAnnotation', annotation })) });
  // Records whether parts of the article were ever placeholders (shown later, progressively).
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
  await expect(article).toContainText('Paragraph 1 reports');
  // At once, before the rest has necessarily arrived: select the last claim from the sidebar.
  await page.getByRole('tab', { name: 'Annotations' }).click();
  const list = page.getByRole('listbox', { name: 'Annotation list' });
  await page.getByLabel('Search annotations').fill(`${PARAGRAPHS * 7} million`);
  await list.getByRole('option').click();
  const last = article.locator(`[data-annotation-id="c${PARAGRAPHS}"]`);
  await expect(last).toHaveClass(/is-selected/);
  await expect(last).toBeInViewport();
  await expect(page.getByRole('complementary', { name: 'Annotation details' })).toContainText(`${PARAGRAPHS * 7} million`);

  // In the end: no placeholder left, every paragraph and every highlight in place.
  await expect(article.locator('.cd-section.is-pending')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pendingSeen: number }).pendingSeen)).toBeGreaterThan(10);
  await expect(article.locator('p')).toHaveCount(PARAGRAPHS + 1);
  const ids = await article
    .locator('[data-annotation-id]')
    .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-annotation-id')))].sort());
  expect(ids).toEqual(claims.map((c) => c.id).sort());

  // Select All reaches the last paragraph (the selection spans the whole article).
  await article.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+a');
  const selected = await page.evaluate(() => window.getSelection()?.toString().trim() ?? '');
  expect(selected.startsWith(TITLE)).toBe(true);
  expect(selected.endsWith(paragraph(PARAGRAPHS))).toBe(true);
});
