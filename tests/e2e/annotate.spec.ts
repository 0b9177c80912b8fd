/**
 * The annotating flow as an analyst works it, in Chromium through the browser host, on the
 * envoy article: mark a claim by keyboard and a source by mouse, link them, set attributes
 * and a note, undo and redo, reload and find everything as it was (read back through the
 * API too), delete; overlapping and nested spans stay visible and clickable; an unsourced
 * claim is flagged until it is linked.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { DocumentData, DocumentRow } from '../../shared/model/types';
import { ENVOY, ENVOY_SENTENCE, ENVOY_TITLE, SAMPLES, expect, test, type Api } from './support/fixtures';
import type { HostProcess } from './support/host';

const CLAIM = "I don't see any splintering. On the contrary, I see a very clear message";
const SECOND_CLAIM = 'All countries are showing resolve in the ways that they can';

async function openEnvoy(page: Page, host: HostProcess): Promise<Locator> {
  await page.goto(host.url);
  await page.getByLabel('Import files').setInputFiles(ENVOY);
  const article = page.getByRole('article', { name: ENVOY_TITLE });
  await expect(article).toContainText(ENVOY_SENTENCE);
  return article;
}

type Point = Readonly<{ x: number; y: number }>;

/**
 * The viewport point at the left edge of the first character (`edge` 'start') or the right
 * edge of the last character ('end') of `needle`, inside the text node that holds `context`
 * (so a word that occurs earlier in the article is not picked by mistake), scrolled to the
 * middle of the reader first unless `scroll` is false.
 */
async function pointAt(scope: Locator, context: string, needle: string, edge: 'start' | 'end', scroll = true): Promise<Point> {
  const point = await scope.evaluate(
    (root, [ctx, want, side, doScroll]) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(ctx) ?? -1;
        if (at < 0) continue;
        const offset = at + ctx.indexOf(want) + (side === 'start' ? 0 : want.length - 1);
        if (doScroll) node.parentElement?.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const r = range.getBoundingClientRect();
        return { x: side === 'start' ? r.left + 1 : r.right - 0.5, y: r.top + r.height / 2 };
      }
      return null;
    },
    [context, needle, edge, scroll] as const,
  );
  if (!point) throw new Error(`"${context}" is not in one text node of the article`);
  return point;
}

/** Drags the mouse from one point to another, as a user selecting text. */
async function drag(page: Page, from: Point, to: Point): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

/** Selects `needle` with the mouse, inside the text node that holds `context`. */
async function dragOver(page: Page, article: Locator, context: string, needle: string): Promise<void> {
  await drag(page, await pointAt(article, context, needle, 'start'), await pointAt(article, context, needle, 'end', false));
}

const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

async function storedEnvoy(api: Api): Promise<DocumentData> {
  const rows = await api<DocumentRow[]>('listDocuments', null);
  return api<DocumentData>('getDocument', { docId: rows[0]!.id });
}

const highlight = (article: Locator, id: string) => article.locator(`[data-annotation-id="${id}"]`);

