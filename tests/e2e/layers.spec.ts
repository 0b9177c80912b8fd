/**
 * Annotators' layers in the workbench (#11), in Chromium through the browser host: two annotators
 * (ann, bob) and a curated layer are saved through the API; ann opens the app. The document list
 * shows each layer's status as a chip, ann's first; the document opens in ann's layer; the layer
 * switcher shows bob's, read-only (badge, no label menu, a label key says so, the details cannot
 * be changed, nothing reaches bob's file); back in ann's layer a tag is saved to ann's file. An
 * annotation changed on two machines shows its conflict and one click settles it (undoable).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { layerFileName } from '../../shared/model/layers';
import type { DocumentData } from '../../shared/model/types';
import { dragSelect } from './support/select-text';
import { ENVOY, ENVOY_SENTENCE, ENVOY_TITLE, expect, test } from './support/fixtures';
import { importArticle, seedLayers } from './support/layers';

const CLAIM = "I don't see any splintering. On the contrary, I see a very clear message";

/** The layer file of `annotator` in document `docId` of `workspace`, as it is on disk. */
function layerOnDisk(workspace: string, docId: string, annotator: string): { annotations: { id: string; label: string; quote: string }[] } {
  return JSON.parse(readFileSync(join(workspace, 'documents', docId, 'layers', layerFileName(annotator)), 'utf8'));
}

/** A screenshot in the test's output folder, to look at. */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(name) });
}

test('the list shows every layer; another annotator’s layer is read-only; your own takes tags', async ({ page, host, api }) => {
  const row = await importArticle(api, ENVOY);
  await seedLayers(
    api,
    row.id,
    [
      {
        annotator: 'ann',
        spans: [
          { id: 'a-claim', label: 'Claim', quote: CLAIM },
          { id: 'a-source', label: 'Source', quote: 'Hill', after: 'message," ' },
        ],
        links: [['a-claim', 'a-source']],
        status: 'in_progress',
      },
      {
        annotator: 'bob',
        spans: [
          { id: 'b-claim', label: 'Claim', quote: CLAIM },
          { id: 'b-tokyo', label: 'Source', quote: 'Tokyo', after: 'arrived in ' },
        ],
        status: 'done',
      },
    ],
    'ann',
  );
  await api('applyChanges', {
    docId: row.id,
    layer: 'curated',
    ops: [{ op: 'updateDocument', before: { status: 'new' }, after: { status: 'in_progress' } }],
  });

  await page.goto(host.url);
  const docs = page.getByRole('listbox', { name: 'Documents' });
  const envoy = docs.getByRole('option', { name: ENVOY_TITLE });

  await test.step('the list row has a chip per layer, ann’s first', async () => {
    const chips = envoy.getByRole('img');
    await expect(chips).toHaveCount(3);
    await expect(chips.nth(0)).toHaveAccessibleName('ann: in progress');
    await expect(chips.nth(1)).toHaveAccessibleName('bob: done');
    await expect(chips.nth(2)).toHaveAccessibleName('curated: in progress');
    await expect(envoy).toContainText('2 annotations');
    await shot(page, 'layers-list.png');
  });

  const article = page.getByRole('article', { name: ENVOY_TITLE });
  const layerButton = page.getByRole('button', { name: /^Layer: / });

  await test.step('the document opens in ann’s own layer, editable', async () => {
    await envoy.click();
    await expect(article).toContainText(ENVOY_SENTENCE);
    await expect(layerButton).toHaveAccessibleName('Layer: ann');
    await expect(article.locator('[data-annotation-id="a-source"]').first()).toBeVisible();
    await expect(page.getByText('Read-only:')).toHaveCount(0);
  });

  await test.step('the switcher lists the layers with their status; bob’s is read-only', async () => {
    await layerButton.click();
    const list = page.getByRole('listbox', { name: 'Layers' });
    await expect(list.getByRole('option')).toHaveText([
      /ann \(you\).*In progress · 2 annotations/,
      /bob.*Done · 2 annotations/,
      /Curated.*In progress · 0 annotations/,
    ]);
    await list.getByRole('option', { name: /^bob/ }).click();
    await expect(layerButton).toHaveAccessibleName('Layer: bob');
    await expect(page.getByText("Read-only: bob's layer")).toBeVisible();
    await expect(article.locator('[data-annotation-id="b-tokyo"]').first()).toBeVisible();
    await expect(article.locator('[data-annotation-id="a-source"]')).toHaveCount(0);

    // A label key over a selection says the layer is read-only; no label menu is offered.
    await dragSelect(page, article, 'North Korea also issued fresh threats');
    await expect(page.getByRole('toolbar', { name: 'Tag selection' })).toHaveCount(0);
    await page.keyboard.press('1');
    await expect(page.getByRole('status', { name: 'Status', exact: true })).toContainText("bob's layer, which is read-only");
    await shot(page, 'layers-read-only.png');

    // Its annotations show, but their details cannot be changed.
    await article.locator('[data-annotation-id="b-tokyo"]').first().click();
    const details = page.getByRole('complementary', { name: 'Annotation details' });
    await expect(details.getByRole('combobox', { name: 'Label' })).toBeDisabled();
    await expect(details.getByRole('button', { name: 'Delete' })).toBeDisabled();
    await page.keyboard.press('Delete');
    await expect(article.locator('[data-annotation-id="b-tokyo"]').first()).toBeVisible();
    expect(
      layerOnDisk(host.workspace, row.id, 'bob')
        .annotations.map((a) => a.id)
        .sort(),
    ).toEqual(['b-claim', 'b-tokyo']);
  });

  await test.step('back in ann’s layer, a tag is saved to ann’s file only', async () => {
    await layerButton.click();
    await page.getByRole('listbox', { name: 'Layers' }).getByRole('option', { name: /^ann/ }).click();
    await expect(layerButton).toHaveAccessibleName('Layer: ann');
    await expect(article.locator('[data-annotation-id="a-source"]').first()).toBeVisible();
    await dragSelect(page, article, 'North Korea also issued fresh threats');
    await page.keyboard.press('1');
    await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/Saved/);
    await expect
      .poll(() => layerOnDisk(host.workspace, row.id, 'ann').annotations.map((a) => a.quote))
      .toContain('North Korea also issued fresh threats');
    expect(layerOnDisk(host.workspace, row.id, 'bob').annotations).toHaveLength(2);
    await expect(envoy.getByRole('img').first()).toHaveAccessibleName('ann: in progress');
  });
});

