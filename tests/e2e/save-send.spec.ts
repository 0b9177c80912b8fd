/**
 * When a change's save leaves the window (#14), in Chromium through the browser host. After a key
 * press Chromium runs no other task of the page before the frame that shows the key's change, so a
 * save sent from a task would wait for that frame and for React's render of the change queued
 * during the key; it leaves from the frame's callbacks instead. Checked by order, never by time:
 * a frame callback the page registers after the article has handled the key runs after the
 * session's, in the same frame, and finds the request already started.
 */
import { seedDocument } from './support/seed';
import { placeCaret } from './support/text-point';
import { ENVOY, ENVOY_SENTENCE, ENVOY_TITLE, expect, test } from './support/fixtures';

type Probe = { saveStarted: boolean; inFrame: boolean[] };
declare global {
  interface Window {
    __saveSend?: Probe;
  }
}

test('a tag made by a key is sent to the store from the frame that shows it', async ({ page, request, host }) => {
  await seedDocument(request, host, ENVOY);
  await page.addInitScript(() => {
    const probe: Probe = { saveStarted: false, inFrame: [] };
    window.__saveSend = probe;
    const realFetch = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/api/applyChanges')) probe.saveStarted = true;
      return realFetch(input, init);
    };
    // Bubbling to the window: after the article's own key handling, which applied the change.
    window.addEventListener('keydown', (event) => {
      if (event.key === '2') requestAnimationFrame(() => probe.inFrame.push(probe.saveStarted));
    });
  });
  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE }).click();
  const article = page.getByRole('article', { name: ENVOY_TITLE });
  await expect(article).toContainText(ENVOY_SENTENCE);

  await placeCaret(page, article, ENVOY_SENTENCE, 'Hill', 'before');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('2');
  await expect(article.locator('[data-label="Source"]')).toHaveText('Hill');
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
  // The frame after the key press: the save had left by the time its callbacks reached the page's.
  expect(await page.evaluate(() => window.__saveSend?.inFrame)).toEqual([true]);
});
