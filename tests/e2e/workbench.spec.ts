/**
 * The workbench as an analyst meets it, in Chromium through the browser host: an empty
 * workspace says what to do, the samples import through the Import button, the envoy article
 * opens and reads well, and its text can be selected.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dragSelect } from './support/select-text';
import { ENVOY_SENTENCE, ENVOY_TITLE, SAMPLES, expect, test } from './support/fixtures';

test('import the samples, open the envoy article, read it and select a sentence', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByText(/No articles yet/)).toBeVisible();

  const { samples, list } = await test.step('The samples import through the Import button', async () => {
    const samples = readdirSync(SAMPLES).map((name) => join(SAMPLES, name));
    await page.getByLabel('Import files').setInputFiles(samples);
    const list = page.getByRole('listbox', { name: 'Documents' });
    await expect(list.getByRole('option')).toHaveCount(samples.length);
    await expect(page.getByRole('status', { name: 'Import report' })).toContainText(`Imported ${samples.length}`);
    return { samples, list };
  });

  const article = await test.step('The envoy article opens and reads well', async () => {
    await list.getByRole('option', { name: ENVOY_TITLE }).click();
    const article = page.getByRole('article', { name: ENVOY_TITLE });
    await expect(article.getByRole('heading', { name: ENVOY_TITLE })).toBeVisible();
    await expect(article).toContainText(ENVOY_SENTENCE);
    await expect(page).toHaveTitle(`${ENVOY_TITLE} — Claimdesk`);
    return article;
  });

  await test.step('Its text can be selected', async () => {
    await dragSelect(page, article, ENVOY_SENTENCE);
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(ENVOY_SENTENCE);
    await page.screenshot({ path: test.info().outputPath('envoy-article.png') });
    await page.screenshot({ path: join('test-results', 'screenshots', 'envoy-article.png') });
  });

  await test.step('After a reload the samples are still listed', async () => {
    await page.reload();
    await expect(list.getByRole('option')).toHaveCount(samples.length);
  });
});

test('importing the same file again says it is already there', async ({ page, host }) => {
  await page.goto(host.url);
  const envoy = join(SAMPLES, 'us-envoy-arrives-in-japan.txt');
  const input = page.getByLabel('Import files');
  await input.setInputFiles(envoy);
  const list = page.getByRole('listbox', { name: 'Documents' });
  await expect(list.getByRole('option')).toHaveCount(1);
  await input.setInputFiles([]);
  await input.setInputFiles(envoy);
  await expect(page.getByText(/already in the workspace/)).toBeVisible();
  await expect(list.getByRole('option')).toHaveCount(1);
});

test('filter the document list by title and move through it with the keyboard', async ({ page, host }) => {
  await page.goto(host.url);
  const samples = readdirSync(SAMPLES);
  await page.getByLabel('Import files').setInputFiles(samples.map((name) => join(SAMPLES, name)));
  const list = page.getByRole('listbox', { name: 'Documents' });
  await expect(list.getByRole('option')).toHaveCount(samples.length);
  const filter = page.getByLabel('Filter documents');
  await filter.fill('envoy');
  await expect(list.getByRole('option')).toHaveCount(1);
  await filter.press('Enter');
  await expect(page.getByRole('article', { name: ENVOY_TITLE })).toBeVisible();

  await filter.fill('');
  await expect(list.getByRole('option')).toHaveCount(samples.length);
  const titles = await list
    .getByRole('option')
    .evaluateAll((rows) => rows.map((r) => document.getElementById(r.getAttribute('aria-labelledby') ?? '')?.textContent ?? ''));
  await list.getByRole('option').first().click();
  await expect(page.getByRole('article', { name: titles[0] })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(list.getByRole('option', { selected: true })).toHaveCount(1);
  await expect(page.getByRole('article', { name: titles[1] })).toBeVisible();
});

test('the API refuses calls without the token', async ({ request, host }) => {
  const res = await request.post(`${host.origin}/api/listDocuments`, { data: null });
  expect(res.status()).toBe(401);
  const ok = await request.post(`${host.origin}/api/listDocuments`, { data: null, headers: { authorization: `Bearer ${host.token}` } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ ok: true, value: [] });
});
