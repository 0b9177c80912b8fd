/**
 * Exporting by layer from the Export dialog (#11), in Chromium through the browser host: three
 * articles, one annotated by ann alone, one by ann and bob, one by ann and bob and curated. The
 * dialog's Layer choice is sent with the export: the default takes the curated layer, else the only
 * annotator's, and skips the document with two annotators and no curated layer (the report says
 * which and why); "All annotators" writes one record per annotator's layer; one annotator's name
 * writes that layer. Each JSONL file the report names is read back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ENVOY, SAMPLES, expect, test } from './support/fixtures';
import { importArticle, seedLayers } from './support/layers';

const HEATWAVE = join(SAMPLES, 'heatwave-grid-warning.md');
const SUMMIT = join(SAMPLES, 'multilingual-summit-report.txt');

type Record = { id: string; annotator?: string; spans: { id: string }[] };

/** The records of the JSONL file an export wrote (its header line left out). */
function recordsOf(path: string): Record[] {
  return readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => JSON.parse(line) as Record);
}

/** Exports with the dialog's current options. @returns the records of the file written (named in the report after) */
async function exportNow(dialog: Locator): Promise<Record[]> {
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Export finished' })).toBeVisible();
  const path = await dialog.getByRole('region', { name: 'Files written' }).locator('code').first().textContent();
  return recordsOf(path!);
}

async function againWith(page: Page, dialog: Locator, layer: string): Promise<Locator> {
  await dialog.getByRole('button', { name: 'Export again…' }).click();
  await dialog.getByLabel('Layer', { exact: true }).selectOption({ label: layer });
  return dialog.getByRole('region', { name: 'Report before writing' });
}

test('the Layer choice decides which layer of each document is exported, and the report says so', async ({ page, host, api }) => {
  const envoy = await importArticle(api, ENVOY);
  const heat = await importArticle(api, HEATWAVE);
  const summit = await importArticle(api, SUMMIT);
  const spanIn = (id: string, quote: string) => ({ id, label: 'Claim', quote });
  await seedLayers(api, heat.id, [{ annotator: 'ann', spans: [spanIn('h-ann', 'heat')] }], 'ann');
  await seedLayers(
    api,
    envoy.id,
    [
      { annotator: 'ann', spans: [spanIn('e-ann', 'Tokyo')] },
      { annotator: 'bob', spans: [spanIn('e-bob', 'Tokyo')] },
    ],
    'ann',
  );
  await seedLayers(
    api,
    summit.id,
    [
      { annotator: 'ann', spans: [spanIn('s-ann', 'summit')] },
      { annotator: 'bob', spans: [spanIn('s-bob', 'summit')] },
    ],
    'ann',
  );
  const curatedSpan = {
    id: 's-cur',
    label: 'Claim',
    start: 0,
    end: 0,
    quote: '',
    attributes: {},
    author: 'ann',
    createdAt: '2026-11-27T10:00:00.000Z',
  };
  const summitDoc = await api<{ text: string }>('getDocument', { docId: summit.id, layer: 'curated' });
  const at = summitDoc.text.indexOf('summit');
  await api('applyChanges', {
    docId: summit.id,
    layer: 'curated',
    ops: [{ op: 'addAnnotation', annotation: { ...curatedSpan, start: at, end: at + 6, quote: 'summit', updatedAt: curatedSpan.createdAt } }],
  });

  await page.goto(host.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(3);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const preview = dialog.getByRole('region', { name: 'Report before writing' });

  await test.step('Default: the curated layer, else the only annotator’s; two annotators and no curated layer are skipped', async () => {
    await expect(dialog.getByLabel('Layer', { exact: true })).toHaveValue('default');
    const layers = preview.getByRole('region', { name: 'Layers' });
    await expect(layers).toContainText('Layers: Default');
    await expect(layers.getByRole('list', { name: 'Documents per layer' }).getByRole('listitem')).toHaveText([
      /ann\s*1 document/,
      /curated\s*1 document/,
    ]);
    const skipped = layers.getByRole('list', { name: 'Skipped documents' }).getByRole('listitem');
    await expect(skipped).toHaveCount(1);
    await expect(skipped).toContainText(envoy.title);
    await expect(skipped).toContainText("2 annotators' layers (ann, bob) and no curated one");
    await page.screenshot({ path: test.info().outputPath('export-layer-default.png') });
    const records = await exportNow(dialog);
    expect(records.map((r) => [r.id, r.spans.map((s) => s.id)]).sort()).toEqual(
      [
        [heat.id, ['h-ann']],
        [summit.id, ['s-cur']],
      ].sort(),
    );
  });

  await test.step('All annotators: one record per annotator’s layer', async () => {
    const report = await againWith(page, dialog, 'All annotators');
    await expect(report.getByRole('region', { name: 'Layers' })).toContainText('Layers: All annotators');
    await expect(report.getByRole('list', { name: 'Documents per layer' }).getByRole('listitem')).toHaveText([
      /ann\s*3 documents/,
      /bob\s*2 documents/,
    ]);
    const records = await exportNow(dialog);
    expect(records.map((r) => `${r.id}:${r.annotator}:${r.spans.map((s) => s.id).join()}`).sort()).toEqual(
      [`${envoy.id}:ann:e-ann`, `${envoy.id}:bob:e-bob`, `${heat.id}:ann:h-ann`, `${summit.id}:ann:s-ann`, `${summit.id}:bob:s-bob`].sort(),
    );
  });

  await test.step('One annotator: their layer, and the documents they have none in are skipped', async () => {
    const report = await againWith(page, dialog, 'bob');
    const layers = report.getByRole('region', { name: 'Layers' });
    await expect(layers).toContainText('Layers: bob');
    await expect(layers.getByRole('list', { name: 'Skipped documents' }).getByRole('listitem')).toContainText('bob has no layer in it');
    const records = await exportNow(dialog);
    expect(records.map((r) => r.spans.map((s) => s.id).join()).sort()).toEqual(['e-bob', 's-bob']);
  });
});
