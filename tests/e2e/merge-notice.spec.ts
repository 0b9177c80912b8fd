/**
 * Workspace-level changes a git sync found made differently on two machines (claimdesk.json's
 * `conflicts`, written by the merge) are shown across the window, each as a sentence, until the
 * schema is saved: in Chromium through the browser host, with claimdesk.json changed on disk as a
 * sync leaves it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ENVOY, ENVOY_TITLE, expect, test } from './support/fixtures';
import { importArticle } from './support/layers';
import { layerFileOnDisk } from './support/seed';

test('a sync’s workspace-level conflicts are listed until the schema is saved', async ({ page, host, api }) => {
  const { id } = await importArticle(api, ENVOY);
  const file = join(host.workspace, 'claimdesk.json');
  const index = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const conflicts = [
    { field: `documents.${id}.deleted`, values: [false, true] },
    { field: 'schema.labels.Claim.color', values: ['#aa0000', '#00aa00'] },
  ];
  await writeFile(file, JSON.stringify({ ...index, conflicts }, null, 2));
  await expect.poll(async () => (await api<{ schemaConflicts: unknown[] }>('getWorkspace', {})).schemaConflicts).toHaveLength(2);

  await page.goto(host.url);
  const notice = page.getByRole('alert', { name: 'Changes to settle from a sync' });
  await expect(notice).toContainText(`“${ENVOY_TITLE}” was moved to the trash on one machine and annotated on another: it was kept`);
  await expect(notice).toContainText('schema: labels.Claim.color was changed to #aa0000 here and #00aa00 on another machine; this one was kept');

  await notice.getByRole('button', { name: 'Review the schema' }).click();
  const editor = page.getByRole('dialog', { name: /schema/i });
  await expect(editor).toBeVisible();
  await editor.getByRole('button', { name: /^Save/ }).click();
  await expect(notice).toHaveCount(0);
  expect(JSON.parse(await readFile(file, 'utf8'))).not.toHaveProperty('conflicts');
});

test('document-level conflicts of your layer are shown in the details until you choose a status', async ({ page, host, api }) => {
  const { id } = await importArticle(api, ENVOY);
  const { author } = await api<{ author: string }>('getPreferences', {});
  await api('applyChanges', { docId: id, ops: [{ op: 'updateDocument', before: {}, after: { status: 'in_progress' } }] });
  // As a git merge leaves the layer when the status was set differently on two machines.
  const file = layerFileOnDisk(host.workspace, id, author);
  const layer = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, JSON.stringify({ ...layer, conflicts: [{ field: 'status', values: ['in_progress', 'done'] }] }, null, 2));
  await expect.poll(async () => (await api<{ conflicts?: unknown[] }>('getDocument', { docId: id })).conflicts).toHaveLength(1);

  await page.goto(host.url);
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE }).click();
  const note = page.getByRole('note', { name: 'Changed on two machines' });
  await expect(note).toContainText('status: in_progress here, done on the other');
  await page.getByRole('radio', { name: 'Done' }).click();
  await expect(note).toHaveCount(0);
  await expect.poll(async () => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>).not.toHaveProperty('conflicts');
});
