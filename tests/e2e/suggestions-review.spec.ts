/**
 * Suggestions in the window (#15), the review's findings: a reply belongs to the document,
 * layer and text it was asked for (Re-import as… another encoding asks again and accepts the
 * right words; a slow Suggest answered after another article is opened leaves that article's
 * suggestions alone); Shift+X takes back only in the article the rejection was made in; Hide
 * lasts for the window's life; after clicking Suggest, Tab goes to the first suggestion; the
 * Suggest button is disabled while curating, saying why.
 */
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { documentOnDisk } from './support/seed';
import { placeCaret } from './support/text-point';
import { ENVOY, ENVOY_SENTENCE, ENVOY_TITLE, SAMPLES, expect, test, type Api } from './support/fixtures';
import { importArticle, seedLayers } from './support/layers';

type Reply = { enabled: boolean; rejected: string[] };

const HEATWAVE = join(SAMPLES, 'heatwave-grid-warning.md');
const HEATWAVE_TITLE = 'Grid operator warns of rolling blackouts as heat wave settles over the valley';
const HEATWAVE_SENTENCE = 'The Western Valley Independent System Operator said';

const status = (page: Page) => page.getByRole('status', { name: 'Status', exact: true });
const bar = (page: Page) => page.getByRole('toolbar', { name: 'Suggestions' });

/** The key's label and bounds (`Label:start-end`). */
function parseKey(key: string): { label: string; start: number; end: number } {
  const m = /^(.+):(\d+)-(\d+)$/.exec(key);
  if (!m) throw new Error(`not a suggestion key: ${key}`);
  return { label: m[1]!, start: Number(m[2]), end: Number(m[3]) };
}

/** The suggestion under the cursor: its key, read once it is drawn. */
async function activeKey(article: Locator): Promise<string> {
  const active = article.locator('.cd-suggestion.is-active');
  await expect(active.first()).toBeVisible();
  return (await active.first().getAttribute('data-suggestion-key'))!;
}

/** Opens the article titled `title` from the list and waits for `sentence`. */
async function open(page: Page, title: string, sentence: string): Promise<Locator> {
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: title }).click();
  const article = page.getByRole('article', { name: title });
  await expect(article).toContainText(sentence);
  return article;
}

/** Imports the envoy and heat-wave articles. @returns their ids */
async function importBoth(api: Api): Promise<{ envoy: string; heatwave: string }> {
  return { envoy: (await importArticle(api, ENVOY)).id, heatwave: (await importArticle(api, HEATWAVE)).id };
}

/** Waits until the page has drawn twice (React has committed what the last answer brought). */
const settled = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

test('Re-import as… another encoding: the suggestions are asked again for the new text, and accepting stores the right words', async ({
  page,
  host,
  api,
}) => {
  const text = 'Café, résumé, déjà vu, naïveté.\n\n"We will act on the grid this week," Minister Smith said on Monday.';
  const file = { name: 'accents.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') };
  await page.goto(host.url);
  await page.getByLabel('Import files').setInputFiles([file]);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option').first().click();
  const article = page.getByRole('article');
  await expect(article).toContainText('Minister Smith');
  const docId = (await api<{ id: string }[]>('listDocuments', null))[0]!.id;
  await placeCaret(page, article, 'We will act', 'We', 'before');
  await page.keyboard.press('s');
  const claims = article.locator('.cd-suggestion[data-label="Claim"]');
  await expect(claims.first()).toBeVisible();
  const before = parseKey((await claims.first().getAttribute('data-suggestion-key'))!);
  const quote = text.slice(before.start, before.end);
  expect(quote).toContain('We will act');

  // Read as windows-1252, each accented letter is two characters: every offset after them moves.
  const encoding = page.getByRole('region', { name: 'Encoding' });
  await encoding.getByLabel('Encoding to re-import as').selectOption('windows-1252');
  const chooser = page.waitForEvent('filechooser');
  await encoding.getByRole('button', { name: 'Re-import as…' }).click();
  await (await chooser).setFiles(file);
  await expect(encoding).toContainText('Decoded as windows-1252');
  await expect(article).toContainText('CafÃ©');
  const reimported = (await documentOnDisk(host, docId)).text;
  expect(reimported.length).toBeGreaterThan(text.length);

  // The claim's ghost is on the quotation's words in the new text.
  const claimQuotes = async () => {
    const keys = await claims.evaluateAll((els) => els.map((e) => e.getAttribute('data-suggestion-key') ?? ''));
    return [...new Set(keys)].map((k) => reimported.slice(parseKey(k).start, parseKey(k).end));
  };
  await expect.poll(claimQuotes).toEqual([quote]);

  // Accepting it stores those words.
  await claims.first().click();
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('Accepted: Claim “');
  const stored = async () =>
    (await documentOnDisk(host, docId)).annotations.filter((a) => a.label === 'Claim').map((a) => reimported.slice(a.start, a.end));
  await expect.poll(stored).toEqual([quote]);
});

