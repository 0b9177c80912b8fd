/**
 * A workspace shared with other programs, in Chromium through the browser host: a second
 * Claimdesk on a folder whose lock a live process holds opens it read-only, says who holds it,
 * takes back a change it cannot store (saying why) and writes nothing; a layer file changed on disk by another program (an editor, a git
 * pull) is reloaded in the open window.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import type { DocumentData } from '../../shared/model/types';
import { emptyLayer } from '../../shared/model/layers';
import { callApi, startHostProcess, type HostProcess } from './support/host';
import { documentOnDisk, layerFileOnDisk, seedDocument } from './support/seed';
import { placeCaret } from './support/text-point';

const ENVOY = join(import.meta.dirname, '..', '..', 'samples', 'us-envoy-arrives-in-japan.txt');
const TITLE = 'U.S. Envoy Arrives in Japan to Talk North Korea';
const SENTENCE = '"I don\'t see any splintering. On the contrary, I see a very clear message," Hill said after arriving in Tokyo';
/** The lock file's name and format: electron/services/store/workspace-lock.ts. */
const LOCK_FILE = '.claimdesk.lock';
const CLI = join(import.meta.dirname, '..', '..', 'dist', 'electron', 'cli.mjs');
const run = promisify(execFile);

test('a workspace locked by another live Claimdesk opens read-only, names the holder and writes nothing', async ({ page }) => {
  // The article goes in with the CLI, which has exited before a live process takes the lock.
  const workspace = await mkdtemp(join(tmpdir(), 'claimdesk-e2e-shared-'));
  await run(process.execPath, [CLI, 'import', '--workspace', workspace, ENVOY]);
  const [docId] = await readdir(join(workspace, 'documents'));
  const holder: ChildProcess = spawn('sleep', ['600'], { stdio: 'ignore' });
  let host: HostProcess | undefined;
  try {
    const since = '2026-11-27T09:30:00.000Z';
    await writeFile(join(workspace, LOCK_FILE), JSON.stringify({ pid: holder.pid, host: hostname(), user: 'Dana Analyst', since }, null, 2) + '\n');
    const articleFile = join(workspace, 'documents', docId!, 'article.json');
    const before = await readFile(articleFile, 'utf8');
    host = await startHostProcess({ workspace });
    await page.goto(host.url);

    const notice = page.getByRole('alert', { name: 'Read-only workspace' });
    await expect(notice).toContainText('Read-only.');
    await expect(notice).toContainText(`Dana Analyst on ${hostname()} (process ${holder.pid}, since ${since})`);
    await expect(notice).toContainText('close it there to edit it here');

    // The documents can still be read; a change is refused and said so, and nothing is written.
    await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: TITLE }).click();
    const article = page.getByRole('article', { name: TITLE });
    await expect(article).toContainText(SENTENCE);
    await placeCaret(page, article, SENTENCE, 'Hill', 'before');
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('2');
    // The store refuses it: the tag is taken back and the refusal says who holds the workspace.
    await expect(page.getByRole('alert').filter({ hasText: 'could not be saved and was undone' })).toContainText(
      'This workspace is open in another Claimdesk by Dana Analyst',
    );
    await expect(article.locator('[data-label="Source"]')).toHaveCount(0);
    expect(await readFile(articleFile, 'utf8')).toBe(before);
    expect(await readdir(join(workspace, 'documents', docId!))).toEqual(['article.json']); // no layer was written
    expect(JSON.parse(await readFile(join(workspace, LOCK_FILE), 'utf8'))).toMatchObject({ pid: holder.pid, user: 'Dana Analyst' });
  } finally {
    holder.kill();
    await host?.stop();
    await rm(workspace, { recursive: true, force: true });
  }
});

test('a document changed on disk by another program is reloaded in the window', async ({ page, request }) => {
  const host = await startHostProcess();
  try {
    const { id: docId } = await seedDocument(request, host, ENVOY);
    await page.goto(host.url);
    await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: TITLE }).click();
    const article = page.getByRole('article', { name: TITLE });
    await expect(article).toContainText(SENTENCE);
    await expect(article.locator('[data-annotation-id]')).toHaveCount(0);

    // Another program (an editor, a git pull of the analyst's work from another machine) writes the
    // analyst's layer of the document: a source, and the document marked done.
    const { author } = await callApi<{ author: string }>(request, host, 'getPreferences', {});
    const file = layerFileOnDisk(host.workspace, docId, author);
    const { text } = JSON.parse(await readFile(join(host.workspace, 'documents', docId, 'article.json'), 'utf8')) as DocumentData;
    const start = text.indexOf(SENTENCE) + SENTENCE.indexOf('Hill');
    const stamp = { author: 'colleague', createdAt: '2026-11-27T11:00:00Z', updatedAt: '2026-11-27T11:00:00Z' };
    const source = { id: 'ext1', label: 'Source', start, end: start + 4, quote: 'Hill', attributes: {}, ...stamp };
    const layer = { ...emptyLayer(docId, author), status: 'done', annotations: [source] };
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(layer, null, 2) + '\n');

    await expect(article.locator('[data-annotation-id="ext1"]')).toHaveText('Hill');
    await expect(page.getByRole('status', { name: 'Status', exact: true })).toHaveText(
      'This article was changed outside Claimdesk and has been reloaded.',
    );
    const row = page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: TITLE });
    await expect(row).toContainText('1 annotation');
    await expect(row).toContainText('Done');
    // Reloaded, not merged over: the file is as the other program left it.
    expect((await documentOnDisk(host, docId)).annotations.map((a) => a.id)).toEqual(['ext1']);
  } finally {
    await host.stop();
  }
});
