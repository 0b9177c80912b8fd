/**
 * The faster annotating path of #12, in Chromium through the browser host on the envoy article:
 * a claim, its source and the link between them by keyboard alone with three tagging keys
 * (1, 2, Enter: the link offered after the second tag), counted; the label bar above the
 * article (tags the selection, says what to do without one, follows schema edits, shows the
 * selected annotation's label, never moves the article); undo and redo say what they did.
 */
import type { Locator, Page } from '@playwright/test';
import type { DocumentData } from '../../shared/model/types';
import { placeCaret, selectedText, textPoint } from './support/text-point';
import { ENVOY_SENTENCE, expect, test, type Api } from './support/fixtures';
import { openSeededEnvoy } from './support/open-seeded';

const CLAIM = "I don't see any splintering. On the contrary, I see a very clear message";

/** Drags the mouse over `needle` inside the text node holding `context` (the article names Hill twice). */
async function dragOver(page: Page, article: Locator, context: string, needle: string): Promise<void> {
  const from = await textPoint(article, context, needle, 'before');
  const to = await textPoint(article, context, needle, 'after');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

const highlight = (article: Locator, id: string) => article.locator(`[data-annotation-id="${id}"]`);
const stored = (api: Api, docId: string) => api<DocumentData>('getDocument', { docId });
const statusOf = (page: Page) => page.getByRole('status', { name: 'Status', exact: true });

test('claim + source + link by keyboard: the tagging keys are 1, 2 and Enter; undo and redo say what they did', async ({
  page,
  request,
  host,
  api,
}) => {
  const { article, docId } = await openSeededEnvoy(page, request, host);
  const offer = page.getByRole('status', { name: 'Link offer' });
  // Every key this test sends goes through here, so the count below is the whole story.
  const pressed: string[] = [];
  const press = async (key: string) => {
    pressed.push(key);
    await page.keyboard.press(key);
  };
  const extendUntil = async (text: string) => {
    for (let i = 0; i < 40 && !(await selectedText(page)).includes(text); i++) await press('Control+Shift+ArrowRight');
    expect(await selectedText(page)).toContain(text);
  };

  // The one pointer gesture: a caret before the claim (a read-only article has no caret keys).
  await placeCaret(page, article, ENVOY_SENTENCE, 'I don', 'before');
  await extendUntil('clear message');
  await press('1');
  await expect(article.locator('[data-label="Claim"]')).toHaveText(CLAIM);
  await extendUntil('Hill');
  await press('2');
  await expect(article.locator('[data-label="Source"]')).toHaveText('Hill');
  await expect(offer).toContainText("Link Claim “I don't see");
  await expect(offer).toContainText('→ attributed_to → Source “Hill”? Enter links, Esc dismisses');
  await press('Enter');
  await expect(offer).toHaveCount(0);
  await expect(article.getByRole('img', { name: 'No source' })).toHaveCount(0);

  // Saved in the background: wait for the service to have the link.
  await expect.poll(async () => (await stored(api, docId)).relations.length).toBe(1);
  const doc = await stored(api, docId);
  const id = (label: string) => doc.annotations.find((a) => a.label === label)?.id;
  expect(doc.annotations.map((a) => [a.label, a.quote])).toEqual([
    ['Claim', CLAIM],
    ['Source', 'Hill'],
  ]);
  expect(doc.relations.map((r) => [r.type, r.from, r.to])).toEqual([['attributed_to', id('Claim'), id('Source')]]);
  const tagging = pressed.filter((key) => key !== 'Control+Shift+ArrowRight');
  expect(tagging).toEqual(['1', '2', 'Enter']);
  expect(pressed.length - tagging.length).toBeGreaterThan(0); // the selecting keys, counted apart

  await test.step('undo and redo say in the status bar what they undid and redid', async () => {
    await page.keyboard.press('Control+Z');
    await expect(statusOf(page)).toHaveText('Undid: link attributed_to');
    await expect(article.getByRole('img', { name: 'No source' })).toHaveCount(1);
    await page.keyboard.press('Control+Z');
    await expect(statusOf(page)).toHaveText('Undid: tag Source “Hill”');
    await page.keyboard.press('Control+Shift+Z');
    await expect(statusOf(page)).toHaveText('Redid: tag Source “Hill”');
    await expect.poll(async () => (await stored(api, docId)).annotations.length).toBe(2);
  });
});

test('a link offer is dismissed by any other key, which then does what it does', async ({ page, request, host, api }) => {
  const { article, docId } = await openSeededEnvoy(page, request, host, [{ id: 'c1', label: 'Claim', quote: CLAIM }]);
  const offer = page.getByRole('status', { name: 'Link offer' });
  await highlight(article, 'c1').first().click();
  await dragOver(page, article, 'Hill said after', 'Hill');
  await page.keyboard.press('2');
  await expect(offer).toContainText('→ attributed_to → Source “Hill”');
  // k moves to the previous annotation, as always, and the offer is gone: Enter then links nothing.
  await page.keyboard.press('k');
  await expect(offer).toHaveCount(0);
  await expect(highlight(article, 'c1').first()).toHaveClass(/is-selected/);
  await page.keyboard.press('Enter');
  await expect(article.getByRole('img', { name: 'No source' })).toHaveCount(1);
  expect((await stored(api, docId)).relations).toEqual([]);
});

test('the label bar tags the selection, says what to do without one, follows the schema and the selection, and never moves the article', async ({
  page,
  request,
  host,
  api,
}) => {
  const { article, docId } = await openSeededEnvoy(page, request, host, [{ id: 'c1', label: 'Claim', quote: CLAIM }]);
  const bar = page.getByRole('toolbar', { name: 'Labels' });
  const button = (name: string) => bar.getByRole('button', { name: new RegExp(`^${name}`) });
  const top = () => article.evaluate((el) => el.getBoundingClientRect().top);
  await expect(bar.getByRole('button')).toHaveText(['Claim1', 'Source2', 'Cue3', 'Evidence4', 'Entity5']);
  const articleTop = await top();
  const barHeight = await bar.evaluate((el) => el.getBoundingClientRect().height);

  await test.step('without a selection it says what to do, and tags nothing', async () => {
    await button('Source').click();
    await expect(statusOf(page)).toContainText('Select some text');
    expect((await stored(api, docId)).annotations).toHaveLength(1);
  });

  await test.step('with one, it tags it (snapped to words) and shows the new annotation’s label pressed', async () => {
    await dragOver(page, article, 'Hill said after', 'ill');
    await button('Source').click();
    await expect(article.locator('[data-label="Source"]')).toHaveText('Hill');
    await expect(button('Source')).toHaveAttribute('aria-pressed', 'true');
    await expect(button('Claim')).toHaveAttribute('aria-pressed', 'false');
    await highlight(article, 'c1').first().click();
    await expect(button('Claim')).toHaveAttribute('aria-pressed', 'true');
    await expect(button('Source')).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(async () => (await stored(api, docId)).annotations.map((a) => [a.label, a.quote])).toContainEqual(['Source', 'Hill']);
  });

  await test.step('a schema edit shows at once', async () => {
    await page.getByRole('button', { name: 'Schema…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit schema' });
    await dialog.getByRole('list', { name: 'Labels' }).getByRole('button', { name: 'Cue' }).click();
    await dialog.getByLabel('Label name').fill('Attribution cue');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(bar.getByRole('button')).toHaveText(['Claim1', 'Source2', 'Attribution cue3', 'Evidence4', 'Entity5']);
  });

  await test.step('the article did not move: the bar kept its height through every change', async () => {
    await page.getByRole('main', { name: 'Reader' }).evaluate((el) => el.scrollTo(0, 0));
    expect(await bar.evaluate((el) => el.getBoundingClientRect().height)).toBe(barHeight);
    expect(await top()).toBe(articleTop);
  });
});

test('with the mouse: drag, 1, drag, 2, Enter links the claim to its source even when the claim was no longer selected', async ({
  page,
  request,
  host,
  api,
}) => {
  const { article, docId } = await openSeededEnvoy(page, request, host);
  const offer = page.getByRole('status', { name: 'Link offer' });
  await dragOver(page, article, ENVOY_SENTENCE, CLAIM);
  await page.keyboard.press('1');
  await expect(article.locator('[data-label="Claim"]')).toHaveText(CLAIM);
  // A click in plain text (as an analyst does before the next selection) clears the selected claim.
  await placeCaret(page, article, 'Hill said after', 'after', 'before');
  await page.keyboard.press('Escape');
  await expect(article.locator('.is-selected')).toHaveCount(0);
  await dragOver(page, article, 'Hill said after', 'Hill');
  await page.keyboard.press('2');
  await expect(offer).toContainText("Link Claim “I don't see");
  await page.keyboard.press('Enter');
  await expect(offer).toHaveCount(0);
  // Saved in the background: wait for the service to have the link.
  await expect.poll(async () => (await stored(api, docId)).relations.length).toBe(1);
  const doc = await stored(api, docId);
  const id = (label: string) => doc.annotations.find((a) => a.label === label)?.id;
  expect(doc.relations.map((r) => [r.type, r.from, r.to])).toEqual([['attributed_to', id('Claim'), id('Source')]]);
});
