/**
 * The document list's rows hold their fixed height whatever they show, in Chromium through the
 * browser host: a long article with many annotations in progress ("10,950 chars", "120
 * annotations", "In progress") keeps its counts on one line. A wrapped foot was taller than the
 * row and overflowed onto the next row's title (seen in the 5,000-document list, #14).
 */
import type { DocumentData } from '../../shared/model/types';
import { expect, test } from './support/fixtures';

const SENTENCE = 'The council said the new line would open next year. ';

test('a row keeps its title, file and counts inside its own height however long the counts are', async ({ page, host, api }) => {
  await page.goto(host.url);
  const list = page.getByRole('listbox', { name: 'Documents' });
  const text = `Transit line vote\n\n${SENTENCE.repeat(210)}`; // about 11,000 characters
  await page.getByLabel('Import files').setInputFiles({ name: 'transit-line-vote.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(list.getByRole('option')).toHaveCount(1);
  const [row] = await api<{ id: string }[]>('listDocuments', null);
  const doc = await api<DocumentData>('getDocument', { docId: row!.id });
  // One Claim on each of the first 120 sentences.
  const annotations = Array.from({ length: 120 }, (_, i) => {
    const start = doc.text.indexOf(SENTENCE) + i * SENTENCE.length;
    const quote = SENTENCE.trim();
    const at = '2026-12-06T10:00:00Z';
    return { id: `c${i}`, label: 'Claim', start, end: start + quote.length, quote, attributes: {}, author: 'setup', createdAt: at, updatedAt: at };
  });
  await api('applyChanges', {
    docId: doc.id,
    ops: [
      ...annotations.map((annotation) => ({ op: 'addAnnotation', annotation })),
      { op: 'updateDocument', before: { status: 'new' }, after: { status: 'in_progress' } },
    ],
  });
  const option = list.getByRole('option').first();
  await expect(option).toContainText('120 annotations');
  await expect(option).toContainText('In progress');
  await expect(option).toContainText(/\d{2},\d{3} chars/);
  // Every line of the row is one line high (the file and date line is the measure), and the row's content fits in the row.
  const sizes = await option.evaluate((el) => ({
    meta: el.querySelector('.cd-docrow-meta')!.getBoundingClientRect().height,
    foot: el.querySelector('.cd-docrow-foot')!.getBoundingClientRect().height,
    content: [...el.children].reduce((sum, child) => sum + child.getBoundingClientRect().height, 0),
    row: el.clientHeight,
  }));
  expect(sizes.foot).toBe(sizes.meta);
  expect(sizes.content).toBeLessThanOrEqual(sizes.row);
});
