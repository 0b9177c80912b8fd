/**
 * Suggestions in the window (#15), in Chromium through the browser host on the envoy article:
 * S asks the service for suggestions, shown as ghost highlights with a suggestions bar; Tab goes
 * to the next one (selecting it), Enter and A accept the one under the cursor (with its links,
 * into the analyst's layer, with its origin), X rejects one, and Undo takes an accept back. After
 * a reload the accepted ones are annotations in the layer file on disk and the rejected one is
 * not proposed again. Accept all of a label takes them in one step (one Undo); tagging an Entity
 * proposes its other mentions; Suggest on import turns suggestions on for what is imported next;
 * a colleague's (read-only) layer shows none. Which suggestions the engine makes is the
 * engine's: the tests take them in the order Tab reaches them.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ORIGIN_PREFIX } from '../../shared/suggest/types';
import { callApi } from './support/host';
import { documentOnDisk } from './support/seed';
import { placeCaret } from './support/text-point';
import { ENVOY, ENVOY_SENTENCE, ENVOY_TITLE, expect, test } from './support/fixtures';
import { importArticle, seedLayers } from './support/layers';
import { openSeededEnvoy } from './support/open-seeded';

type Reply = { enabled: boolean; set: { suggestions: { key: string; label: string; start: number; end: number }[] }; rejected: string[] };

/** The suggestion under the cursor: its key, read once it is drawn. */
async function activeKey(article: Locator): Promise<string> {
  const active = article.locator('.cd-suggestion.is-active');
  await expect(active.first()).toBeVisible();
  return (await active.first().getAttribute('data-suggestion-key'))!;
}

/** The key's label and bounds (`Label:start-end`). */
function parseKey(key: string): { label: string; start: number; end: number } {
  const m = /^(.+):(\d+)-(\d+)$/.exec(key);
  if (!m) throw new Error(`not a suggestion key: ${key}`);
  return { label: m[1]!, start: Number(m[2]), end: Number(m[3]) };
}

const ghost = (article: Locator, key: string) => article.locator(`[data-suggestion-key="${key}"]`);
const status = (page: Page) => page.getByRole('status', { name: 'Status', exact: true });

