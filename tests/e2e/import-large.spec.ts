/**
 * A 20 MB text file imported through the window, in Chromium through the browser host: the
 * import panel shows its progress while the file is read and imported, then the document
 * opens. (The service side, event loop included, is checked in tests/integration/large-import.test.ts.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHostProcess, type HostProcess } from './support/host';

const TITLE = 'A very long report';
let host: HostProcess;
let dir: string;

test.beforeEach(async () => {
  host = await startHostProcess();
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-large-'));
});
test.afterEach(async () => {
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** About 20 MB of plain text: a title line, then paragraphs of about 1,000 characters. */
function writeLongReport(path: string): void {
  const sentence = (i: number) =>
    `Paragraph ${i} reports that the minister met the envoy in Tokyo on day ${i % 28}, and officials said the talks would go on. `;
  const parts = [`${TITLE}\n\n`];
  let size = parts[0]!.length;
  for (let i = 0; size < 20 * 1024 * 1024; i++) {
    const paragraph = `${Array.from({ length: 8 }, (_, k) => sentence(i * 8 + k)).join('')}\n\n`;
    parts.push(paragraph);
    size += paragraph.length;
  }
  writeFileSync(path, parts.join(''));
}

test('a 20 MB text file imports with progress shown, then opens', async ({ page }) => {
  test.setTimeout(180_000);
  const path = join(dir, 'long-report.txt');
  writeLongReport(path);
  // What the import panel said while its progress bar was up, frame by frame (a fast machine may be done before a check could look).
  await page.addInitScript(() => {
    const w = window as unknown as { progressSeen: string[] };
    w.progressSeen = [];
    const watch = () => {
      const panel = document.querySelector('[role="status"][aria-label="Import report"]');
      if (panel?.querySelector('progress[aria-label="Import progress"]')) w.progressSeen.push(panel.textContent ?? '');
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  await page.goto(host.url);
  await page.getByLabel('Import files').setInputFiles(path);

  const panel = page.getByRole('status', { name: 'Import report' });
  await expect(panel.getByRole('heading', { name: 'Imported 1' })).toBeVisible({ timeout: 120_000 });
  await expect(panel.getByRole('progressbar')).toHaveCount(0);
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.some((text) => /Reading long-report\.txt|The workspace is importing long-report\.txt/.test(text))).toBe(true);
  const article = page.getByRole('article', { name: TITLE });
  await expect(article).toContainText('Paragraph 0 reports that the minister met the envoy in Tokyo', { timeout: 120_000 });
});
