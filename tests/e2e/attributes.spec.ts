/**
 * Attributes and labels as the analyst meets them (#12), in Chromium through the browser host on
 * the envoy article: a new annotation stores no attribute (each shows "unset" and can be cleared
 * back to it), the first one moves the document to In progress (one undo reverts both), a
 * required attribute (set in the schema editor) is flagged until it is set, attribute keys set
 * choices without the mouse, the Links row shows the linked text in full, and a label change
 * removes the links and attributes the new label may not have, says so, and is undone in one step.
 */
import type { Locator, Page } from '@playwright/test';
import type { DocumentData, DocumentRow, Schema } from '../../shared/model/types';
import { seedDocument } from './support/seed';
import { dragSelect } from './support/select-text';
import { ENVOY, ENVOY_SENTENCE, ENVOY_TITLE, expect, test, type Api } from './support/fixtures';

const CLAIM = "I don't see any splintering. On the contrary, I see a very clear message";
/** A source longer than the Links row shows in full. */
const LONG_SOURCE = 'Among the missiles was at least one believed to be capable of striking U.S. shores';

async function stored(api: Api): Promise<DocumentData> {
  const rows = await api<DocumentRow[]>('listDocuments', null);
  return api<DocumentData>('getDocument', { docId: rows[0]!.id });
}

const attributesOf = async (api: Api, id: string) => (await stored(api)).annotations.find((a) => a.id === id)?.attributes;

/** The text an attribute's select shows. */
const shownChoice = (details: Locator, name: string) => details.getByRole('combobox', { name, exact: true }).locator('option:checked');

async function openImported(page: Page): Promise<Locator> {
  const article = page.getByRole('article', { name: ENVOY_TITLE });
  await expect(article).toContainText(ENVOY_SENTENCE);
  return article;
}

test('a new annotation stores no attribute and starts the document; unset is shown, can be chosen again, and required ones are flagged', async ({
  page,
  host,
  api,
}) => {
  await page.goto(host.url);
  await page.getByLabel('Import files').setInputFiles(ENVOY);
  const article = await openImported(page);
  const details = page.getByRole('complementary', { name: 'Annotation details' });
  const envoyRow = page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE });
  const saveStatus = page.getByRole('status', { name: 'Save status' });
  await expect(envoyRow).toContainText('New');

  const claimId = await test.step('The first tag: nothing stored for the attributes, and the document is In progress', async () => {
    await dragSelect(page, article, CLAIM);
    await page.getByRole('toolbar', { name: 'Tag selection' }).getByRole('button', { name: 'Claim', exact: true }).click();
    const claim = article.locator('[data-label="Claim"]');
    await expect(claim).toHaveText(CLAIM);
    await expect(envoyRow).toContainText('In progress');
    for (const name of ['checkworthy', 'claim_type', 'attribution', 'quote_form', 'veracity'])
      await expect(shownChoice(details, name)).toHaveText('unset');
    // The schema's default is only marked among the choices.
    await expect(details.getByRole('combobox', { name: 'claim_type', exact: true }).getByRole('option', { name: 'factual (default)' })).toHaveCount(
      1,
    );
    await expect(saveStatus).toHaveText('Saved');
    const doc = await stored(api);
    expect(doc.status).toBe('in_progress');
    expect(doc.annotations.map((a) => a.attributes)).toEqual([{}]);
    return (await claim.getAttribute('data-annotation-id'))!;
  });

  await test.step('One undo takes back the annotation and the status; redo brings both', async () => {
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(article.locator('[data-label="Claim"]')).toHaveCount(0);
    await expect(envoyRow).toContainText('New');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(envoyRow).toContainText('In progress');
  });

  await test.step('A chosen value is stored; choosing unset removes it again', async () => {
    await article.locator(`[data-annotation-id="${claimId}"]`).click();
    const claimType = details.getByRole('combobox', { name: 'claim_type', exact: true });
    await claimType.selectOption('opinion');
    await expect.poll(() => attributesOf(api, claimId)).toEqual({ claim_type: 'opinion' });
    await claimType.selectOption({ label: 'unset' });
    await expect(shownChoice(details, 'claim_type')).toHaveText('unset');
    await expect.poll(() => attributesOf(api, claimId)).toEqual({});
  });

  await test.step('The details panel shows the status In progress', async () => {
    await article.press('Escape');
    await expect(details).toHaveCount(0);
    await expect(page.getByRole('radiogroup', { name: 'Document status' }).getByRole('radio', { name: 'In progress' })).toBeChecked();
  });

  await test.step('Required, in the schema editor: the claim is flagged until claim_type is set', async () => {
    await page.getByRole('button', { name: 'Schema…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit schema' });
    await dialog.getByRole('list', { name: 'Labels' }).getByRole('button', { name: 'Claim' }).click();
    await dialog.getByRole('group', { name: 'Attribute claim_type' }).getByRole('checkbox', { name: 'Required' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    const schema = (await api<{ schema: Schema }>('getWorkspace', null)).schema;
    expect(schema.labels.find((l) => l.name === 'Claim')!.attributes.find((a) => a.name === 'claim_type')).toMatchObject({ required: true });

    await article.locator(`[data-annotation-id="${claimId}"]`).click();
    await expect(details.getByRole('note').filter({ hasText: 'Required' })).toHaveText('Required, not set yet: claim_type.');
    await page.getByRole('tab', { name: 'Annotations' }).click();
    const flagChip = page.getByRole('button', { name: 'Required unset', exact: false });
    await expect(flagChip).toHaveAccessibleName('Required unset 1');
    await expect(page.getByRole('img', { name: 'Required attributes unset' })).toHaveCount(1);
    await details.getByRole('combobox', { name: 'claim_type', exact: true }).selectOption('prediction');
    await expect(details.getByRole('note').filter({ hasText: 'Required' })).toHaveCount(0);
    await expect(flagChip).toHaveCount(0);
    await expect(page.getByRole('img', { name: 'Required attributes unset' })).toHaveCount(0);
    await expect.poll(() => attributesOf(api, claimId)).toEqual({ claim_type: 'prediction' });
  });
});

