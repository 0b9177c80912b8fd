/**
 * The change feed over the browser host's real HTTP (#12): a tab's event stream (`GET /events`,
 * read by the renderer's own change source) hears every write another tab had acknowledged, with
 * its revision, document, layer and origin; a refused call publishes nothing; the stream keeps the
 * API's token and Host rules. And two windows' sessions of one layer: a version saved by the other
 * is taken in with this window's unsaved change on top, and both reach the disk.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changeSourceOf, httpChangeSource } from '../../renderer/api/change-stream';
import { createClient, httpSend } from '../../renderer/api/client';
import { DocumentSession } from '../../renderer/state/document-session';
import { SessionRegistry } from '../../renderer/state/session-registry';
import { startHost, type RunningHost } from '../../electron/host';
import { openAppSettings } from '../../electron/services/app-paths';
import { Workspace } from '../../electron/services/workspace';
import type { ChangeEvent } from '../../shared/api';
import { addSpan } from '../../shared/model/commands';
import type { Operation } from '../../shared/model/operations';
import { SAMPLES, tempDir } from './support/temp';
import { until, untilSaveState } from './support/wait';

process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-data-');

let n = 0;
const stamp = () => ({ author: 'ann', now: new Date().toISOString(), newId: () => `e${++n}` });
const must = (x: Operation[] | string | null): Operation[] => {
  if (x === null || typeof x === 'string') throw new Error(String(x));
  return x;
};
const hosts: RunningHost[] = [];
const stops: (() => void)[] = [];
afterAll(async () => {
  stops.forEach((stop) => stop());
  await Promise.all(hosts.map((h) => h.close()));
});

async function setup() {
  const dir = await tempDir();
  const workspace = await Workspace.open(dir);
  const { row } = (await workspace.importPaths([join(SAMPLES, 'us-envoy-arrives-in-japan.txt')])).imported[0]!;
  const host = await startHost({ workspace, settings: await openAppSettings(), rendererDir: dir });
  hosts.push(host);
  const base = `http://127.0.0.1:${host.port}`;
  /** A tab: its API client naming it, and the events its stream heard. */
  const tab = (clientId: string) => {
    const api = createClient(httpSend(base, host.token, clientId));
    const heard: ChangeEvent[] = [];
    let opened = 0;
    stops.push(httpChangeSource(base, host.token, clientId).subscribe({ onChange: (e) => heard.push(e), onOpen: () => (opened += 1) }));
    return { api, heard, isOpen: () => opened > 0 };
  };
  return { dir, workspace, host, base, docId: row.id, tab };
}

describe('the host’s event stream', () => {
  it('tells every tab about each acknowledged write, with its revision, document, layer and origin', async () => {
    const { docId, tab } = await setup();
    const a = tab('tab-a');
    const b = tab('tab-b');
    await until(() => a.isOpen() && b.isOpen(), Boolean);
    const { schema, annotator: me } = await a.api.getWorkspace();
    const doc = await a.api.getDocument({ docId });
    const at = doc.text.indexOf('Hill');
    const ops = must(addSpan(doc, schema, 'Source', at, at + 4, stamp()));
    await a.api.applyChanges({ docId, ops, layer: me });
    const { revision } = await a.api.getWorkspace();
    const [event] = await until(
      () => b.heard,
      (h) => h.length > 0,
    );
    expect(event).toEqual({ revision, kind: 'changes', docId, layer: me, clientId: 'tab-a' });
    // The origin hears it too, marked as its own.
    await until(
      () => a.heard,
      (h) => h.length > 0,
    );
    expect(a.heard).toEqual(b.heard);

    // A refused call publishes nothing: the next event is the schema edit after it.
    await expect(a.api.applyChanges({ docId: 'ffffff', ops })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await b.api.updateSchema({ schema, renamedLabels: {}, removedLabels: [] });
    await until(
      () => b.heard,
      (h) => h.length > 1,
    );
    expect(b.heard.slice(1)).toEqual([{ revision: expect.any(Number), kind: 'schema', clientId: 'tab-b' }]);
    expect(b.heard[1]!.revision).toBeGreaterThanOrEqual(revision);
  });

  it('keeps the API’s rules: no stream without the token or from a foreign Host or Origin', async () => {
    const { host, base } = await setup();
    expect((await fetch(`${base}/events`)).status).toBe(401);
    expect((await fetch(`${base}/events`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const crossSite = await fetch(`${base}/events`, { headers: { authorization: `Bearer ${host.token}`, origin: 'http://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect((await fetch(`${base}/events`, { method: 'POST', headers: { authorization: `Bearer ${host.token}` } })).status).toBe(405);
    const ok = await fetch(`${base}/events`, { headers: { authorization: `Bearer ${host.token}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await ok.body?.cancel();
  });

  it('is not set up for a client built without connect', () => {
    expect(changeSourceOf(createClient(async () => ({ ok: true, value: null })))).toBeUndefined();
  });
});

describe('two windows on one layer', () => {
  it('takes in the version the other window saved, keeps its own unsaved change on top, and both reach the disk', async () => {
    const { docId, tab, dir } = await setup();
    const a = tab('win-a');
    const b = tab('win-b');
    const schema = (await a.api.getWorkspace()).schema;
    const me = (await a.api.getWorkspace()).annotator;
    const sessionA = new DocumentSession(await a.api.getDocument({ docId, layer: me }), a.api, () => undefined, null, { layer: me });
    const registryB = new SessionRegistry(b.api, null, { onSaved: () => undefined, onRefused: () => undefined });
    const sessionB = await registryB.open({ docId, layer: me, annotator: me });
    const heardByB: Operation[] = [];
    sessionB.subscribe(({ ops }) => heardByB.push(...ops));

    const hill = sessionA.doc.text.indexOf('Hill');
    sessionA.apply(must(addSpan(sessionA.doc, schema, 'Source', hill, hill + 4, stamp())));
    await untilSaveState(sessionA, (s) => s.status === 'saved');

    // B tags a word (not saved yet: the save goes out in the next task), then takes in A's version.
    const tokyo = sessionB.doc.text.indexOf('Tokyo');
    sessionB.apply(must(addSpan(sessionB.doc, schema, 'Entity', tokyo, tokyo + 5, stamp())));
    expect(sessionB.state.pending).toBeGreaterThan(0);
    expect(await registryB.reload({ docId, layer: me })).toEqual({ isTaken: true, historyCleared: [] });
    expect(sessionB.doc.annotations.map((x) => x.quote).sort()).toEqual(['Hill', 'Tokyo']);
    // Its listeners heard A's annotation as an addition (the article draws it).
    expect(heardByB.filter((op) => op.op === 'addAnnotation').map((op) => op.op === 'addAnnotation' && op.annotation.quote)).toEqual([
      'Tokyo',
      'Hill',
    ]);
    await untilSaveState(sessionB, (s) => s.status === 'saved');
    const stored = await (await Workspace.open(dir)).openDocument(docId, me);
    expect(stored.annotations.map((x) => x.quote).sort()).toEqual(['Hill', 'Tokyo']);
    // B's undo still takes back its own change only.
    sessionB.undo();
    await untilSaveState(sessionB, (s) => s.status === 'saved');
    expect(sessionB.doc.annotations.map((x) => x.quote)).toEqual(['Hill']);
    sessionA.dispose();
    registryB.dispose();
  });
});
