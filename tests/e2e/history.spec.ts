/**
 * Earlier versions and the trash, from the UI: a saved change can be rolled back to the version
 * before it, and a document moved to the trash comes back from the Trash dialog intact.
 */
import { ENVOY, ENVOY_TITLE, expect, test } from './support/fixtures';

test('restore an earlier version, move to the trash and restore from it', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByLabel('Import files').setInputFiles(ENVOY);
  const docs = page.getByRole('listbox', { name: 'Documents' });
  await expect(page.getByRole('status', { name: 'Import report' })).toBeHidden(); // a successful import's report closes by itself
  await docs.getByRole('option', { name: ENVOY_TITLE }).click();
  const details = page.getByRole('complementary', { name: 'Document details' });
  const status = details.getByRole('radiogroup', { name: 'Document status' });

  await test.step('Marking it done saves a version, and restoring the version before it brings back New', async () => {
    await status.getByRole('radio', { name: 'Done' }).click();
    await expect(page.getByRole('status', { name: 'Save status' })).toContainText('Saved');
    const versions = details.getByRole('list', { name: 'Earlier versions' });
    await expect(versions.getByRole('listitem')).toHaveCount(1);
    await versions.getByRole('button', { name: /Restore the version saved/ }).click();
    await expect(status.getByRole('radio', { name: 'New' })).toBeChecked();
    await expect(docs.getByRole('option', { name: ENVOY_TITLE })).toContainText('New');
  });

  await test.step('Moved to the trash, it leaves the list', async () => {
    await details.getByRole('button', { name: 'Move to trash…' }).click();
    await details.getByRole('button', { name: 'Move to trash', exact: true }).click();
    await expect(docs.getByRole('option')).toHaveCount(0);
  });

  await test.step('Restored from the Trash dialog, it is listed again with its text intact', async () => {
    await page.getByRole('button', { name: 'Trash…' }).click();
    const trash = page.getByRole('dialog', { name: 'Trash' });
    await trash.getByRole('button', { name: `Restore ${ENVOY_TITLE}` }).click();
    await expect(trash.getByText('The trash is empty.')).toBeVisible();
    await trash.getByRole('button', { name: 'Close' }).click();
    await expect(docs.getByRole('option', { name: ENVOY_TITLE })).toBeVisible();
    await docs.getByRole('option', { name: ENVOY_TITLE }).click();
    await expect(page.getByRole('article', { name: ENVOY_TITLE })).toContainText('splintering');
  });
});
