/**
 * The Export dialog after round 2 (#12), in Chromium through the browser host, on two articles
 * (one in Japanese) with a claim, its source and cue linked, and a span of a label the claims
 * table does not keep; no document is marked done and no attribute is set:
 * - CoNLL's "Only done" says why it was chosen; with nothing done, the report says which option
 *   left every document out and Include all documents switches it; so for a layer choice;
 * - the report counts what a format does not keep under what it does not keep (CoNLL: the
 *   relations; the claims CSV: the Entity span) and says "every span is written as it is" only
 *   when true;
 * - the claims CSV starts with a byte-order mark by default (Encoding: UTF-8 with BOM) and without
 *   one on plain UTF-8, writes "unset" for attributes nobody set; CoNLL names each document on
 *   its -DOCSTART- line and spells tags as the schema does. Every file is read back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { ENVOY, SAMPLES, expect, test } from './support/fixtures';
import { seedDocument } from './support/seed';

const SUMMIT = join(SAMPLES, 'multilingual-summit-report.txt');

/** Exports with the dialog's current options. @returns the path of the file written (named in the report after) */
async function exportNow(dialog: Locator): Promise<string> {
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Export finished' })).toBeVisible();
  return (await dialog.getByRole('region', { name: 'Files written' }).locator('code').first().textContent())!;
}

test('the export report names what left documents out and what each format does not keep; CSV with a BOM, CoNLL with document ids', async ({
  page,
  host,
  request,
}) => {
  const envoy = await seedDocument(
    request,
    host,
    ENVOY,
    [
      { id: 'c1', label: 'Claim', quote: 'I see a very clear message' },
      { id: 's1', label: 'Source', quote: 'Hill', after: 'c1' },
      { id: 'v1', label: 'Cue', quote: 'said', after: 's1' },
      { id: 'e1', label: 'Entity', quote: 'Tokyo' },
    ],
    [
      { id: 'r1', type: 'attributed_to', from: 'c1', to: 's1' },
      { id: 'r2', type: 'has_cue', from: 'c1', to: 'v1' },
    ],
  );
  const summit = await seedDocument(request, host, SUMMIT, [{ id: 'c2', label: 'Claim', quote: '高齢者の熱中症対策は待ったなしだ' }]);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const preview = dialog.getByRole('region', { name: 'Report before writing' });
  const notice = preview.getByRole('region', { name: 'Why nothing would be exported' });

  await test.step('CoNLL: Only done is chosen visibly; with nothing done the report says why and offers the fix', async () => {
    await dialog.getByLabel('Format', { exact: true }).selectOption({ label: 'CoNLL IOB2' });
    await expect(dialog.getByRole('radio', { name: 'Only done' })).toBeChecked();
    await expect(dialog.getByText('Chosen for CoNLL IOB2: training data should hold finished work')).toBeVisible();
    await expect(notice).toContainText('No document is marked done (2 documents not done); CoNLL IOB2 exports only done documents by default.');
    await expect(dialog.getByText('No documents match these options (why: see the report).')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('export-nothing-done.png') });
    await notice.getByRole('button', { name: 'Include all documents' }).click();
    await expect(dialog.getByRole('radio', { name: 'All documents' })).toBeChecked();
    await expect(dialog.getByText('2 documents to export')).toBeVisible();
    await expect(notice).toHaveCount(0);
    await expect(dialog.getByText('Chosen for CoNLL IOB2')).toHaveCount(0);
  });

  await test.step('a layer choice with nothing for the documents is named too, and Use the default layer switches back', async () => {
    await dialog.getByLabel('Layer', { exact: true }).selectOption({ label: 'Curated' });
    await expect(notice).toContainText('The layer choice “Curated” has nothing for 2 documents.');
    await notice.getByRole('button', { name: 'Use the default layer' }).click();
    await expect(dialog.getByLabel('Layer', { exact: true })).toHaveValue('default');
    await expect(dialog.getByText('2 documents to export')).toBeVisible();
  });

  await test.step('CoNLL: the relations are counted as not kept, and every span is written as it is', async () => {
    const dropped = preview.getByRole('region', { name: 'Not kept in this format' });
    await expect(dropped.getByRole('listitem').filter({ hasText: /^relations: attributed_to 1, has_cue 1$/ })).toBeVisible();
    await expect(preview.getByRole('region', { name: 'Relations per type' })).toContainText('No relations.');
    await expect(preview.getByRole('region', { name: 'Spans the format cannot express' })).toContainText('Nothing: every span is written as it is.');
    const conll = readFileSync(await exportNow(dialog), 'utf8');
    expect(conll).toContain(`-DOCSTART- (${envoy.id})\tO\n`);
    expect(conll).toContain(`-DOCSTART- (${summit.id})\tO\n`);
    expect(conll).toMatch(/^Hill\tB-Source$/m);
    expect(conll).toMatch(/^Tokyo\tB-Entity$/m);
    expect(conll).not.toMatch(/-CLAIM|-SOURCE/);
  });

  await test.step('claims CSV: the Entity span is counted as not kept, never as written as it is', async () => {
    await dialog.getByRole('button', { name: 'Export again…' }).click();
    await dialog.getByLabel('Format', { exact: true }).selectOption({ label: 'Claims table CSV' });
    const dropped = preview.getByRole('region', { name: 'Not kept in this format' });
    await expect(
      dropped.getByRole('listitem').filter({ hasText: 'spans other than claims and their linked sources and cues: Entity 1' }),
    ).toBeVisible();
    await expect(dropped.getByRole('listitem').filter({ hasText: 'attributes of cues' })).toBeVisible();
    const problems = preview.getByRole('region', { name: 'Spans the format cannot express' });
    await expect(problems).toContainText('1 span not kept');
    await expect(problems).not.toContainText('every span is written as it is');
    await expect(preview.getByRole('list', { name: 'Spans per label' }).getByRole('listitem', { name: 'Entity: 1' })).toHaveCount(0);
  });

  await test.step('claims CSV: UTF-8 with BOM by default, plain UTF-8 on request; unset attributes say unset', async () => {
    const encoding = dialog.getByLabel('Encoding', { exact: true });
    await expect(encoding).toHaveValue('bom');
    await expect(encoding.locator('option:checked')).toHaveText('UTF-8 with BOM (for Excel)');
    await expect(dialog.getByText('The default: Excel shows accented and non-Latin text right only with the byte-order mark.')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('export-claims-csv.png') });
    const withBom = readFileSync(await exportNow(dialog));
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = withBom.toString('utf8').slice(1).trimEnd().split('\r\n');
    const head = rows[0]!.split(',');
    expect(head.slice(0, 3)).toEqual(['document_id', 'document_title', 'claim_id']);
    const row = (id: string) => rows.find((r) => r.split(',')[head.indexOf('claim_id')] === id)!.split(',');
    expect(row('c2')[head.indexOf('claim')]).toBe('高齢者の熱中症対策は待ったなしだ');
    expect(row('c1')[head.indexOf('checkworthy')]).toBe('unset');
    expect(row('c1')[head.indexOf('source_role')]).toBe('unset');

    await dialog.getByRole('button', { name: 'Export again…' }).click();
    await encoding.selectOption({ label: 'UTF-8' });
    const plain = readFileSync(await exportNow(dialog));
    expect(plain.toString('utf8').startsWith('document_id,')).toBe(true);
  });
});
