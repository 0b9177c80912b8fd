/**
 * Importing by dropping files on the window, in Chromium through the browser host, with files
 * dragged from disk through Chromium's own drag input: the window shows where to drop while
 * files hover, the dropped articles go into the workspace (listed, the first opened, written
 * to documents/), and a dropped folder is reported by name while the other files still go in.
 * The browser workbench has no Import Folder (that is the desktop window's File menu); what it
 * offers for a folder is this report.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dragFilesOver } from './support/file-drag';
import { ENVOY_TITLE, SAMPLES, expect, test } from './support/fixtures';

test('files dropped anywhere on the window are imported; a dropped folder is reported by name', async ({ page, host }) => {
  const folder = await mkdtemp(join(tmpdir(), 'claimdesk-e2e-dropped-folder-'));
  try {
    await writeFile(join(folder, 'inside.txt'), 'Inside\n\nAn article in a folder.\n');
    await page.goto(host.url);
    await expect(page.getByText(/No articles yet/)).toBeVisible();
    const list = page.getByRole('listbox', { name: 'Documents' });
    const overlay = page.getByText('Drop to import');
    await expect(overlay).toBeHidden();

    const drag = await dragFilesOver(page, [join(SAMPLES, 'us-envoy-arrives-in-japan.txt'), join(SAMPLES, 'heatwave-grid-warning.md'), folder]);
    await expect(overlay).toBeVisible();
    await drag.drop();
    await expect(overlay).toBeHidden();

    const report = page.getByRole('status', { name: 'Import report' });
    await expect(report.getByRole('heading')).toHaveText('Imported 2');
    await expect(report).toContainText('1 failed');
    const failed = report.getByRole('listitem').filter({ hasText: 'folders cannot be imported' });
    await expect(failed).toHaveCount(1);
    await expect(failed).toContainText(folder.split('/').pop()!);
    await expect(list.getByRole('option')).toHaveCount(2);
    await expect(page.getByRole('article', { name: ENVOY_TITLE })).toContainText("I don't see any splintering");
    // One folder per document, each with its article file.
    const folders = await readdir(join(host.workspace, 'documents'));
    expect(folders).toHaveLength(2);
    for (const id of folders) expect(await readdir(join(host.workspace, 'documents', id))).toContain('article.json');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