test('mark a claim by keyboard and its source by mouse, link, edit, undo, redo, reload, delete', async ({ page, host, api }) => {
  let listCalls = 0;
  page.on('request', (r) => void (r.url().endsWith('/api/listDocuments') && listCalls++));
  const article = await openEnvoy(page, host);
  const details = page.getByRole('complementary', { name: 'Annotation details' });
  const saveStatus = page.getByRole('status', { name: 'Save status' });

  const { claims, claimId } =
    await test.step('The claim, by keyboard: a caret before the opening quote, then Ctrl+Shift+Right word by word', async () => {
      const quoteMark = await pointAt(article, ENVOY_SENTENCE, '"I', 'start');
      await page.mouse.click(quoteMark.x, quoteMark.y);
      for (let i = 0; i < 40 && !(await selectedText(page)).includes('clear message'); i++) await page.keyboard.press('Control+Shift+ArrowRight');
      expect(await selectedText(page)).toContain('"I don\'t see any splintering.');
      await page.keyboard.press('1');

      const claims = article.locator('[data-label="Claim"]');
      await expect(claims).toHaveCount(1);
      await expect(claims).toHaveText(CLAIM);
      const claimId = (await claims.getAttribute('data-annotation-id'))!;
      await expect(details.getByRole('combobox', { name: 'Label', exact: true })).toHaveValue('Claim');
      await expect(details.getByRole('blockquote', { name: 'Quote' })).toHaveText(CLAIM);
      // No attribute is set (an unset attribution counts as reported), and no source yet: flagged in the article and the panel.
      await expect(claims).toHaveClass(/is-unsourced/);
      await expect(article.getByRole('img', { name: 'No source' })).toHaveCount(1);
      await expect(details.getByRole('note')).toContainText('No source linked yet');
      return { claims, claimId };
    });

  const sourceId = await test.step('The source, by mouse and the label menu', async () => {
    await dragOver(page, article, 'Hill said after arriving', 'Hill');
    await page.getByRole('toolbar', { name: 'Tag selection' }).getByRole('button', { name: 'Source', exact: true }).click();
    const sources = article.locator('[data-label="Source"]');
    await expect(sources).toHaveText('Hill');
    const sourceId = (await sources.getAttribute('data-annotation-id'))!;
    await expect(details.getByRole('combobox', { name: 'Label', exact: true })).toHaveValue('Source');
    await expect(page.getByRole('toolbar', { name: 'Tag selection' })).toHaveCount(0);
    return sourceId;
  });

  await test.step('Hovering a highlight shows its label and its flag', async () => {
    await claims.hover();
    const card = page.getByRole('tooltip');
    await expect(card).toContainText('Claim');
    await expect(card).toContainText('No source linked');
  });

  await test.step("Link: select the claim, L, the source is the keyboard's candidate, Enter", async () => {
    await claims.click();
    await expect(details.getByRole('combobox', { name: 'Label', exact: true })).toHaveValue('Claim');
    await page.keyboard.press('l');
    await expect(page.getByRole('region', { name: 'Link mode' })).toContainText('Linking Claim');
    await expect(highlight(article, sourceId)).toHaveClass(/is-candidate-active/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Link mode' })).toHaveCount(0);
    const links = details.getByRole('list', { name: 'Links' });
    await expect(links).toContainText('attributed_to');
    await expect(links).toContainText('Hill');
    await expect(article.getByRole('img', { name: 'No source' })).toHaveCount(0);
    await expect(article.getByRole('img', { name: 'Source: Hill' })).toBeVisible();
    await expect(claims).not.toHaveClass(/is-unsourced/);
    await expect(highlight(article, sourceId)).toHaveClass(/is-linked/);
    await expect(page.locator('.cd-link-arc')).toHaveCount(1);
  });

  const note = await test.step('Attributes and a note', async () => {
    await details.getByRole('combobox', { name: 'checkworthy', exact: true }).selectOption('yes');
    await details.getByRole('combobox', { name: 'quote_form', exact: true }).selectOption('direct');
    await details.getByRole('combobox', { name: 'claim_type', exact: true }).selectOption('opinion');
    const note = details.getByRole('textbox', { name: 'Note', exact: true });
    await note.fill('Hill denies any split among the six parties.');
    await note.blur();
    await expect(saveStatus).toHaveText('Saved');
    return note;
  });

  await test.step('Undo and redo by keyboard (not while typing in a field)', async () => {
    await article.focus();
    await page.keyboard.press('Control+Z');
    await expect(note).toHaveValue('');
    await page.keyboard.press('Control+Z');
    await expect(details.getByRole('combobox', { name: 'claim_type', exact: true })).toHaveValue(''); // unset again
    await page.keyboard.press('Control+Shift+Z');
    await expect(details.getByRole('combobox', { name: 'claim_type', exact: true })).toHaveValue('opinion');
    await page.keyboard.press('Control+Y');
    await expect(note).toHaveValue('Hill denies any split among the six parties.');
  });

  await test.step('Document status goes through the same operations: undoable, and the list row follows', async () => {
    await page.keyboard.press('Escape');
    await expect(details).toHaveCount(0);
    const envoyRow = page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE });
    await expect(envoyRow).toContainText('In progress'); // since the first annotation
    await page.getByRole('radiogroup', { name: 'Document status' }).getByRole('radio', { name: 'Done' }).check();
    await expect(envoyRow).toContainText('Done');
    await expect(envoyRow).toContainText('2 annotations');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(envoyRow).toContainText('In progress');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(envoyRow).toContainText('Done');
    await expect(saveStatus).toHaveText('Saved');
    // The row was updated from the saves' acknowledgements: the next polls reload no list.
    const listed = listCalls;
    await page.waitForResponse('**/api/getWorkspace');
    await page.waitForResponse('**/api/getWorkspace');
    expect(listCalls).toBe(listed);
  });

  await test.step('Reload: exactly what was there', async () => {
    await page.reload();
    await expect(article).toContainText(ENVOY_SENTENCE);
    await expect(highlight(article, claimId)).toHaveAttribute('data-label', 'Claim');
    await expect(highlight(article, sourceId)).toHaveText('Hill');
    await expect(article.getByRole('img', { name: 'Source: Hill' })).toBeVisible();
    await highlight(article, claimId).click();
    await expect(details.getByRole('combobox', { name: 'checkworthy', exact: true })).toHaveValue('yes');
    await expect(details.getByRole('combobox', { name: 'claim_type', exact: true })).toHaveValue('opinion');
    await expect(details.getByRole('textbox', { name: 'Note', exact: true })).toHaveValue('Hill denies any split among the six parties.');
    await expect(details.getByRole('list', { name: 'Links' })).toContainText('Hill');
  });

  await test.step("And the store holds exactly that, at the worked example's offsets", async () => {
    const stored = await storedEnvoy(api);
    const { author } = await api<{ author: string }>('getPreferences', null);
    for (const a of stored.annotations) {
      expect(stored.text.slice(a.start, a.end)).toBe(a.quote);
      expect(a.author).toBe(author);
    }
    const sentence = stored.text.indexOf(ENVOY_SENTENCE);
    const claim = stored.annotations.find((a) => a.id === claimId)!;
    const source = stored.annotations.find((a) => a.id === sourceId)!;
    expect([claim.label, claim.start - sentence, claim.end - sentence, claim.quote]).toEqual(['Claim', 1, 73, CLAIM]);
    expect([source.label, source.start - sentence, source.end - sentence, source.quote]).toEqual(['Source', 76, 80, 'Hill']);
    expect(stored.relations.map((r) => [r.type, r.from, r.to, r.author])).toEqual([['attributed_to', claimId, sourceId, author]]);
    // Exactly what the analyst chose: nothing for the attributes nobody set.
    expect(claim.attributes).toEqual({ checkworthy: 'yes', claim_type: 'opinion', quote_form: 'direct' });
    expect(source.attributes).toEqual({});
    expect(claim.note).toBe('Hill denies any split among the six parties.');
    expect(stored.status).toBe('done');
  });

  await test.step('Delete the source (its link goes with it): the claim is flagged again. Undo brings both back', async () => {
    await highlight(article, sourceId).click();
    await expect(details.getByRole('combobox', { name: 'Label', exact: true })).toHaveValue('Source');
    await page.keyboard.press('Delete');
    await expect(highlight(article, sourceId)).toHaveCount(0);
    await expect(article.getByRole('img', { name: 'No source' })).toHaveCount(1);
    await expect(saveStatus).toHaveText('Saved');
    expect((await storedEnvoy(api)).relations).toEqual([]);
    await page.keyboard.press('Control+Z');
    await expect(highlight(article, sourceId)).toHaveText('Hill');
    await expect(article.getByRole('img', { name: 'Source: Hill' })).toBeVisible();
    await expect(saveStatus).toHaveText('Saved');
    expect((await storedEnvoy(api)).relations).toHaveLength(1);
  });

  await test.step("Delete the claim with the details panel's button", async () => {
    await highlight(article, claimId).click();
    await details.getByRole('button', { name: 'Delete' }).click();
    await expect(highlight(article, claimId)).toHaveCount(0);
    await expect(saveStatus).toHaveText('Saved');
    const after = await storedEnvoy(api);
    expect(after.annotations.map((a) => a.id)).toEqual([sourceId]);
    expect(after.relations).toEqual([]);
  });
});