test('suggest, accept three with the keyboard, reject one, undo, reload: accepted in the layer, rejected not proposed again', async ({
  page,
  request,
  host,
  api,
}) => {
  const { article, docId } = await openSeededEnvoy(page, request, host);
  const bar = page.getByRole('toolbar', { name: 'Suggestions' });
  const accepted: string[] = [];
  let rejected = '';

  await test.step('S asks for suggestions: ghost highlights and the suggestions bar with counts per label', async () => {
    await placeCaret(page, article, 'A top U.S. envoy', 'A top', 'before');
    await page.keyboard.press('s');
    await expect(bar).toBeVisible();
    await expect(bar.getByRole('button', { name: /^Accept all Claim \(\d+\)$/ })).toBeVisible();
    await expect(article.locator('.cd-suggestion').first()).toBeVisible();
    // Ghosts are not annotations: nothing is in the layer yet.
    await expect(article.locator('[data-annotation-id]')).toHaveCount(0);
  });

  await test.step('Tab selects the first suggestion; Enter accepts it with its links, and the cursor goes on', async () => {
    await page.keyboard.press('Tab');
    const key = await activeKey(article);
    // One label tag, at its start, however many pieces other suggestions inside it split it into.
    await expect(article.locator('.cd-suggestion-tag')).toHaveCount(1);
    await expect(article.locator('.cd-suggestion-tag')).toHaveAttribute('data-label', parseKey(key).label);
    await page.keyboard.press('Enter');
    accepted.push(key);
    await expect(status(page)).toContainText(`Accepted: ${parseKey(key).label} “`);
    await expect(ghost(article, key)).toHaveCount(0);
    await expect(article.locator(`[data-label="${parseKey(key).label}"][data-annotation-id]`).first()).toBeVisible();
    expect(await activeKey(article)).not.toBe(key);
  });

  await test.step('A accepts the next one; X rejects the one after; Tab and Enter accept a third', async () => {
    const second = await activeKey(article);
    await page.keyboard.press('a');
    accepted.push(second);
    await expect(ghost(article, second)).toHaveCount(0);

    rejected = await activeKey(article);
    expect(accepted).not.toContain(rejected);
    await page.keyboard.press('x');
    await expect(status(page)).toContainText(`Rejected: ${parseKey(rejected).label} “`);
    await expect(ghost(article, rejected)).toHaveCount(0);
    // Shift+X takes it back (the cursor returns to it); x rejects it again.
    await page.keyboard.press('Shift+X');
    await expect(status(page)).toContainText(`Suggested again: ${parseKey(rejected).label} “`);
    expect(await activeKey(article)).toBe(rejected);
    await page.keyboard.press('x');
    await expect(ghost(article, rejected)).toHaveCount(0);

    await page.keyboard.press('Tab');
    const third = await activeKey(article);
    await page.keyboard.press('Enter');
    accepted.push(third);
    await expect(ghost(article, third)).toHaveCount(0);
  });

  await test.step('Undo takes the last accept back (its ghost returns), Redo puts it back', async () => {
    const third = accepted[2]!;
    await page.keyboard.press('Control+z');
    await expect(status(page)).toContainText('Undid');
    await expect(ghost(article, third)).not.toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(ghost(article, third)).toHaveCount(0);
  });

  await test.step('in the layer file: the three accepted, each with its suggestion origin', async () => {
    const held = async () => {
      const doc = await documentOnDisk(host, docId);
      return accepted.map((key) => {
        const { label, start, end } = parseKey(key);
        return doc.annotations.find((a) => a.label === label && a.start === start && a.end === end)?.origin?.startsWith(ORIGIN_PREFIX) ?? false;
      });
    };
    await expect.poll(held).toEqual([true, true, true]);
  });

  await test.step('after a reload: the accepted ones are annotations, the rejected one is not proposed again', async () => {
    await page.reload();
    await expect(article).toBeVisible();
    await expect(bar).toBeVisible(); // suggestions stay on for this document
    await expect(article.locator('.cd-suggestion').first()).toBeVisible();
    await expect(ghost(article, rejected)).toHaveCount(0);
    for (const key of accepted) await expect(ghost(article, key)).toHaveCount(0);
    const reply = await api<Reply>('getSuggestions', { docId });
    expect(reply.rejected).toEqual([rejected]);
    expect(reply.set.suggestions.map((s) => s.key)).toContain(rejected); // the engine still makes it: the layer's rejection hides it
  });
});

