/**
 * A full disk, for real: the workspace lives on a 1 MiB tmpfs that is then filled up (mounting
 * needs root; without it that test is skipped and says why), and the same path under a
 * file-size limit (EFBIG) in a child process. A save that does not fit says so and what to do,
 * leaves every file on disk as it was, keeps the change (on screen in the renderer's
 * DocumentSession, retryable in the service), and lands once there is room again.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { createServiceApi } from '../../electron/services/api';
import { defaultAuthor, openAppSettings } from '../../electron/services/app-paths';
import { browserShell } from '../../electron/services/export/jobs';
import { Workspace } from '../../electron/services/workspace';
import { DocumentSession } from '../../renderer/state/document-session';
import { addSpan } from '../../shared/model/commands';
import type { Operation } from '../../shared/model/operations';
import { expectAllParse, expectNothingBroken, filesUnder } from './support/disk';
import { ANALYST, articleFile, layerFile } from './support/layout';
import { SAMPLES, tempDir } from './support/temp';
import { untilSaveState } from './support/wait';

const ROOT = join(import.meta.dirname, '..', '..');
const ENVOY = join(SAMPLES, 'us-envoy-arrives-in-japan.txt');
process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-data-');

const mountPoint = await tempDir('claimdesk-tmpfs-');
const mountError = mountTmpfs(mountPoint);
if (mountError) console.warn(`SKIPPED the full-disk test on a tmpfs: ${mountError}. The file-size-limit test still runs.`);
afterAll(() => {
  if (!mountError) spawnSync('umount', ['--lazy', mountPoint]);
});

/** Mounts a 1 MiB tmpfs on `dir`. @returns null, or why it could not */
function mountTmpfs(dir: string): string | null {
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  const res = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { encoding: 'utf8' });
  if (res.error) return `mount could not run (${res.error.message})`;
  return res.status === 0 ? null : `mount refused (${res.stderr.trim() || `exit ${res.status}`})`;
}

let n = 0;
const stamp = () => ({ author: 'ann', now: new Date().toISOString(), newId: () => `a${++n}` });
const must = (x: Operation[] | string): Operation[] => {
  if (typeof x === 'string') throw new Error(x);
  return x;
};
const readJson = async <T>(path: string) => JSON.parse(await readFile(path, 'utf8')) as T;

