/**
 * Undo after another window's change (#12 review): the analyst tags the first claim, which also
 * starts the document; another window marks the document done. The status bar says the tag's undo
 * history was cleared, and Ctrl+Z then has nothing to undo: the document stays done with its claim,
 * instead of going back to new.
 */
import type { DocumentData } from '../../shared/model/types';
import { ENVOY, ENVOY_SENTENCE, ENVOY_TITLE, expect, test } from './support/fixtures';
import { seedDocument } from './support/seed';
import { placeCaret } from './support/text-point';

test('another window’s status change clears the undo of the tag that started the document, and undo says there is nothing to undo', async ({
  page,
  request,
  host,
  api,
}) => {
  const { id: docId } = await seedDocument(request, host, ENVOY);
  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE }).click();
  const article = page.getByRole('article', { name: ENVOY_TITLE });
  await expect(article).toContainText(ENVOY_SENTENCE);
  await placeCaret(page, article, ENVOY_SENTENCE, 'Hill', 'before');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('1');
  await expect(article.locator('[data-label="Claim"]')).toHaveText('Hill');
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
  expect((await api<DocumentData>('getDocument', { docId })).status).toBe('in_progress');

  // Another window (a client of its own) marks the document done.
  await api('applyChanges', { docId, ops: [{ op: 'updateDocument', before: { status: 'in_progress' }, after: { status: 'done' } }] });
  const status = page.getByRole('status', { name: 'Status', exact: true });
  await expect(status).toHaveText('Undo history for tag Claim “Hill” was cleared: another window changed it.');

  await article.click();
  await page.keyboard.press('Control+Z');
  await expect(status).toHaveText('Nothing to undo.');
  await expect(article.locator('[data-label="Claim"]')).toHaveText('Hill');
  const stored = await api<DocumentData>('getDocument', { docId });
  expect(stored.status).toBe('done');
  expect(stored.annotations.map((a) => a.quote)).toEqual(['Hill']);
});
