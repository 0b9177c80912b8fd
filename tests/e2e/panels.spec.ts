/**
 * The overviews and settings around the article, through the UI: the annotation sidebar, the
 * claims table, document attributes, the schema editor (rename and remove a label in use) and
 * the author preference. Annotations are set up through the API; everything checked is on screen
 * or read back from the store.
 */
import { join } from 'node:path';
import type { DocumentData } from '../../shared/model/types';
import { ENVOY, ENVOY_TITLE, expect, test } from './support/fixtures';

const CLAIM = "I don't see any splintering. On the contrary, I see a very clear message";

const span = (doc: DocumentData, id: string, label: string, quote: string, from = 0) => {
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

test('sidebar, claims table, document attributes, schema edits and preferences', async ({ page, host, api }) => {
  await page.goto(host.url);
  await page.getByLabel('Import files').setInputFiles(ENVOY);
  const docs = page.getByRole('listbox', { name: 'Documents' });
  await expect(docs.getByRole('option')).toHaveCount(1);
  const [row] = await api<{ id: string }[]>('listDocuments', null);
  const doc = await api<DocumentData>('getDocument', { docId: row!.id });
  const claim = span(doc, 'c1', 'Claim', CLAIM);
  const source = span(doc, 's1', 'Source', 'Hill', claim.end);
  const cue = span(doc, 'q1', 'Cue', 'said', source.end);
  const place = span(doc, 'e1', 'Entity', 'Tokyo', cue.end);
  await api('applyChanges', {
    docId: doc.id,
    ops: [
      ...[claim, source, cue, place].map((annotation) => ({ op: 'addAnnotation', annotation })),
      { op: 'addRelation', relation: { id: 'r1', type: 'attributed_to', from: 'c1', to: 's1', author: 'setup', createdAt: 't' } },
      { op: 'addRelation', relation: { id: 'r2', type: 'has_cue', from: 'c1', to: 'q1', author: 'setup', createdAt: 't' } },
    ],
  });
  await page.reload();
  await docs.getByRole('option', { name: ENVOY_TITLE }).click();
  await expect(page.locator('[data-annotation-id]')).toHaveCount(4);

  await test.step('Sidebar: every annotation listed; search narrows; a click selects it in the article', async () => {
    await page.getByRole('tab', { name: 'Annotations' }).click();
    const list = page.getByRole('listbox', { name: 'Annotation list' });
    await expect(list.getByRole('option')).toHaveCount(4);
    await page.getByLabel('Search annotations').fill('Hill');
    await expect(list.getByRole('option')).toHaveCount(1);
    await list.getByRole('option').click();
    await expect(page.locator('[data-annotation-id="s1"]').first()).toHaveClass(/is-selected/);
    await page.getByRole('tab', { name: 'Documents' }).click();
  });

  await test.step('Claims table: the claim with its source and cue', async () => {
    await page.getByRole('tab', { name: 'Claims table' }).click();
    const table = page.getByRole('grid', { name: 'Claims' });
    const claimRow = table.getByRole('row').filter({ hasText: 'splintering' });
    await expect(claimRow).toHaveCount(1);
    await expect(claimRow).toContainText('Hill');
    await expect(claimRow).toContainText('said');
    await page.getByRole('tab', { name: 'Article' }).click();
  });

  await test.step('Document attributes are saved with the document', async () => {
    const article = page.getByRole('article', { name: ENVOY_TITLE });
    await article.press('Escape');
    await article.press('Escape');
    await expect(page.getByRole('complementary', { name: 'Annotation details' })).toBeHidden();
    const attrs = page.getByRole('region', { name: 'Document attributes' });
    await attrs.getByLabel('reliability').selectOption('high');
    await expect.poll(async () => (await api<DocumentData>('getDocument', { docId: doc.id })).attributes.reliability).toBe('high');
  });

  await test.step('Schema: rename Cue, then remove Entity, which is in use: asked first, with the count', async () => {
    await page.getByRole('button', { name: 'Schema…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit schema' });
    await dialog.getByRole('list', { name: 'Labels' }).getByRole('button', { name: 'Cue' }).click();
    await dialog.getByLabel('Label name').fill('Attribution cue');
    await dialog.getByRole('list', { name: 'Labels' }).getByRole('button', { name: 'Entity' }).click();
    await dialog.getByRole('button', { name: 'Remove label' }).click();
    await expect(dialog).toContainText('1 annotation will be deleted');
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('[data-annotation-id="q1"]').first()).toHaveAttribute('data-label', 'Attribution cue');
    await expect(page.locator('[data-annotation-id="e1"]')).toHaveCount(0);
    const stored = await api<DocumentData>('getDocument', { docId: doc.id });
    expect(stored.annotations.map((a) => `${a.id}:${a.label}`).sort()).toEqual(['c1:Claim', 'q1:Attribution cue', 's1:Source']);
    expect(stored.relations.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  await test.step('Preferences: the author name is recorded on what is created next', async () => {
    await page.getByRole('button', { name: 'Preferences…' }).click();
    const prefs = page.getByRole('dialog', { name: 'Preferences' });
    await prefs.getByLabel('Author name').fill('Ann Analyst');
    await prefs.getByLabel('Author name').press('Enter');
    await expect(prefs).toBeHidden();
    expect(await api<{ author: string; suggestOnImport: boolean }>('getPreferences', null)).toEqual({
      author: 'Ann Analyst',
      suggestOnImport: false,
    });
    await page.screenshot({ path: join('test-results', 'screenshots', 'panels.png') });
  });
});
