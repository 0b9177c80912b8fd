/**
 * Curation (#11) in Chromium through the browser host: ann and bob annotated one article (agreeing
 * on two claims and a source, not on an evidence's bounds nor on a source's, and bob alone tagged
 * a cue); carol curates it. Curate asks for the policy and the spans all agree on are accepted by
 * themselves; the panel lists every candidate with its state and who made it; the candidate under
 * the cursor is highlighted in the article; A accepts, X rejects, Tab / Shift+Tab move between the
 * undecided ones (in the panel and in the article), Enter accepts with the links, Undo takes an
 * accept back; rejections are kept in the curated layer and survive a reload; the curated layer exported through the API holds exactly what was accepted.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ExportJob } from '../../shared/api';
import { expect, test, type Api } from './support/fixtures';
import { importArticle, seedLayers } from './support/layers';

const TITLE = 'Grid warning';
const BODY = '"The grid fails tonight," Hill said, citing outage data. Officials and staff said rain is expected soon. The mayor denied it.';
const SHOTS = join('test-results', 'screens');

/** ann's and bob's layers: the same claims and first source, different evidence and second source, bob's cue. */
async function seedArticle(api: Api, dir: string): Promise<string> {
  const file = join(dir, 'grid-warning.txt');
  writeFileSync(file, `${TITLE}\n\n${BODY}\n`);
  const row = await importArticle(api, file);
  const claims = (who: string) => [
    { id: `${who}-grid`, label: 'Claim', quote: 'The grid fails tonight' },
    { id: `${who}-hill`, label: 'Source', quote: 'Hill' },
    { id: `${who}-rain`, label: 'Claim', quote: 'rain is expected soon' },
  ];
  await seedLayers(
    api,
    row.id,
    [
      {
        annotator: 'ann',
        spans: [
          ...claims('ann'),
          { id: 'ann-data', label: 'Evidence', quote: 'outage data' },
          { id: 'ann-off', label: 'Source', quote: 'Officials' },
        ],
        links: [
          ['ann-grid', 'ann-hill'],
          ['ann-rain', 'ann-off'],
        ],
      },
      {
        annotator: 'bob',
        spans: [
          ...claims('bob'),
          { id: 'bob-data', label: 'Evidence', quote: 'citing outage data' },
          { id: 'bob-off', label: 'Source', quote: 'Officials and staff' },
          { id: 'bob-cue', label: 'Cue', quote: 'denied' },
        ],
        links: [
          ['bob-grid', 'bob-hill'],
          ['bob-rain', 'bob-off'],
        ],
      },
    ],
    'carol',
  );
  return row.id;
}

/** The curated layer exported as Claimdesk JSONL through the API, read back: its spans as "Label:quote", and its relations. */
async function exportCurated(api: Api): Promise<{ spans: string[]; relations: number }> {
  const { destination } = await api<{ destination: string }>('chooseExportDestination', { format: 'jsonl' });
  const { jobId } = await api<{ jobId: string }>('startExport', { format: 'jsonl', layer: 'curated', destination });
  await expect.poll(async () => (await api<ExportJob>('getExportJob', { jobId })).state).toBe('done');
  const job = await api<ExportJob>('getExportJob', { jobId });
  const lines = readFileSync(job.files![0]!, 'utf8').trimEnd().split('\n').slice(1);
  expect(lines).toHaveLength(1);
  const record = JSON.parse(lines[0]!) as { spans: { label: string; quote: string }[]; relations: unknown[] };
  return { spans: record.spans.map((s) => `${s.label}:${s.quote}`), relations: record.relations.length };
}

/** The text of the candidate highlight in the article (the CSS highlight's range), or null. */
function highlighted(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('cd-curation-candidate');
    const range = highlight ? [...highlight][0] : undefined;
    return range ? range.toString() : null;
  });
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, name) });
}

