/**
 * Exports started from the app, through the service API as both shells call it (dispatch, so every
 * argument is validated): only destinations the shell handed out are written, a job runs to done
 * with its files and report, a cancelled job leaves nothing behind (not even temp files), the
 * preview's counts are the export's, and the browser shell's destinations stay inside the
 * workspace's exports folder.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../renderer/api/client';
import { createServiceApi } from '../../electron/services/api';
import { openAppSettings } from '../../electron/services/app-paths';
import { browserShell, EXPORTS_DIR, type ExportShell } from '../../electron/services/export/jobs';
import { Workspace } from '../../electron/services/workspace';
import type { ClaimdeskApi, ExportJob } from '../../shared/api';
import { dispatch } from '../../shared/api-validate';
import { buildFixtureWorkspace } from '../fixtures/export/fixture';
import { generateDocument } from '../fixtures/export/generate';
import { tempDir } from './support/temp';

process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-data-');

/** The API over a workspace, through dispatch (validators included), as the IPC handlers call it. */
async function apiOver(workspace: Workspace, shell: ExportShell = browserShell(workspace.path)): Promise<ClaimdeskApi> {
  const service = createServiceApi({ current: workspace }, await openAppSettings(), shell);
  return createClient((m, arg) =>
    dispatch(service, m, arg, (err) => {
      throw err;
    }),
  );
}

const tick = () => new Promise((done) => setTimeout(done, 2));

/** Polls a job until it leaves `running`. */
async function finished(api: ClaimdeskApi, jobId: string): Promise<ExportJob> {
  for (;;) {
    const job = await api.getExportJob({ jobId });
    if (job.state !== 'running') return job;
    await tick();
  }
}

/** Every file below a folder, relative, sorted (hidden temp names included). */
async function listTree(dir: string, prefix = ''): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(`${prefix}${e.name}/`, ...(await listTree(join(dir, e.name), `${prefix}${e.name}/`)));
    else out.push(`${prefix}${e.name}`);
  }
  return out.sort();
}

let fixture: Workspace;
let big: Workspace;
beforeAll(async () => {
  fixture = (await buildFixtureWorkspace(await tempDir())).workspace;
  big = await Workspace.open(join(await tempDir(), 'big'));
  const docs = Array.from({ length: 300 }, (_, i) => ({
    name: `g${i}`,
    doc: generateDocument(i, { seed: 11, annotations: 12, words: 400, claimlessEvery: 5 }),
  }));
  expect((await big.importAnnotatedDocuments(docs, { fallback: 'bench' })).imported).toHaveLength(300);
}, 60_000);
// Closed before the temporary folders are removed: an open workspace may still write its summaries cache.
afterAll(() => Promise.all([fixture.close(), big.close()]));

