/**
 * Sync from the workbench (#11), in Chromium through the browser host, with real git: a bare
 * repository as the team's remote, and two clones of it, each a workspace with its own host. On
 * the other machine bob annotates and ann (the same analyst, on her second computer) relabels a
 * span; here ann relabels the same span otherwise. The Sync button shows the steps, then the
 * outcome (one document changed, one conflict to settle); the list shows bob's new status and
 * the conflict, the open article is read afresh, and the conflict is settled with one click. A
 * workspace that is not in a git repository says so, in the service's words.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import type { SyncStatus } from '../../shared/api';
import { ENVOY, ENVOY_SENTENCE, ENVOY_TITLE, expect, test, type Api } from './support/fixtures';
import { callApi, startHostProcess, type HostProcess } from './support/host';
import { importArticle, seedLayers } from './support/layers';

// Hermetic git for these hosts (they inherit the environment): no global or system config, a fixed identity.
const GIT_HOME = mkdtempSync(join(tmpdir(), 'claimdesk-e2e-git-'));
writeFileSync(join(GIT_HOME, 'gitconfig'), '');
Object.assign(process.env, {
  GIT_CONFIG_GLOBAL: join(GIT_HOME, 'gitconfig'),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'E2E Analyst',
  GIT_AUTHOR_EMAIL: 'analyst@example.invalid',
  GIT_COMMITTER_NAME: 'E2E Analyst',
  GIT_COMMITTER_EMAIL: 'analyst@example.invalid',
});

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const TIME = '2026-11-27T10:00:00.000Z';
const LATER = '2026-11-28T10:00:00.000Z';

/** A bare remote and a way to clone it, in one temp folder removed after the test. */
function makeRemote(): { remote: string; clone: (name: string) => string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'claimdesk-e2e-sync-'));
  const remote = join(root, 'remote.git');
  mkdirSync(remote);
  git(remote, 'init', '-q', '--bare', '-b', 'main');
  return {
    remote,
    clone: (name) => {
      const dir = join(root, name);
      git(dirname(dir), 'clone', '-q', remote, dir);
      return dir;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Syncs through a host's API and waits for the outcome. @throws when the sync failed */
async function syncThrough(api: Api): Promise<SyncStatus> {
  let status = await api<SyncStatus>('startSync', null);
  while (status.state === 'running') status = await api<SyncStatus>('getSyncStatus', null);
  if (status.state !== 'done') throw new Error(`sync: ${status.message}`);
  return status;
}

/** A screenshot in the test's output folder, to look at. */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(name) });
}

test('Sync brings another machine’s work: the outcome, the list and the article follow; a conflict is settled', async ({ page, request }) => {
  const repos = makeRemote();
  const hosts: HostProcess[] = [];
  try {
    // The other machine: bob's layer and ann's first version, pushed.
    const other = await startHostProcess({ workspace: repos.clone('other') });
    hosts.push(other);
    const otherApi: Api = (method, data) => callApi(request, other, method, data);
    const envoy = await importArticle(otherApi, ENVOY);
    await seedLayers(
      otherApi,
      envoy.id,
      [
        { annotator: 'bob', spans: [{ id: 'b-hill', label: 'Source', quote: 'Hill', after: 'message," ' }], status: 'in_progress' },
        { annotator: 'ann', spans: [{ id: 'a-hill', label: 'Claim', quote: 'Hill', after: 'message," ' }] },
      ],
      'ann',
    );
    await syncThrough(otherApi);

    // This machine: a clone with that work, opened by ann.
    const here = await startHostProcess({ workspace: repos.clone('here') });
    hosts.push(here);
    await callApi(request, here, 'updatePreferences', { author: 'ann' });
    await page.goto(here.url);
    const envoyRow = page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: ENVOY_TITLE });
    await expect(envoyRow.getByRole('img', { name: 'bob: in progress' })).toBeVisible();

    await test.step('meanwhile: bob finishes on the other machine, and ann relabels her span there; here she relabels it otherwise', async () => {
      await otherApi('updatePreferences', { author: 'bob' });
      await otherApi('applyChanges', {
        docId: envoy.id,
        ops: [{ op: 'updateDocument', before: { status: 'in_progress' }, after: { status: 'done' } }],
      });
      await otherApi('updatePreferences', { author: 'ann' });
      await otherApi('applyChanges', {
        docId: envoy.id,
        ops: [{ op: 'updateAnnotation', id: 'a-hill', before: { label: 'Claim', updatedAt: TIME }, after: { label: 'Source', updatedAt: LATER } }],
      });
      await syncThrough(otherApi);

      await envoyRow.click();
      const article = page.getByRole('article', { name: ENVOY_TITLE });
      await expect(article).toContainText(ENVOY_SENTENCE);
      await article.locator('[data-annotation-id="a-hill"]').first().click();
      const label = page.getByRole('complementary', { name: 'Annotation details' }).getByRole('combobox', { name: 'Label' });
      await label.selectOption('Evidence');
      await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/Saved/);
    });

    await test.step('Sync: the outcome in its panel; the list follows', async () => {
      await page.getByRole('button', { name: 'Sync', exact: true }).click();
      const panel = page.getByRole('region', { name: 'Sync status' });
      await expect(panel).toBeVisible();
      await expect(panel.getByRole('status')).toHaveText('Synced: 1 document changed, 1 conflict to settle');
      await expect(envoyRow.getByRole('img', { name: 'bob: done' })).toBeVisible();
      await expect(envoyRow.getByRole('img', { name: '1 merge conflict in your layer' })).toBeVisible();
      await shot(page, 'sync-outcome.png');
    });

    await test.step('the open article was read afresh: the conflict shows, and one click settles it', async () => {
      const conflicts = page.getByRole('region', { name: 'Merge conflicts' });
      await page.getByRole('article', { name: ENVOY_TITLE }).locator('[data-annotation-id="a-hill"]').first().click();
      await expect(conflicts).toContainText('Changed on two machines: label Evidence | Source');
      await conflicts.getByRole('button', { name: 'Keep that: label Source' }).click();
      await expect(conflicts).toHaveCount(0);
      await expect(page.getByRole('status', { name: 'Save status' })).toHaveText(/Saved/);
      await expect(envoyRow.getByRole('img', { name: /merge conflict/ })).toHaveCount(0);
    });
  } finally {
    for (const host of hosts) await host.stop();
    repos.remove();
  }
});

test('Sync in a workspace that is not in a git repository says what to do', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'Sync', exact: true })).toBeVisible();
  await page.keyboard.press('Control+Shift+S');
  const panel = page.getByRole('region', { name: 'Sync status' });
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText(/git/i);
  await expect(panel).toContainText('Sync failed');
  await shot(page, 'sync-failed.png');
  const message = (await alert.textContent()) ?? '';
  // The service's message is shown as it is.
  const status = await callApi<SyncStatus>(page.request, host, 'getSyncStatus', null);
  expect(status.state).toBe('failed');
  expect(message).toBe(status.message);
});
