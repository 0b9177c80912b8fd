/**
 * The Agreement view (#11), in Chromium through the browser host: two annotators (ann, bob) tag two
 * articles, agreeing on the claims and on every span of one article, and disagreeing on the other
 * article's source. The view shows the pair's figures per label and their mean for the chosen
 * measure, the relations and attributes tables and the notes, and lists the articles from least to
 * most agreement; choosing one opens it for curation.
 */
import { join } from 'node:path';
import { ENVOY, ENVOY_TITLE, SAMPLES, expect, test } from './support/fixtures';
import { importArticle, seedLayers } from './support/layers';

const CLAIM = "I don't see any splintering. On the contrary, I see a very clear message";
const HEATWAVE = join(SAMPLES, 'heatwave-grid-warning.md');
const HEAT_CLAIM = 'Forecasters said overnight lows would stay above 85 degrees in several cities';

test('the Agreement view shows the pair’s figures per label and the documents, least agreement first', async ({ page, host, api }) => {
  const envoy = await importArticle(api, ENVOY);
  const heat = await importArticle(api, HEATWAVE);
  await seedLayers(
    api,
    envoy.id,
    [
      {
        annotator: 'ann',
        spans: [
          { id: 'a-claim', label: 'Claim', quote: CLAIM, attributes: { checkworthy: 'yes', claim_type: 'factual' } },
          { id: 'a-source', label: 'Source', quote: 'Hill', after: 'message," ' },
        ],
        links: [['a-claim', 'a-source']],
      },
      {
        annotator: 'bob',
        spans: [
          { id: 'b-claim', label: 'Claim', quote: CLAIM, attributes: { checkworthy: 'yes', claim_type: 'opinion' } },
          { id: 'b-source', label: 'Source', quote: 'Tokyo', after: 'arrived in ' },
        ],
        links: [['b-claim', 'b-source']],
      },
    ],
    'ann',
  );
  await seedLayers(
    api,
    heat.id,
    [
      { annotator: 'ann', spans: [{ id: 'a-heat', label: 'Claim', quote: HEAT_CLAIM, attributes: { checkworthy: 'no', claim_type: 'prediction' } }] },
      { annotator: 'bob', spans: [{ id: 'b-heat', label: 'Claim', quote: HEAT_CLAIM, attributes: { checkworthy: 'no', claim_type: 'prediction' } }] },
    ],
    'ann',
  );

  await page.goto(host.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(2);
  await page.getByRole('button', { name: 'Agreement…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Agreement' });
  await expect(dialog.getByRole('status')).toHaveText('2 documents · 1 pair');

  await test.step('span agreement per label: the pair and the mean, for the chosen measure', async () => {
    const table = dialog.getByRole('table', { name: 'Span agreement per label (F1 exact)' });
    await expect(table.getByRole('columnheader')).toHaveText(['Pair', 'Claim', 'Source', 'Overall']);
    // Claims: both of each annotator's match exactly (2·2 / (2+2)); sources: none of one each; overall 2·2 / (3+3).
    await expect(table.getByRole('row', { name: /^ann \/ bob/ }).getByRole('cell')).toHaveText(['1.00', '0.00', '0.67']);
    await expect(table.getByRole('row', { name: /^Mean/ }).getByRole('cell')).toHaveText(['1.00', '0.00', '0.67']);
    await dialog.getByRole('radio', { name: 'F1 overlap' }).check();
    await expect(dialog.getByRole('table', { name: 'Span agreement per label (F1 overlap)' })).toBeVisible();
    await dialog.getByRole('radio', { name: 'α_u' }).check();
    const alpha = dialog.getByRole('table', { name: 'Span agreement per label (α_u)' });
    // α_u has no overall figure: the column shows a dash.
    await expect(
      alpha
        .getByRole('row', { name: /^ann \/ bob/ })
        .getByRole('cell')
        .last(),
    ).toHaveText('—');
    await dialog.getByRole('radio', { name: 'F1 exact' }).check();
  });

  await test.step('relations and attributes have their tables; the notes explain what is undefined', async () => {
    const relations = dialog.getByRole('table', { name: 'Relation agreement (F1)' });
    await expect(relations.getByRole('columnheader')).toHaveText(['Pair', 'attributed_to']);
    // One link each, from matching claims to sources that do not match: no relation matches.
    await expect(relations.getByRole('row', { name: /^ann \/ bob/ }).getByRole('cell')).toHaveText(['0.00']);
    // Kappa over the two matched claims: the same check-worthiness on both (1), the claim type on one of them (1/3).
    const attributes = dialog.getByRole('table', { name: 'Attribute agreement (Cohen’s kappa)' });
    await expect(attributes.getByRole('columnheader')).toHaveText(['Attribute', 'ann / bob', 'Mean']);
    await expect(attributes.getByRole('row', { name: /^Claim\.checkworthy/ }).getByRole('cell')).toHaveText(['1.00', '1.00']);
    await expect(attributes.getByRole('row', { name: /^Claim\.claim_type/ }).getByRole('cell')).toHaveText(['0.33', '0.33']);
    await expect(dialog.getByRole('region', { name: 'Notes' })).toContainText('(ann, bob): 2 shared documents');
  });

  await test.step('the documents, least agreement first; choosing one opens it for curation', async () => {
    const docs = dialog.getByRole('list', { name: 'Documents, least agreement first' }).getByRole('listitem');
    await expect(docs).toHaveCount(2);
    await expect(docs.nth(0)).toContainText(ENVOY_TITLE);
    await expect(docs.nth(0)).toContainText('0.50');
    await expect(docs.nth(1)).toContainText('1.00');
    await page.screenshot({ path: test.info().outputPath('agreement.png') });
    await docs.nth(0).getByRole('button', { name: ENVOY_TITLE }).click();
    await expect(dialog).toBeHidden();
    // Curation takes it up: it has no curated layer yet, so curation asks how to start one for it
    // (a window without the curation view opens the document instead).
    const startCurating = page.getByRole('dialog', { name: 'Start curating' });
    await expect(startCurating.or(page.getByRole('article', { name: ENVOY_TITLE }))).toContainText(ENVOY_TITLE);
  });
});