test('curating a document: auto-accept, states, keys, undo, a rejection kept over a reload, the curated export', async ({ page, host, api }) => {
  const docId = await seedArticle(api, test.info().outputPath());
  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: TITLE }).click();
  await expect(page.getByRole('article', { name: TITLE })).toContainText('citing outage data');

  const panel = page.getByRole('region', { name: 'Curation' });
  const list = panel.getByRole('listbox', { name: 'Candidates' });
  const option = (name: string | RegExp) => list.getByRole('option', { name });
  const current = list.getByRole('option', { selected: true });
  const status = page.getByRole('status', { name: 'Save status' });

  await test.step('Curate asks for the policy; the spans all agree on are accepted by themselves', async () => {
    await page.getByRole('button', { name: 'Curate', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Start curating' });
    await expect(dialog).toContainText('the layers of ann, bob');
    await expect(dialog.getByRole('radio', { name: /Where all annotators agree/ })).toBeChecked();
    await shot(page, 'curation-start.png');
    await dialog.getByRole('button', { name: 'Start curating' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/3 spans accepted where all annotators agree/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Curate', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: 'Layer: curated' })).toBeVisible();
  });

  await test.step('every candidate is listed in text order with its state and who made it', async () => {
    const names = [
      'Accepted: Claim “The grid fails tonight”, by ann, bob',
      'Accepted: Source “Hill”, by ann, bob',
      'Disagreed: Evidence “citing outage data”, by bob',
      'Disagreed: Evidence “outage data”, by ann',
      'Disagreed: Source “Officials and staff”, by bob',
      'Disagreed: Source “Officials”, by ann',
      'Accepted: Claim “rain is expected soon”, by ann, bob',
      'Only one: Cue “denied”, by bob',
    ];
    await expect(list.getByRole('option')).toHaveText(names.map(() => /./));
    expect(await list.getByRole('option').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual(names);
    // Rival variants of one place are side by side in a group.
    await expect(list.getByRole('group', { name: /2 variants at “citing outage data”/ }).getByRole('option')).toHaveCount(2);
    await expect(panel.getByRole('list', { name: 'Candidate states' })).toContainText('Disagreed 4');
    await expect(panel).toContainText('5 undecided of 8 candidates');
    // The auto-accepted claim came with its link.
    await expect(option(/Accepted: Claim “The grid fails tonight”/)).toContainText('→ attributed to “Hill”');
  });

  await test.step('the cursor starts on the first undecided candidate, highlighted in the article; A accepts it', async () => {
    await expect(list).toBeFocused();
    await expect(current).toHaveAccessibleName(/“citing outage data”/);
    await expect.poll(() => highlighted(page)).toBe('citing outage data');
    await page.keyboard.press('a');
    await expect(option(/“citing outage data”/)).toHaveAccessibleName(/^Accepted: /);
    await expect(status).toHaveText('Saved');
  });

  await test.step('Tab moves to the next undecided one; X rejects it', async () => {
    await page.keyboard.press('Tab');
    await expect(current).toHaveAccessibleName('Disagreed: Evidence “outage data”, by ann');
    await expect.poll(() => highlighted(page)).toBe('outage data');
    await page.keyboard.press('x');
    await expect(option(/“outage data”, by ann/)).toHaveAccessibleName(/^Rejected: /);
  });

  await test.step('Tab and Shift+Tab skip decided candidates; Enter accepts with the link to an accepted end', async () => {
    await page.keyboard.press('Tab');
    await expect(current).toHaveAccessibleName(/“Officials and staff”/);
    await page.keyboard.press('Tab');
    await expect(current).toHaveAccessibleName(/Source “Officials”, by ann/);
    await page.keyboard.press('Shift+Tab');
    await expect(current).toHaveAccessibleName(/“Officials and staff”/);
    await page.keyboard.press('Enter');
    await expect(current).toHaveAccessibleName(/^Accepted: Source “Officials and staff”/);
    await expect(page.getByText('Accepted Source “Officials and staff” with its link.')).toBeVisible();
    await expect(page.getByRole('article', { name: TITLE }).locator('[data-annotation-id]', { hasText: 'Officials and staff' })).toHaveCount(1);
    await expect(status).toHaveText('Saved');
    await shot(page, 'curation.png');
  });

  await test.step('Undo takes the accept back, link and all', async () => {
    await page.keyboard.press('Control+z');
    await expect(option(/“Officials and staff”/)).toHaveAccessibleName(/^Disagreed: /);
    await expect(page.getByRole('article', { name: TITLE }).locator('[data-annotation-id]', { hasText: 'Officials and staff' })).toHaveCount(0);
    await expect(status).toHaveText('Saved');
  });

  await test.step('the same keys work in the article', async () => {
    const article = page.getByRole('article', { name: TITLE });
    await article.getByText('The mayor denied it').click();
    await expect(article).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(current).toHaveAccessibleName(/Source “Officials”, by ann/);
    await expect.poll(() => highlighted(page)).toBe('Officials');
    await page.keyboard.press('x');
    await expect(option(/Source “Officials”, by ann/)).toHaveAccessibleName(/^Rejected: /);
    await expect(article).toBeFocused();
  });

  await test.step('the rejections are still there after a reload: they are kept in the curated layer, which git shares', async () => {
    // Saved in the background: wait for the service to have both, as a reload would.
    const rejected = async () => (await api<{ rejected?: string[] }>('getDocument', { docId, layer: 'curated' })).rejected ?? [];
    await expect.poll(async () => (await rejected()).length).toBe(2);
    await page.reload();
    await expect(page.getByRole('article', { name: TITLE })).toBeVisible();
    await page.getByRole('button', { name: 'Curate', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Start curating' })).toHaveCount(0);
    await expect(option(/“outage data”, by ann/)).toHaveAccessibleName(/^Rejected: /);
    await expect(option(/Source “Officials”, by ann/)).toHaveAccessibleName(/^Rejected: /);
    await expect(option(/“citing outage data”/)).toHaveAccessibleName(/^Accepted: /);
    await expect(panel).toContainText('2 undecided of 8 candidates');
  });

  await test.step('the curated layer exported holds exactly the accepted spans', async () => {
    const exported = await exportCurated(api);
    expect(exported.spans).toEqual(['Claim:The grid fails tonight', 'Source:Hill', 'Evidence:citing outage data', 'Claim:rain is expected soon']);
    expect(exported.relations).toBe(1);
  });

  await test.step('Exit curation goes back to your own layer', async () => {
    await panel.getByRole('button', { name: 'Exit curation' }).click();
    await expect(panel).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Layer: carol' })).toBeVisible();
  });
});