test('Suggest on import (Preferences): an article imported afterwards opens with its suggestions shown; Hide hides them, S shows them again', async ({
  page,
  request,
  host,
  api,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Preferences…' }).click();
  const prefs = page.getByRole('dialog', { name: 'Preferences' });
  const checkbox = prefs.getByRole('checkbox', { name: 'Suggest on import' });
  await expect(checkbox).not.toBeChecked();
  await checkbox.check();
  await prefs.getByRole('button', { name: 'Save' }).click();
  await expect(prefs).toBeHidden();
  expect(await api<{ suggestOnImport?: boolean }>('getPreferences', null)).toMatchObject({ suggestOnImport: true });

  const { article, docId } = await openSeededEnvoy(page, request, host);
  const bar = page.getByRole('toolbar', { name: 'Suggestions' });
  await expect(bar).toBeVisible();
  await expect(article.locator('.cd-suggestion').first()).toBeVisible();
  expect((await api<Reply>('getSuggestions', { docId })).enabled).toBe(true);

  await bar.getByRole('button', { name: 'Hide suggestions' }).click();
  await expect(bar).toBeHidden();
  await expect(article.locator('.cd-suggestion')).toHaveCount(0);
  await placeCaret(page, article, 'A top U.S. envoy', 'A top', 'before');
  await page.keyboard.press('s');
  await expect(bar).toBeVisible();

  // The dialog shows the saved preference when opened again.
  await page.getByRole('button', { name: 'Preferences…' }).click();
  await expect(page.getByRole('dialog', { name: 'Preferences' }).getByRole('checkbox', { name: 'Suggest on import' })).toBeChecked();
});

test('a colleague’s read-only layer shows no suggestions; back in your own layer they are there again', async ({ page, api, host }) => {
  const row = await importArticle(api, ENVOY);
  await seedLayers(api, row.id, [{ annotator: 'bob', spans: [{ id: 'b-tokyo', label: 'Entity', quote: 'Tokyo' }] }], 'ann');
  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE }).click();
  const article = page.getByRole('article', { name: ENVOY_TITLE });
  await expect(article).toContainText(ENVOY_SENTENCE);
  const bar = page.getByRole('toolbar', { name: 'Suggestions' });
  const suggest = page.getByRole('button', { name: /^Suggest/ });

  await placeCaret(page, article, 'A top U.S. envoy', 'A top', 'before');
  await page.keyboard.press('s');
  await expect(bar).toBeVisible();
  await expect(article.locator('.cd-suggestion').first()).toBeVisible();

  const layerButton = page.getByRole('button', { name: /^Layer: / });
  await layerButton.click();
  await page.getByRole('listbox', { name: 'Layers' }).getByRole('option', { name: /^bob/ }).click();
  await expect(page.getByText("Read-only: bob's layer")).toBeVisible();
  await expect(article.locator('[data-annotation-id="b-tokyo"]').first()).toBeVisible();
  await expect(bar).toBeHidden();
  await expect(article.locator('.cd-suggestion')).toHaveCount(0);
  await expect(suggest).toBeDisabled();
  await placeCaret(page, article, 'A top U.S. envoy', 'A top', 'before');
  await page.keyboard.press('s');
  await expect(status(page)).toContainText('Suggestions are made for your own layer');

  await layerButton.click();
  await page.getByRole('listbox', { name: 'Layers' }).getByRole('option', { name: /^ann/ }).click();
  await expect(bar).toBeVisible();
  await expect(article.locator('.cd-suggestion').first()).toBeVisible();
});

test('Accept all <Label> (n) accepts every suggestion of the label at once; one Undo takes them all back', async ({ page, request, host }) => {
  const { article, docId } = await openSeededEnvoy(page, request, host);
  await placeCaret(page, article, 'A top U.S. envoy', 'A top', 'before');
  await page.keyboard.press('s');
  const bar = page.getByRole('toolbar', { name: 'Suggestions' });
  const acceptAll = bar.getByRole('button', { name: /^Accept all Cue \(\d+\)$/ });
  const n = Number(/\((\d+)\)/.exec((await acceptAll.textContent())!)![1]);
  expect(n).toBeGreaterThan(1);
  const cues = article.locator('.cd-suggestion[data-label="Cue"]');
  await expect(cues).toHaveCount(n);

  await acceptAll.click();
  await expect(status(page)).toContainText(`Accepted ${n} Cue suggestions`);
  await expect(cues).toHaveCount(0);
  await expect(bar.getByRole('button', { name: /^Accept all Cue/ })).toHaveCount(0);
  await expect.poll(async () => (await documentOnDisk(host, docId)).annotations.filter((a) => a.label === 'Cue').length).toBe(n);

  await page.keyboard.press('Control+z');
  await expect(cues).toHaveCount(n);
  await expect.poll(async () => (await documentOnDisk(host, docId)).annotations.length).toBe(0);
});