test('overlapping and nested spans stay readable and clickable; links are drawn', async ({ page, host, api }) => {
  const article = await openEnvoy(page, host);
  const details = page.getByRole('complementary', { name: 'Annotation details' });
  const menu = page.getByRole('toolbar', { name: 'Tag selection' });
  const label = details.getByRole('combobox', { name: 'Label', exact: true });

  const { entity, source } =
    await test.step('A claim by mouse (snapped: the quotation marks and comma are trimmed), Evidence around the attribution, a Source inside it, a Cue inside both', async () => {
      await dragOver(page, article, ENVOY_SENTENCE, '"I don\'t see any splintering. On the contrary, I see a very clear message,"');
      await menu.getByRole('button', { name: 'Claim', exact: true }).click();
      await expect(article.locator('[data-label="Claim"]')).toHaveText(CLAIM);
      await dragOver(page, article, 'Hill said after arriving in Tokyo', 'Hill said after arriving in Tokyo');
      await menu.getByRole('button', { name: 'Evidence', exact: true }).click();
      await dragOver(page, article, 'Hill said after arriving in Tokyo', 'Hill');
      await page.keyboard.press('2');
      await dragOver(page, article, 'said after arriving in Tokyo', 'said');
      await page.keyboard.press('3');
      // A second quote, left without a source: a caret before it, then Alt+Shift+Down extends to the sentence's end (inside the quotation).
      const secondStart = await pointAt(article, SECOND_CLAIM, 'All', 'start');
      await page.mouse.click(secondStart.x, secondStart.y);
      await page.keyboard.press('Alt+Shift+ArrowDown');
      expect(await selectedText(page)).toBe(`${SECOND_CLAIM}.`);
      await page.keyboard.press('1');
      await expect(article.locator('[data-label="Claim"]').filter({ hasText: 'All countries' })).toHaveText(SECOND_CLAIM);
      // An entity across two paragraphs.
      await drag(
        page,
        await pointAt(article, 'CountryWatch: Japan', 'CountryWatch', 'start'),
        await pointAt(article, 'CountryWatch: North Korea', 'Korea', 'end', false),
      );
      await page.keyboard.press('5');

      const id = async (name: string) => (await article.locator(`[data-label="${name}"]`).first().getAttribute('data-annotation-id'))!;
      const [evidence, cue, entity] = [await id('Evidence'), await id('Cue'), await id('Entity')];
      const source = await id('Source');
      // Every span has its own element; the cue's sits inside the evidence's, and each is clickable.
      await expect(highlight(article, cue)).toHaveText('said');
      await expect(article.locator(`[data-annotation-id="${evidence}"] [data-annotation-id="${cue}"]`)).toHaveCount(1);
      await expect(highlight(article, evidence).filter({ hasText: 'after arriving' })).toHaveCount(1);
      await highlight(article, cue).click();
      await expect(label).toHaveValue('Cue');
      await highlight(article, evidence).filter({ hasText: 'after arriving' }).click();
      await expect(label).toHaveValue('Evidence');
      // Clicking a nested span again walks out to the span enclosing it. (Two points apart, so
      // the browser does not take the second click for a double click, which selects a word.)
      const box = (await highlight(article, cue).boundingBox())!;
      await highlight(article, cue).click({ position: { x: 2, y: box.height / 2 } });
      await expect(label).toHaveValue('Cue');
      await highlight(article, cue).click({ position: { x: box.width - 2, y: box.height / 2 } });
      await expect(label).toHaveValue('Evidence');
      // The cross-paragraph entity is drawn in both paragraphs.
      await expect(highlight(article, entity)).toHaveCount(2);
      return { entity, source };
    });

  await test.step('Moving through annotations in document order: j / k and Tab / Shift+Tab', async () => {
    await page.keyboard.press('j');
    await expect(label).toHaveValue('Source');
    await page.keyboard.press('j');
    await expect(label).toHaveValue('Cue');
    await page.keyboard.press('Shift+Tab');
    await expect(label).toHaveValue('Source');
    await page.keyboard.press('k');
    await expect(label).toHaveValue('Evidence');
    await page.keyboard.press('k');
    await expect(label).toHaveValue('Claim');
    await page.keyboard.press('Escape');
    await expect(details).toHaveCount(0);
  });

  await test.step('Both claims are flagged; linking the first by clicking its source clears its flag only', async () => {
    await expect(article.getByRole('img', { name: 'No source' })).toHaveCount(2);
    const firstClaim = article.locator('[data-label="Claim"]').first();
    await firstClaim.click();
    await details.getByRole('button', { name: 'Link…' }).click();
    await expect(page.getByRole('region', { name: 'Link mode' })).toBeVisible();
    await highlight(article, source).click();
    await expect(details.getByRole('list', { name: 'Links' })).toContainText('Hill');
    await expect(article.getByRole('img', { name: 'No source' })).toHaveCount(1);
    await expect(page.locator('.cd-link-arc')).toHaveCount(1);

    await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
    const stored = await storedEnvoy(api);
    expect(stored.annotations).toHaveLength(6);
    for (const a of stored.annotations) expect(stored.text.slice(a.start, a.end)).toBe(a.quote);
    expect(stored.annotations.find((a) => a.id === entity)?.quote).toBe('CountryWatch: Japan\n\nCountryWatch: North Korea');

    await expect(page.getByRole('status', { name: 'Import report' })).toBeHidden(); // a successful import's report closes by itself
    await page.mouse.move(0, 0);
    await firstClaim.scrollIntoViewIfNeeded();
    await page.getByRole('main', { name: 'Reader' }).evaluate((el) => el.scrollBy(0, -140));
    mkdirSync(join('test-results', 'screenshots'), { recursive: true });
    await page.screenshot({ path: test.info().outputPath('annotated-article.png') });
    await page.screenshot({ path: join('test-results', 'screenshots', 'annotated-article.png') });
  });
});

test('undo history survives switching to another document and back', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByLabel('Import files').setInputFiles([ENVOY, join(SAMPLES, 'heatwave-grid-warning.md')]);
  const list = page.getByRole('listbox', { name: 'Documents' });
  await expect(list.getByRole('option')).toHaveCount(2);
  await list.getByRole('option', { name: ENVOY_TITLE }).click();
  const article = page.getByRole('article', { name: ENVOY_TITLE });
  await expect(article).toContainText(ENVOY_SENTENCE);
  await dragOver(page, article, 'Hill said after arriving', 'Hill');
  await page.keyboard.press('2');
  await expect(article.locator('[data-label="Source"]')).toHaveText('Hill');

  await list.getByRole('option').filter({ hasNotText: ENVOY_TITLE }).click();
  await expect(article).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await list.getByRole('option', { name: ENVOY_TITLE }).click();
  await expect(article.locator('[data-label="Source"]')).toHaveText('Hill');
  await page.keyboard.press('Control+Z');
  await expect(article.locator('[data-label="Source"]')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+Z');
  await expect(article.locator('[data-label="Source"]')).toHaveText('Hill');
});