test('attribute keys, the Links row, and a label change that applies the schema (undone in one step)', async ({ page, request, host, api }) => {
  await seedDocument(
    request,
    host,
    ENVOY,
    [
      { id: 'c1', label: 'Claim', quote: CLAIM },
      { id: 's1', label: 'Source', quote: 'Hill', after: 'c1' },
      { id: 's2', label: 'Source', quote: LONG_SOURCE },
    ],
    [
      { id: 'r1', type: 'attributed_to', from: 'c1', to: 's1' },
      { id: 'r2', type: 'attributed_to', from: 'c1', to: 's2' },
    ],
  );
  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE }).click();
  const article = await openImported(page);
  const details = page.getByRole('complementary', { name: 'Annotation details' });
  await article.locator('[data-annotation-id="c1"]').first().click();
  await expect(details.getByRole('combobox', { name: 'Label', exact: true })).toHaveValue('Claim');

  await test.step('Keys only: v 3 5 sets claim_type to opinion, v 5 2 quote_form to indirect (undoable)', async () => {
    await expect(details.getByRole('status')).toContainText('Keys: v');
    await page.keyboard.press('v');
    await expect(details.getByRole('status')).toHaveText('Press an attribute’s key (Esc cancels)');
    await page.keyboard.press('3');
    await expect(details.getByRole('list', { name: 'Keys for claim_type' })).toContainText('5 opinion');
    await page.keyboard.press('5');
    await page.keyboard.press('v');
    await page.keyboard.press('5');
    await page.keyboard.press('2');
    await expect(shownChoice(details, 'quote_form')).toHaveText('indirect');
    await expect.poll(() => attributesOf(api, 'c1')).toEqual({ claim_type: 'opinion', quote_form: 'indirect' });
    // The digits went to the attributes, not to the label hotkeys: nothing new was tagged.
    expect((await stored(api)).annotations).toHaveLength(3);
    await page.keyboard.press('Control+Z');
    await expect(shownChoice(details, 'quote_form')).toHaveText('unset');
    await page.keyboard.press('Control+Shift+Z');
    await expect(shownChoice(details, 'quote_form')).toHaveText('indirect');
  });

  await test.step('The Links row shows a short linked text in full, and a long one up to an ellipsis with the whole text as its tooltip', async () => {
    const links = details.getByRole('list', { name: 'Links' });
    const hill = links.getByRole('listitem').filter({ hasText: 'Hill' }).locator('.cd-link-end-text');
    await expect(hill).toHaveText('“Hill”');
    expect(await hill.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().width > 0)).toBe(true);
    const long = links.getByRole('listitem').filter({ hasText: 'Among the missiles' }).locator('.cd-link-end-text');
    await expect(long).toHaveText('“Among the missiles was at least one believed to be capable…”');
    await expect(long).toHaveAttribute('title', LONG_SOURCE);
    // Wrapped, not clipped: every character shown is on screen (the old row showed “Am…”).
    expect(await long.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  });

  await test.step('Changed to Source: the links and the Claim attributes go, the status bar says so; one undo restores all', async () => {
    await details.getByRole('combobox', { name: 'Label', exact: true }).selectOption('Source');
    await expect(page.getByRole('status', { name: 'Status', exact: true })).toHaveText(
      'Changed to Source; removed 2 links (attributed_to) the schema does not allow for Source and dropped 2 attributes Source does not have (claim_type, quote_form). Undo restores them.',
    );
    await expect(details.getByText('No links.')).toBeVisible();
    await expect(details.getByRole('combobox', { name: 'claim_type', exact: true })).toHaveCount(0);
    await expect(shownChoice(details, 'identification')).toHaveText('unset');
    await expect
      .poll(async () => {
        const doc = await stored(api);
        return [doc.annotations.find((a) => a.id === 'c1'), doc.relations.length];
      })
      .toEqual([expect.objectContaining({ label: 'Source', attributes: {} }), 0]);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(details.getByRole('combobox', { name: 'Label', exact: true })).toHaveValue('Claim');
    await expect(details.getByRole('list', { name: 'Links' }).getByRole('listitem')).toHaveCount(2);
    await expect(shownChoice(details, 'claim_type')).toHaveText('opinion');
    await expect
      .poll(async () => {
        const doc = await stored(api);
        return [doc.annotations.find((a) => a.id === 'c1'), doc.relations.map((r) => r.id).sort()];
      })
      .toEqual([expect.objectContaining({ label: 'Claim', attributes: { claim_type: 'opinion', quote_form: 'indirect' } }), ['r1', 'r2']]);
  });
});