test('every occurrence: tagging an Entity proposes its other mentions, accepted with origin suggestion:occurrence and a coref link to it', async ({
  page,
  request,
  host,
}) => {
  const { article, docId } = await openSeededEnvoy(page, request, host);
  await placeCaret(page, article, 'A top U.S. envoy', 'A top', 'before');
  await page.keyboard.press('s');
  await expect(page.getByRole('toolbar', { name: 'Suggestions' })).toBeVisible();
  const entities = article.locator('.cd-suggestion[data-label="Entity"]');
  await expect(entities).toHaveCount(0);

  // Tag the first "Pyongyang" as Entity with the caret in it: its other mention is proposed.
  await placeCaret(page, article, "Pyongyang's missile launches", 'Pyongyang', 'after');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('5');
  await expect(article.locator('[data-label="Entity"][data-annotation-id]').first()).toHaveText(/^Pyongyang/);
  await expect(entities).toHaveCount(1);
  await expect(entities).toHaveText('Pyongyang');
  const key = (await entities.getAttribute('data-suggestion-key'))!;

  // Click into it and accept it.
  await entities.click();
  await page.keyboard.press('Enter');
  await expect(status(page)).toContainText('Accepted: Entity “Pyongyang”');
  await expect(entities).toHaveCount(0);
  const { start, end } = parseKey(key);
  await expect
    .poll(async () => (await documentOnDisk(host, docId)).annotations.find((a) => a.label === 'Entity' && a.start === start && a.end === end)?.origin)
    .toBe(`${ORIGIN_PREFIX}occurrence`);
  // With its coref link to the mention tagged by hand.
  const doc = await documentOnDisk(host, docId);
  const [tagged, accepted] = [...doc.annotations].sort((a, b) => a.start - b.start);
  expect(doc.relations.map((r) => [r.type, r.from, r.to])).toEqual([['coref', accepted!.id, tagged!.id]]);
});

test('on a long article, thousands of suggestions turned on at once are all drawn (in chunks), and Tab reaches the last ones', async ({
  page,
  request,
  host,
}) => {
  const paragraphs = Array.from({ length: 900 }, (_, i) => `"We will act on item ${i} this week," Minister Smith said on day ${i}, before the vote.`);
  const data = Buffer.from(`A long report\n\n${paragraphs.join('\n\n')}`).toString('base64');
  const report = await callApi<{ imported: { row: { id: string } }[] }>(request, host, 'importFiles', { files: [{ name: 'long-report.txt', data }] });
  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: 'A long report' }).click();
  const article = page.getByRole('article', { name: 'A long report' });
  await expect(article).toContainText('item 0 this week');
  await placeCaret(page, article, 'item 0 this week', 'item', 'before');
  await page.keyboard.press('s');
  const title = page.getByRole('toolbar', { name: 'Suggestions' }).locator('.cd-suggestionsbar-title');
  await expect(title).toHaveText(/^\d+ suggestions$/);
  const total = Number(/^(\d+)/.exec((await title.textContent())!)![1]);
  expect(total).toBeGreaterThan(1000);
  const drawn = () =>
    article.evaluate((el) => new Set([...el.querySelectorAll('[data-suggestion-key]')].map((g) => g.getAttribute('data-suggestion-key'))).size);
  await expect.poll(drawn, { timeout: 60_000 }).toBe(total);
  // In the last paragraph, Tab and Shift+Tab go to the suggestions drawn there last.
  const { text } = await callApi<{ text: string }>(request, host, 'getDocument', { docId: report.imported[0]!.row.id });
  const last = text.lastIndexOf('"We will act');
  await placeCaret(page, article, 'item 899 this week', 'item', 'before');
  const around = parseKey(await activeKey(article)).start; // the caret is on the suggestion holding it
  await page.keyboard.press('Tab');
  const next = parseKey(await activeKey(article)).start;
  expect(next).toBeGreaterThan(last);
  await page.keyboard.press('Shift+Tab');
  expect(parseKey(await activeKey(article)).start).toBe(around);
});

test('a damaged suggestions file: the status bar says which file and what to do; suggestions still come, and a rejection is refused, not lost silently', async ({
  page,
  request,
  host,
}) => {
  const { article, docId } = await openSeededEnvoy(page, request, host);
  const file = join(host.workspace, '.suggestions', `${docId}.json`);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, '{ not json');
  await placeCaret(page, article, 'A top U.S. envoy', 'A top', 'before');
  await page.keyboard.press('s');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`${docId}.json cannot be used`);
  await expect(alert).toContainText('move the file away');
  await expect(page.getByRole('toolbar', { name: 'Suggestions' })).toBeVisible();

  await page.keyboard.press('Tab');
  const key = await activeKey(article);
  await page.keyboard.press('x');
  await expect(alert).toContainText('Could not reject the suggestion (it is shown again)');
  await expect(ghost(article, key)).not.toHaveCount(0);
  expect(await readFile(file, 'utf8')).toBe('{ not json');
});