test('an annotation changed on two machines shows both values; one click settles it, undo brings it back', async ({ page, host, api }) => {
  const row = await importArticle(api, ENVOY);
  await seedLayers(
    api,
    row.id,
    [
      {
        annotator: 'ann',
        spans: [{ id: 'a-hill', label: 'Claim', quote: 'Hill', after: 'message," ', conflicts: [{ field: 'label', values: ['Claim', 'Source'] }] }],
      },
    ],
    'ann',
  );
  await page.goto(host.url);
  const envoy = page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE });
  await expect(envoy.getByRole('img', { name: '1 merge conflict in your layer' })).toBeVisible();
  await envoy.click();
  const article = page.getByRole('article', { name: ENVOY_TITLE });
  await expect(page.getByRole('toolbar', { name: 'Document layer' })).toContainText('1 merge conflict to settle');
  await article.locator('[data-annotation-id="a-hill"]').first().click();
  const conflicts = page.getByRole('region', { name: 'Merge conflicts' });
  await expect(conflicts).toContainText('Changed on two machines: label Claim | Source');
  await conflicts.getByRole('button', { name: 'Keep that: label Source' }).click();
  await expect(conflicts).toHaveCount(0);
  const details = page.getByRole('complementary', { name: 'Annotation details' });
  await expect(details.getByRole('combobox', { name: 'Label' })).toHaveValue('Source');
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/Saved/);
  await expect
    .poll(async () => (await api<DocumentData>('getDocument', { docId: row.id })).annotations.map((a) => [a.label, a.conflicts ?? []]))
    .toEqual([['Source', []]]);
  await expect(envoy.getByRole('img', { name: /merge conflict/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(conflicts).toContainText('Changed on two machines: label Claim | Source');
  await expect(details.getByRole('combobox', { name: 'Label' })).toHaveValue('Claim');
});

test('the schema editor counts a label’s annotations in every layer, as saving deletes them in every layer', async ({ page, host, api }) => {
  const row = await importArticle(api, ENVOY);
  await seedLayers(
    api,
    row.id,
    [
      { annotator: 'ann', spans: [{ id: 'a-source', label: 'Source', quote: 'Hill', after: 'message," ' }] },
      { annotator: 'bob', spans: [{ id: 'b-tokyo', label: 'Source', quote: 'Tokyo', after: 'arrived in ' }] },
    ],
    'ann',
  );
  await page.goto(host.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(1);
  await page.getByRole('button', { name: 'Schema…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit schema' });
  await dialog.getByRole('list', { name: 'Labels' }).getByRole('button', { name: 'Source' }).click();
  await expect(dialog).toContainText('Used by 2 annotations');
  await dialog.getByRole('button', { name: 'Remove label' }).click();
  await expect(dialog).toContainText('2 annotations will be deleted');
});