describe('destinations', () => {
  it('refuses destinations it did not hand out, and handed-out ones for another format or layout', async () => {
    const api = await apiOver(fixture);
    const elsewhere = join(await tempDir(), 'out.jsonl');
    await expect(api.startExport({ format: 'jsonl', destination: elsewhere })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(api.startExport({ format: 'jsonl', destination: join(fixture.path, EXPORTS_DIR, 'mine.jsonl') })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const chosen = await api.chooseExportDestination({ format: 'jsonl' });
    expect(chosen).not.toBeNull();
    await expect(api.startExport({ format: 'claims-csv', destination: chosen!.destination })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    // A split writes a folder, and this destination was chosen for one file.
    await expect(
      api.startExport({ format: 'jsonl', destination: chosen!.destination, split: { train: 8, dev: 1, test: 1, seed: 1, stratify: false } }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    // A path that resolves elsewhere is not the one handed out.
    await expect(api.startExport({ format: 'jsonl', destination: `${chosen!.destination}/../../claimdesk.json` })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await listTree(join(fixture.path, EXPORTS_DIR))).toEqual([]);
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('browser shell: fresh names inside <workspace>/exports, stamped and with the format', async () => {
    const api = await apiOver(fixture);
    const file = await api.chooseExportDestination({ format: 'claims-tsv' });
    const again = await api.chooseExportDestination({ format: 'claims-tsv' });
    const folder = await api.chooseExportDestination({ format: 'conll', split: true });
    const brat = await api.chooseExportDestination({ format: 'brat' });
    for (const d of [file, again, folder, brat]) {
      expect(dirname(d!.destination)).toBe(join(fixture.path, EXPORTS_DIR));
      expect(d!.exists).toBe(false);
    }
    expect(file!.destination).toMatch(/\/\d{8}-\d{6}-claims-tsv\.tsv$/);
    expect(again!.destination).not.toBe(file!.destination);
    expect(folder!.destination).toMatch(/\/\d{8}-\d{6}-conll$/);
    expect(brat!.destination).toMatch(/\/\d{8}-\d{6}-brat$/);
  });

  it('a shell where the user cancels gives null; a chosen path is accepted and reported as existing', async () => {
    const answers: (string | null)[] = [null, join(await tempDir(), 'picked', 'all.jsonl')];
    const asked: string[] = [];
    const api = await apiOver(fixture, {
      chooseExportDestination: async (format, defaultName, kind) => {
        asked.push(`${format} ${kind} ${defaultName.replace(/^\d{8}-\d{6}/, 'STAMP')}`);
        return answers.shift() ?? null;
      },
    });
    expect(await api.chooseExportDestination({ format: 'jsonl' })).toBeNull();
    const chosen = await api.chooseExportDestination({ format: 'jsonl' });
    expect(asked).toEqual(['jsonl file STAMP-jsonl.jsonl', 'jsonl file STAMP-jsonl.jsonl']);
    const job = await finished(api, (await api.startExport({ format: 'jsonl', destination: chosen!.destination })).jobId);
    expect(job.state).toBe('done');
    // Choosing it again says it is there; exporting over it needs overwrite.
    answers.push(chosen!.destination);
    expect(await api.chooseExportDestination({ format: 'jsonl' })).toEqual({ destination: chosen!.destination, exists: true });
    const refused = await finished(api, (await api.startExport({ format: 'jsonl', destination: chosen!.destination })).jobId);
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'CONFLICT' } });
    const replaced = await finished(api, (await api.startExport({ format: 'jsonl', destination: chosen!.destination, overwrite: true })).jobId);
    expect(replaced.state).toBe('done');
  });
});

describe('jobs', () => {
  it('runs to done: the files are on disk, the report counts them, and progress reached the total', async () => {
    const api = await apiOver(fixture);
    const { destination } = (await api.chooseExportDestination({ format: 'jsonl' }))!;
    const job = await finished(api, (await api.startExport({ format: 'jsonl', destination })).jobId);
    expect(job.state).toBe('done');
    expect(job.files).toEqual([destination]);
    expect(job.progress.done).toBe(job.progress.total);
    expect(job.report).toMatchObject({ documents: 3, spansPerLabel: { Claim: 8 }, relationsPerType: { attributed_to: 9 } });
    const lines = (await readFile(destination, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(4); // header + 3 documents
    expect(JSON.parse(lines[1]!)).toHaveProperty('spans');
  });

  it('a split export writes one file per split into a folder, and the preview counted the same', async () => {
    const api = await apiOver(big);
    const request = {
      format: 'conll',
      status: 'done',
      labels: ['Claim', 'Source'],
      split: { train: 80, dev: 10, test: 10, seed: 7, stratify: true },
    } as const;
    const preview = await api.previewExport(request);
    const { destination } = (await api.chooseExportDestination({ format: 'conll', split: true }))!;
    const job = await finished(api, (await api.startExport({ ...request, destination })).jobId);
    expect(job.state).toBe('done');
    expect(await listTree(destination)).toEqual(['dev.conll', 'test.conll', 'train.conll']);
    expect(job.files).toEqual(['train.conll', 'dev.conll', 'test.conll'].map((f) => join(destination, f)));
    const report = job.report!;
    expect(report.documents).toBe(100); // every third generated document is done
    expect(Object.keys(report.spansPerLabel)).toEqual(['Claim', 'Source']);
    for (const key of ['documents', 'spansPerLabel', 'relationsPerType', 'attributeValues', 'splits', 'problems'] as const)
      expect(preview[key]).toEqual(report[key]);
    expect(job.plan).toEqual(preview);
    expect(preview.files).toEqual([]);
  });

  it('a preview writes nothing, and the preview of a lossless format counts from the index', async () => {
    const api = await apiOver(fixture);
    const before = await listTree(fixture.path);
    const preview = await api.previewExport({ format: 'jsonl' });
    expect(preview).toMatchObject({ documents: 3, countedFromIndex: true, spansPerLabel: { Claim: 8 } });
    const hf = await api.previewExport({ format: 'hf' });
    expect(hf.problems.some((p) => p.kind === 'overlap')).toBe(true);
    expect(await listTree(fixture.path)).toEqual(before);
  });

  it('cancelled mid-way: the job says so and nothing is left at the destination, temp files included', async () => {
    const api = await apiOver(big);
    const { destination } = (await api.chooseExportDestination({ format: 'conll', split: true }))!;
    const exportsDir = dirname(destination);
    const before = await listTree(exportsDir);
    const { jobId } = await api.startExport({ format: 'conll', destination, split: { train: 80, dev: 10, test: 10, seed: 1, stratify: false } });
    // Wait until the writing pass is under way (its temp folder is on disk).
    let job = await api.getExportJob({ jobId });
    while (job.state === 'running' && !(job.plan && job.progress.done > job.plan.documents + 20)) {
      await tick();
      job = await api.getExportJob({ jobId });
    }
    expect(job.state).toBe('running');
    expect((await listTree(exportsDir)).some((name) => name.endsWith('.tmp/'))).toBe(true);
    expect(job.progress.done).toBeLessThan(job.progress.total);
    const cancelled = await api.cancelExport({ jobId });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.files).toBeUndefined();
    expect(existsSync(destination)).toBe(false);
    expect(await listTree(exportsDir)).toEqual(before);
    expect((await api.getExportJob({ jobId })).state).toBe('cancelled');
  });

  it('unknown jobs are NOT_FOUND; malformed requests are INVALID_INPUT', async () => {
    const api = await apiOver(fixture);
    await expect(api.getExportJob({ jobId: 'ab'.repeat(12) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.cancelExport({ jobId: '../x' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const call = api as unknown as Record<string, (arg: unknown) => Promise<unknown>>;
    await expect(call.previewExport!({ format: 'docx' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call.previewExport!({ format: 'conll', split: { train: 0, dev: 0, test: 0, seed: 1, stratify: false } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(call.previewExport!({ format: 'conll', status: 'new' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call.previewExport!({ format: 'conll', docIds: ['../../etc'] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(api.previewExport({ format: 'conll', docIds: ['ffffffffffff'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
