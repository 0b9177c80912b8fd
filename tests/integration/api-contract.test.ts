/**
 * One contract suite, run against both transports: the service API in process (as Electron's
 * IPC handlers call it through `dispatch`) and the browser host over real HTTP. Plus the
 * host's own guards: token, Host header, Origin, method and body checks.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, ApiError, type ClaimdeskApi } from '../../shared/api';
import { dispatch, VALIDATED_METHODS } from '../../shared/api-validate';
import { createClient, httpSend } from '../../renderer/api/client';
import { createServiceApi } from '../../electron/services/api';
import { browserShell } from '../../electron/services/export/jobs';
import { openAppSettings } from '../../electron/services/app-paths';
import { startHost, type RunningHost } from '../../electron/host';
import { Workspace } from '../../electron/services/workspace';
import { SAMPLES, tempDir } from './support/temp';

const envoyBytes = () => readFile(join(SAMPLES, 'us-envoy-arrives-in-japan.txt'));

// App settings (author name) go to a temporary data folder, never the user's.
process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-data-');

type Transport = { name: string; setup: () => Promise<{ api: ClaimdeskApi; close: () => Promise<void> }> };

const transports: Transport[] = [
  {
    name: 'in process (IPC dispatch)',
    setup: async () => {
      const workspace = await Workspace.open(await tempDir());
      const service = createServiceApi({ current: workspace }, await openAppSettings(), browserShell(workspace.path));
      const api = createClient((m, arg) =>
        dispatch(service, m, arg, (err) => {
          throw err;
        }),
      );
      return { api, close: async () => undefined };
    },
  },
  {
    name: 'browser host (HTTP)',
    setup: async () => {
      const host = await startHost({
        workspace: await Workspace.open(await tempDir()),
        settings: await openAppSettings(),
        rendererDir: await tempDir(),
      });
      return { api: createClient(httpSend(`http://127.0.0.1:${host.port}`, host.token)), close: host.close };
    },
  },
];

it('every method of the contract has a validator, and no validator is for a method outside it', () => {
  expect([...VALIDATED_METHODS].sort()).toEqual([...API_METHODS].sort());
});

describe.each(transports)('API contract over $name', ({ setup }) => {
  let api: ClaimdeskApi;
  let close: () => Promise<void>;
  beforeAll(async () => ({ api, close } = await setup()));
  afterAll(() => close());

  it('imports uploaded files, lists and returns them', async () => {
    const data = (await envoyBytes()).toString('base64');
    const report = await api.importFiles({
      files: [
        { name: 'us-envoy-arrives-in-japan.txt', data },
        { name: 'empty.txt', data: '' },
      ],
    });
    expect(report.imported.map((i) => i.row.title)).toEqual(['U.S. Envoy Arrives in Japan to Talk North Korea']);
    expect(report.failed.map((f) => f.name)).toEqual(['empty.txt']);
    const rows = await api.listDocuments();
    expect(rows).toHaveLength(1);
    const doc = await api.getDocument({ docId: rows[0]!.id });
    expect(doc.text).toContain('"I don\'t see any splintering. On the contrary, I see a very clear message," Hill said');
    const info = await api.getWorkspace();
    expect(info).toMatchObject({ documentCount: 1 });
    expect(info.schema.labels.map((l) => l.name)).toEqual(['Claim', 'Source', 'Cue', 'Evidence', 'Entity']);
  });

  it('reports a re-import as a duplicate and bumps the revision only on change', async () => {
    const data = (await envoyBytes()).toString('base64');
    const before = (await api.getWorkspace()).revision;
    const report = await api.importFiles({ files: [{ name: 'again.txt', data }] });
    expect(report.duplicates.map((d) => d.existing.title)).toEqual(['U.S. Envoy Arrives in Japan to Talk North Korea']);
    expect((await api.getWorkspace()).revision).toBe(before);
    const [row] = await api.listDocuments();
    await api.applyChanges({ docId: row!.id, ops: [{ op: 'updateDocument', before: { status: 'new' }, after: { status: 'in_progress' } }] });
    expect((await api.getWorkspace()).revision).toBe(before + 1);
  });

  it('loads the workspace and its list in one answer, as getWorkspace and listDocuments give them, at one revision', async () => {
    const [row] = await api.listDocuments();
    await api.applyChanges({ docId: row!.id, ops: [{ op: 'updateDocument', before: { status: 'in_progress' }, after: { status: 'done' } }] });
    const loaded = await api.loadWorkspace();
    expect(loaded.info).toEqual(await api.getWorkspace());
    expect(loaded.rows).toEqual(await api.listDocuments());
    expect(loaded.rows[0]).toMatchObject({ id: row!.id, status: 'done' });
    await api.applyChanges({ docId: row!.id, ops: [{ op: 'updateDocument', before: { status: 'done' }, after: { status: 'in_progress' } }] });
    expect((await api.loadWorkspace()).info.revision).toBe(loaded.info.revision + 1);
  });

  it("works in the analyst's own layer unless told otherwise, and lists it with every layer's summary", async () => {
    const { annotator } = await api.getWorkspace();
    const [row] = await api.listDocuments();
    expect(row).toMatchObject({ layer: annotator, status: 'in_progress', layers: { [annotator]: { status: 'in_progress' } } });
    expect((await api.getDocument({ docId: row!.id })).status).toBe('in_progress');
    expect((await api.getDocument({ docId: row!.id, layer: annotator })).status).toBe('in_progress');
    // Another analyst's layer that does not exist yet reads as empty and new; it cannot be written from here.
    expect(await api.getDocument({ docId: row!.id, layer: 'someone-else' })).toMatchObject({ status: 'new', annotations: [] });
    await expect(
      api.applyChanges({ docId: row!.id, layer: 'someone-else', ops: [{ op: 'updateDocument', before: {}, after: { status: 'done' } }] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await api.listDocuments())[0]!.layers).not.toHaveProperty('someone-else');
  });

  it('rejects bad arguments with INVALID_INPUT and unknown ids with NOT_FOUND', async () => {
    const call = api as unknown as Record<string, (arg: unknown) => Promise<unknown>>;
    await expect(call.getDocument!({ docId: '../../etc/passwd' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call.getDocument!({})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call.importFiles!({ files: 'nope' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      call.applyChanges!({ docId: 'abcdef123456', ops: [{ op: 'updateDocument', before: {}, after: { status: 'finished' } }] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(api.getDocument({ docId: 'abcdef123456' })).rejects.toBeInstanceOf(ApiError);
    await expect(api.getDocument({ docId: 'abcdef123456' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [row] = await api.listDocuments();
    for (const layer of ['all', 'default', '', ' ', 'a\nb', 42])
      await expect(call.getDocument!({ docId: row!.id, layer }), String(layer)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('browser host guards', () => {
  let host: RunningHost;
  let rendererDir: string;
  beforeAll(async () => {
    rendererDir = await tempDir();
    await import('node:fs/promises').then((fs) => fs.writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>'));
    host = await startHost({ workspace: await Workspace.open(await tempDir()), settings: await openAppSettings(), rendererDir });
  });
  afterAll(() => host.close());

  const post = (headers: Record<string, string>, body = 'null', path = '/api/listDocuments') =>
    fetch(`http://127.0.0.1:${host.port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const auth = () => ({ authorization: `Bearer ${host.token}` });

  it('prints a URL on 127.0.0.1 with the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers with the token and refuses without it or with a wrong one', async () => {
    expect((await post(auth())).status).toBe(200);
    const missing = await post({});
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'missing or wrong token' } });
    expect((await post({ authorization: `Bearer ${host.token.slice(1)}x` })).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) and a cross-site Origin', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/listDocuments',
          method: 'POST',
          headers: { host: 'evil.example:80', 'content-type': 'application/json', ...auth() },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('null');
    });
    expect(status).toBe(403);
    expect((await post({ ...auth(), origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ ...auth(), origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('refuses GET on the API, non-JSON bodies, unknown methods, and paths outside the renderer', async () => {
    expect((await fetch(`http://127.0.0.1:${host.port}/api/listDocuments`)).status).toBe(405);
    expect((await post({ ...auth(), 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(auth(), '{not json')).status).toBe(400);
    expect(await (await post(auth(), 'null', '/api/deleteEverything')).json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await fetch(`http://127.0.0.1:${host.port}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
