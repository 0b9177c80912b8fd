/**
 * The workspace claims table keeps up with a colleague's saves without re-reading the whole
 * workspace (#12 review): a change the change feed names a document for re-reads only that
 * document's claims (listClaims with `docIds`, seen on the page's own requests) and merges them in.
 */
import type { DocumentData } from '../../shared/model/types';
import { ENVOY, ENVOY_TITLE, expect, SAMPLES, test } from './support/fixtures';
import { seedDocument } from './support/seed';
import { join } from 'node:path';

const HEAT = join(SAMPLES, 'heatwave-grid-warning.md');
const LESSON = 'It is a lesson taught by history and a stark reality of international relations';
const LOWS = 'overnight lows would stay above 85 degrees in several cities';
const SPLINTERING = "I don't see any splintering";

test('a colleague’s claim shows in All documents after a read of its document alone', async ({ page, request, host, api }) => {
  const envoy = await seedDocument(request, host, ENVOY, [{ id: 'c1', label: 'Claim', quote: LESSON }]);
  await seedDocument(request, host, HEAT, [{ id: 'c1', label: 'Claim', quote: LOWS }]);
  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE }).click();
  await page.getByRole('tab', { name: 'Claims table' }).click();
  await page.getByRole('radiogroup', { name: 'Claims of' }).getByRole('radio', { name: 'All documents' }).check();
  const grid = page.getByRole('grid', { name: 'Claims' });
  const body = grid.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(body).toHaveCount(2);

  const asked: unknown[] = [];
  page.on('request', (req) => {
    if (req.url().endsWith('/api/listClaims')) asked.push(req.postDataJSON());
  });
  // A colleague (another client of the host) tags a claim in the envoy article.
  const doc = await api<DocumentData>('getDocument', { docId: envoy.id });
  const start = doc.text.indexOf(SPLINTERING);
  const annotation = { id: 'c2', label: 'Claim', start, end: start + SPLINTERING.length, quote: SPLINTERING, attributes: {} };
  const stamp = { author: 'colleague', createdAt: '2026-12-06T09:00:00Z', updatedAt: '2026-12-06T09:00:00Z' };
  await api('applyChanges', { docId: envoy.id, ops: [{ op: 'addAnnotation', annotation: { ...annotation, ...stamp } }] });

  await expect(body).toHaveCount(3);
  await expect(body.filter({ hasText: 'splintering' })).toContainText(ENVOY_TITLE);
  expect(asked.length).toBeGreaterThan(0);
  for (const body of asked) expect(body).toEqual({ layer: expect.any(String), docIds: [envoy.id] });
});
