/**
 * Going through the document list (#14): before any document is open, the documents on the
 * list's first screen are loaded while the analyst looks at the list, and once one is open, the
 * documents either side of it, so that opening one (a click, or Down, Enter) draws it from what
 * is already loaded instead of asking the service again; the document so opened is annotated and
 * saved like any other.
 */
import { expect, test } from './support/fixtures';
import { dragSelect } from './support/select-text';

test.use({ seeded: true });

test('the documents on the list are loaded while the analyst reads, open without asking the service again, and save', async ({ page, host, api }) => {
  const asked: string[] = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname === '/api/getDocument') asked.push((req.postDataJSON() as { docId: string }).docId);
  });
  await page.goto(host.url);
  const list = page.getByRole('listbox', { name: 'Documents' });
  const options = list.getByRole('option');
  await expect(options).toHaveCount(4);
  const rows = await options.evaluateAll((els) =>
    els.map((el) => ({ id: el.id.replace(/^doc-option-/, ''), title: document.getElementById(`${el.id}-title`)?.textContent ?? '' })),
  );
  const [, second, third] = rows as [unknown, { id: string; title: string }, { id: string; title: string }];

  // Every row on the list's first screen is asked for once, without anyone opening it.
  await expect.poll(() => rows.every((r) => asked.includes(r.id))).toBe(true);
  await options.nth(1).click();
  await expect(page.getByRole('article', { name: second.title })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const article = page.getByRole('article', { name: third.title });
  await expect(article).toBeVisible();
  for (const r of rows) expect(asked.filter((id) => id === r.id)).toHaveLength(1);

  // The document opened from what was loaded ahead is annotated and saved like any other.
  type Stored = { annotations: unknown[] };
  const storedBefore = (await api<Stored>('getDocument', { docId: third.id })).annotations.length;
  const before = await article.locator('[data-annotation-id]').count();
  const paragraph = article.locator('p').last();
  await dragSelect(page, paragraph, ((await paragraph.textContent()) ?? '').split(' ').slice(0, 3).join(' '));
  await page.keyboard.press('1');
  await expect(article.locator('[data-annotation-id]')).not.toHaveCount(before);
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
  expect((await api<Stored>('getDocument', { docId: third.id })).annotations).toHaveLength(storedBefore + 1);
});

test('a document whose load ahead failed is asked for again from the click itself, before the window renders', async ({ page, host }) => {
  // Records, as they are made, the API calls the page makes (fetch is what both the app and the host use).
  await page.addInitScript(() => {
    const calls: string[] = [];
    Object.assign(window, { __calls: calls });
    const real = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(String(input instanceof Request ? input.url : input).split('/api/')[1] ?? '');
      return real(input, init);
    };
  });
  // The first request for each document fails, as when the host did not answer: the loads ahead are forgotten.
  const refused = new Set<string>();
  await page.route('**/api/getDocument', async (route) => {
    const { docId } = route.request().postDataJSON() as { docId: string };
    if (refused.has(docId)) return route.continue();
    refused.add(docId);
    return route.abort();
  });
  await page.goto(host.url);
  const options = page.getByRole('listbox', { name: 'Documents' }).getByRole('option');
  await expect(options).toHaveCount(4);
  const second = (await options.nth(1).getAttribute('id'))!;
  await expect.poll(() => refused.has(second.replace(/^doc-option-/, ''))).toBe(true);
  // What was asked for by the time click() returns: nothing has rendered yet (React renders after the event).
  const asked = await page.evaluate((id) => {
    const calls = (window as unknown as { __calls: string[] }).__calls;
    const before = calls.length;
    document.getElementById(id)!.click();
    return calls.slice(before);
  }, second);
  expect(asked).toContain('getDocument');
  await expect(page.getByRole('article')).toBeVisible();
});

test('from the list, a slow document shows "Opening…" until it arrives, and a later click wins over an earlier one still on its way', async ({
  page,
  host,
}) => {
  // The answers for one document are held until the test lets them go; every answer waits until
  // the test knows which one that is (the list's rows are loaded ahead as soon as they show).
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let known = () => {};
  const isKnown = new Promise<void>((resolve) => (known = resolve));
  let slowId = '';
  await page.route('**/api/getDocument', async (route) => {
    await isKnown;
    if ((route.request().postDataJSON() as { docId: string }).docId === slowId) await held;
    await route.continue();
  });
  await page.goto(host.url);
  const options = page.getByRole('listbox', { name: 'Documents' }).getByRole('option');
  await expect(options).toHaveCount(4);
  const rows = await options.evaluateAll((els) =>
    els.map((el) => ({ id: el.id.replace(/^doc-option-/, ''), title: document.getElementById(`${el.id}-title`)?.textContent ?? '' })),
  );
  const [first, , third] = rows as [{ id: string; title: string }, unknown, { id: string; title: string }];
  slowId = first.id;
  known();

  await options.first().click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByText('Opening…')).toBeVisible();
  // Another document chosen meanwhile opens; the first one's late answer does not take its place.
  await options.nth(2).click();
  await expect(page.getByRole('article', { name: third.title })).toBeVisible();
  const late = page.waitForResponse((res) => (res.request().postDataJSON() as { docId: string }).docId === first.id);
  release();
  await late;
  await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('article', { name: third.title })).toBeVisible();
  await expect(page.getByRole('article', { name: first.title })).toHaveCount(0);

  // Clicked again now that it has arrived, the first one opens.
  await options.first().click();
  await expect(page.getByRole('article', { name: first.title })).toBeVisible();
});

test('a long article on the list is read ahead by the service, not loaded into the window, and opens', async ({ page, host, api }) => {
  // A 210,000-character article: longer than the window loads ahead itself.
  const paragraph = 'The committee said on Tuesday that the review of the harbour project would take another year. ';
  const text = `A very long report\n\n${Array.from({ length: 2_200 }, () => paragraph).join('\n\n')}`;
  const report = await api<{ imported: { row: { id: string; title: string } }[] }>('importFiles', {
    files: [{ name: 'long-report.txt', data: Buffer.from(text).toString('base64') }],
  });
  const long = report.imported[0]!.row;
  const asked: { method: string; body: { docId?: string; docIds?: string[] } }[] = [];
  page.on('request', (req) => {
    const method = new URL(req.url()).pathname.replace('/api/', '');
    if (method === 'getDocument' || method === 'readAhead') asked.push({ method, body: req.postDataJSON() as { docId?: string; docIds?: string[] } });
  });
  await page.goto(host.url);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(5);
  await expect.poll(() => asked.some((a) => a.method === 'readAhead' && a.body.docIds?.includes(long.id))).toBe(true);
  expect(asked.filter((a) => a.method === 'getDocument' && a.body.docId === long.id)).toHaveLength(0);
  await page.locator(`#doc-option-${long.id}`).click();
  await expect(page.getByRole('article', { name: long.title })).toBeVisible();
  await expect(page.getByRole('article', { name: long.title })).toContainText('review of the harbour project');
});