describe('a full disk (tmpfs)', () => {
  it.skipIf(mountError !== null)('says the disk is full, breaks nothing, keeps the change and saves it once space is freed', async () => {
    const dir = join(mountPoint, 'workspace');
    const ws = await Workspace.open(dir);
    const docId = (await ws.importPaths([ENVOY])).imported[0]!.row.id;
    const api = createServiceApi({ current: ws }, await openAppSettings(), browserShell(dir));
    const session = new DocumentSession(await api.getDocument({ docId }), api, () => undefined, null);
    const schema = ws.info().schema;
    /** The layer the window saves into: the analyst's own (Preferences' author). */
    const me = (await api.getWorkspace()).annotator;

    // Fill the disk: write until the kernel says no.
    const filler = join(mountPoint, 'filler.bin');
    await expect(writeFile(filler, Buffer.alloc(2 * 1024 * 1024, 1))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect((await statfs(mountPoint)).bavail).toBe(0);
    const before = await filesUnder(dir);

    const at = session.doc.text.indexOf('Tokyo');
    const change = must(addSpan(session.doc, schema, 'Entity', at, at + 5, stamp()));
    session.apply(change);
    const failed = await untilSaveState(session, (s) => s.status === 'failed');
    expect(failed.pending).toBe(1); // one change: the annotation, and the status it moves to in_progress
    expect(failed.error).toMatch(
      /^The disk is full; free some space on it \(delete or move other files\)\. Could not save .*\. Your changes are kept and saving will be retried$/,
    );
    expect(session.doc.annotations.map((a) => a.quote)).toEqual(['Tokyo']); // still on screen

    // The service says the same to a direct call, and its memory still matches the disk, so a retry really writes.
    await expect(ws.applyChanges(docId, me, change)).rejects.toMatchObject({ code: 'IO', message: expect.stringMatching(/^The disk is full/) });
    expect((await ws.openDocument(docId, me)).annotations).toEqual([]);
    // So does an import.
    await expect(ws.importPaths([join(SAMPLES, 'multilingual-summit-report.txt')])).rejects.toMatchObject({
      code: 'IO',
      message: expect.stringMatching(/^The disk is full/),
    });
    expect(ws.listDocuments(me)).toHaveLength(1);
    await expectNothingBroken(dir, before);

    await rm(filler);
    session.retryNow();
    await untilSaveState(session, (s) => s.status === 'saved');
    session.dispose();
    const stored = await readJson<{ annotations: { quote: string }[] }>(layerFile(dir, docId, me));
    expect(stored.annotations.map((a) => a.quote)).toEqual(['Tokyo']);
    expect(ws.listDocuments(me).map((row) => row.annotationCount)).toEqual([1]);
    await expectAllParse(dir);
    expect((await ws.importPaths([join(SAMPLES, 'multilingual-summit-report.txt')])).imported).toHaveLength(1);
    await ws.close();
  });
});

describe('an index write that fails after its article was saved (a rename)', () => {
  it('keeps the index ahead in memory and writes it on the retry, though the retried change is then a no-op', async () => {
    const dir = await tempDir();
    const ws = await Workspace.open(dir);
    const docId = (await ws.importPaths([ENVOY])).imported[0]!.row.id;
    const doc = await ws.openDocument(docId, ANALYST);
    const at = doc.text.indexOf('Tokyo');
    const tag = must(addSpan(doc, ws.info().schema, 'Entity', at, at + 5, stamp()));
    const rename: Operation[] = [{ op: 'updateDocument', before: { title: doc.title }, after: { title: 'Envoy in Tokyo' } }];
    // A folder where the atomic writer puts claimdesk.json's temporary file: the index cannot be written.
    const blocker = join(dir, '.claimdesk.json.tmp');
    await mkdir(blocker);
    // Annotating never writes the index, so it is saved all the same.
    expect((await ws.applyChanges(docId, ANALYST, tag)).annotationCount).toBe(1);
    // A rename writes the article, then the index, which fails.
    await expect(ws.applyChanges(docId, ANALYST, rename)).rejects.toMatchObject({ code: 'IO' });
    expect((await readJson<{ title: string }>(articleFile(dir, docId))).title).toBe('Envoy in Tokyo');
    expect((await readJson<{ documents: { title: string }[] }>(join(dir, 'claimdesk.json'))).documents[0]!.title).toBe(doc.title);

    await rm(blocker, { recursive: true });
    expect((await ws.applyChanges(docId, ANALYST, rename)).title).toBe('Envoy in Tokyo');
    expect((await readJson<{ documents: { title: string }[] }>(join(dir, 'claimdesk.json'))).documents[0]!.title).toBe('Envoy in Tokyo');
    expect((await readJson<{ annotations: unknown[] }>(layerFile(dir, docId))).annotations).toHaveLength(1);
    await ws.close();
  });
});

describe('a file-size limit (ulimit -f, EFBIG)', () => {
  it('says the limit is reached and what to do, breaks nothing, and saves the same change once the limit is raised', async () => {
    const dir = await tempDir();
    const source = join(await tempDir(), 'long-report.txt');
    const sentences = Array.from({ length: 4000 }, (_, i) => `Sentence ${i} says the minister met the envoy in Tokyo on day ${i % 28}.`);
    await writeFile(source, `A long report\n\n${sentences.join(' ')}\n`);
    /** The layer the child's API saves into: the analyst's own (Preferences' author, the OS user's name in a fresh data folder). */
    const me = defaultAuthor();
    const setup = await Workspace.open(dir);
    const docId = (await setup.importPaths([source])).imported[0]!.row.id;
    const doc = await setup.openDocument(docId, me);
    await setup.updateStatus(docId, me, 'in_progress');
    const schema = setup.info().schema;
    await setup.close();
    // Twenty spans make the analyst's layer file about 6 KB larger than the limit allows.
    const ops = Array.from({ length: 20 }, (_, i) => {
      const at = doc.text.indexOf(`Sentence ${i} `);
      return must(addSpan(doc, schema, 'Claim', at, at + 40, stamp()))[0]!;
    });
    const opsFile = join(await tempDir(), 'ops.json');
    await writeFile(opsFile, JSON.stringify(ops));
    const layerPath = layerFile(dir, docId, me);
    const limitKb = Math.ceil((await stat(layerPath)).size / 1024) + 1;
    const before = await filesUnder(dir);

    // `ulimit -S` sets only the soft limit, so prlimit can raise it again without privileges.
    const child = spawn(
      'bash',
      [
        '-c',
        `ulimit -S -f ${limitKb} && exec "$0" --import tsx "$1" "$2" "$3" "$4"`,
        process.execPath,
        join(ROOT, 'tests/integration/support/size-limit-child.ts'),
        dir,
        docId,
        opsFile,
      ],
      { cwd: ROOT, env: process.env, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async () => JSON.parse(((await lines.next()).value as string | undefined) ?? 'null') as Attempt | null;
    type Attempt = { ok: boolean; code?: string; message?: string; annotationsInMemory: number };

    const first = await next();
    expect(first).toMatchObject({ ok: false, code: 'IO', annotationsInMemory: 0 });
    expect(first!.message).toMatch(
      /^The disk or system refuses a file this large \(a file-size limit is reached\); raise the limit or move the workspace to another disk\. Could not save .*\. Your changes are kept/,
    );
    await expectNothingBroken(dir, before);

    const raised = spawnSync('prlimit', ['--pid', String(child.pid), '--fsize=unlimited:'], { encoding: 'utf8' });
    expect(raised.status, raised.stderr).toBe(0);
    child.stdin.end('retry\n');
    expect(await next()).toEqual({ ok: true, annotationsInMemory: 20 });
    await new Promise((resolve) => child.once('close', resolve));
    expect(child.exitCode).toBe(0);
    expect((await readJson<{ annotations: unknown[] }>(layerPath)).annotations).toHaveLength(20);
    const reopened = await Workspace.open(dir);
    expect(reopened.listDocuments(me)[0]!.annotationCount).toBe(20);
    await reopened.close();
    await expectAllParse(dir);
  });
});