test('Shift+X in another article does not take back the first one’s rejection; it says there is none to take back there', async ({
  page,
  host,
  api,
}) => {
  const ids = await importBoth(api);
  await page.goto(host.url);
  let article = await open(page, ENVOY_TITLE, ENVOY_SENTENCE);
  await placeCaret(page, article, 'A top U.S. envoy', 'A top', 'before');
  await page.keyboard.press('s');
  await expect(bar(page)).toBeVisible();
  await page.keyboard.press('Tab');
  const rejected = await activeKey(article);
  await page.keyboard.press('x');
  await expect(status(page)).toContainText('Rejected: ');
  await expect.poll(async () => (await api<Reply>('getSuggestions', { docId: ids.envoy })).rejected).toEqual([rejected]);

  article = await open(page, HEATWAVE_TITLE, HEATWAVE_SENTENCE);
  await placeCaret(page, article, HEATWAVE_SENTENCE, 'The', 'before');
  await page.keyboard.press('s');
  await expect(article.locator('.cd-suggestion').first()).toBeVisible();
  await page.keyboard.press('Shift+X');
  await expect(status(page)).toContainText('No rejection to take back in this article.');
  expect((await api<Reply>('getSuggestions', { docId: ids.envoy })).rejected).toEqual([rejected]);
  expect((await api<Reply>('getSuggestions', { docId: ids.heatwave })).rejected).toEqual([]);
});

test('Hide lasts for the window’s life: back in the article, its suggestions stay hidden until asked again', async ({ page, host, api }) => {
  await importBoth(api);
  await page.goto(host.url);
  let article = await open(page, ENVOY_TITLE, ENVOY_SENTENCE);
  await placeCaret(page, article, 'A top U.S. envoy', 'A top', 'before');
  await page.keyboard.press('s');
  await bar(page).getByRole('button', { name: 'Hide suggestions' }).click();
  await expect(bar(page)).toBeHidden();

  await open(page, HEATWAVE_TITLE, HEATWAVE_SENTENCE);
  const answered = page.waitForResponse('**/api/getSuggestions');
  article = await open(page, ENVOY_TITLE, ENVOY_SENTENCE);
  await (await answered).finished();
  await settled(page);
  await expect(bar(page)).toBeHidden();
  await expect(article.locator('.cd-suggestion')).toHaveCount(0);

  await placeCaret(page, article, 'A top U.S. envoy', 'A top', 'before');
  await page.keyboard.press('s');
  await expect(bar(page)).toBeVisible();
});

test('a slow Suggest answered after another article is opened leaves that article’s suggestions alone', async ({ page, host, api }) => {
  const ids = await importBoth(api);
  await api('getSuggestions', { docId: ids.envoy, compute: true });
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/getSuggestions', async (route) => {
    if (route.request().postData()?.includes('"compute":true')) await held;
    await route.continue();
  });
  await page.goto(host.url);
  let article = await open(page, HEATWAVE_TITLE, HEATWAVE_SENTENCE);
  await placeCaret(page, article, HEATWAVE_SENTENCE, 'The', 'before');
  await page.keyboard.press('s');
  const suggest = page.getByRole('button', { name: /^Suggest/ });
  await expect(suggest).toHaveAttribute('aria-busy', 'true');

  article = await open(page, ENVOY_TITLE, ENVOY_SENTENCE);
  const title = bar(page).locator('.cd-suggestionsbar-title');
  await expect(title, 'the envoy’s suggestions are shown while the other article’s are asked for').toHaveText(/^\d+ suggestions$/);
  const count = await title.textContent();
  release();
  await expect(suggest).toHaveAttribute('aria-busy', 'false');
  await settled(page);
  await expect(title, 'still shown once the other article’s answer came').toHaveText(count!);
  await expect(article.locator('.cd-suggestion').first()).toBeVisible();
});

test('after clicking Suggest, Tab goes to the first suggestion (the article has the keyboard)', async ({ page, host, api }) => {
  await importBoth(api);
  await page.goto(host.url);
  const article = await open(page, ENVOY_TITLE, ENVOY_SENTENCE);
  await page.getByRole('button', { name: /^Suggest/ }).click();
  await expect(bar(page)).toBeVisible();
  await page.keyboard.press('Tab');
  expect(await activeKey(article)).toMatch(/^\w+:\d+-\d+$/);
});

test('while curating, Suggest is disabled and says why, and S says why in the status bar', async ({ page, host, api }) => {
  const row = await importArticle(api, ENVOY);
  const tokyo = (who: string) => ({ annotator: who, spans: [{ id: `${who}-tokyo`, label: 'Entity', quote: 'Tokyo' }] });
  await seedLayers(api, row.id, [tokyo('ann'), tokyo('bob')], 'carol');
  await page.goto(host.url);
  const article = await open(page, ENVOY_TITLE, ENVOY_SENTENCE);
  const suggest = page.getByRole('button', { name: /^Suggest/ });
  await expect(suggest).toBeEnabled();

  await page.getByRole('button', { name: 'Curate', exact: true }).click();
  await page.getByRole('dialog', { name: 'Start curating' }).getByRole('button', { name: 'Start curating' }).click();
  await expect(page.getByRole('button', { name: 'Layer: curated' })).toBeVisible();
  await expect(suggest).toBeDisabled();
  await expect(suggest).toHaveAttribute('title', 'Suggestions are for your own layer: leave curation first.');
  await placeCaret(page, article, 'A top U.S. envoy', 'A top', 'before');
  await page.keyboard.press('s');
  await expect(status(page)).toContainText('Suggestions are for your own layer: leave curation first.');
});
