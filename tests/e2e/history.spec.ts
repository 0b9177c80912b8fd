/**
 * Earlier versions and the trash, from the UI: a saved change can be rolled back to the version
 * before it, and a document moved to the trash comes back from the Trash dialog intact.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHostProcess, type HostProcess } from './support/host';

const ENVOY = join(import.meta.dirname, '..', '..', 'samples', 'us-envoy-arrives-in-japan.txt');
const TITLE = 'U.S. Envoy Arrives in Japan to Talk North Korea';

let host: HostProcess;
test.beforeEach(async () => {
  host = await startHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

test('restore an earlier version, move to the trash and restore from it', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('Import files').setInputFiles(ENVOY);
  const docs = page.getByRole('listbox', { name: 'Documents' });
  await page.getByRole('button', { name: 'Dismiss import report' }).click();
  await docs.getByRole('option', { name: TITLE }).click();
  const details = page.getByRole('complementary', { name: 'Document details' });
  const status = details.getByRole('radiogroup', { name: 'Document status' });

  await status.getByRole('radio', { name: 'Done' }).click();
  await expect(page.getByRole('status', { name: 'Save status' })).toContainText('Saved');
  const versions = details.getByRole('list', { name: 'Earlier versions' });
  await expect(versions.getByRole('listitem')).toHaveCount(1);
  await versions.getByRole('button', { name: /Restore the version saved/ }).click();
  await expect(status.getByRole('radio', { name: 'New' })).toBeChecked();
  await expect(docs.getByRole('option', { name: TITLE })).toContainText('New');

  await details.getByRole('button', { name: 'Move to trash…' }).click();
  await details.getByRole('button', { name: 'Move to trash', exact: true }).click();
  await expect(docs.getByRole('option')).toHaveCount(0);

  await page.getByRole('button', { name: 'Trash…' }).click();
  const trash = page.getByRole('dialog', { name: 'Trash' });
  await trash.getByRole('button', { name: `Restore ${TITLE}` }).click();
  await expect(trash.getByText('The trash is empty.')).toBeVisible();
  await trash.getByRole('button', { name: 'Close' }).click();
  await expect(docs.getByRole('option', { name: TITLE })).toBeVisible();
  await docs.getByRole('option', { name: TITLE }).click();
  await expect(page.getByRole('article', { name: TITLE })).toContainText('splintering');
});
