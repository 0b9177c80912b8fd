/**
 * The renderer's DocumentSession against a real browser host on a real workspace: changes are
 * acknowledged, undo/redo reach the disk, and when the host goes away the changes stay queued
 * and stashed, are retried, and land once it is back.
 */
import { mkdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, httpSend } from '../../renderer/api/client';
import { DocumentSession, type Stash } from '../../renderer/state/document-session';
import { startHost, type RunningHost } from '../../electron/host';
import { openAppSettings } from '../../electron/services/app-paths';
import { Workspace } from '../../electron/services/workspace';
import { addSpan, setAttribute } from '../../shared/model/commands';
import type { Operation } from '../../shared/model/operations';
import { layerFile } from './support/layout';
import { SAMPLES, tempDir } from './support/temp';
import { untilSaveState } from './support/wait';

process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-data-');

class MemoryStash implements Stash {
  readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

let n = 0;
const stamp = () => ({ author: 'ann', now: new Date().toISOString(), newId: () => `a${++n}` });
const must = (x: Operation[] | string | null): Operation[] => {
  if (x === null || typeof x === 'string') throw new Error(String(x));
  return x;
};
const hosts: RunningHost[] = [];
afterAll(() => Promise.all(hosts.map((h) => h.close())));

async function setup() {
  const dir = await tempDir();
  const workspace = await Workspace.open(dir);
  const { row } = (await workspace.importPaths([join(SAMPLES, 'us-envoy-arrives-in-japan.txt')])).imported[0]!;
  const settings = await openAppSettings();
  const host = await startHost({ workspace, settings, rendererDir: dir });
  hosts.push(host);
  const api = createClient(httpSend(`http://127.0.0.1:${host.port}`, host.token));
  /** The layer the window saves into: the analyst's own (Preferences' author). */
  const me = (await api.getWorkspace()).annotator;
  /** The analyst's layer of the document as a fresh open of the workspace reads it. */
  const stored = async () => (await (await Workspace.open(dir)).openDocument(row.id, me)).annotations;
  return { dir, workspace, settings, host, api, docId: row.id, me, stored };
}

describe('DocumentSession', () => {
  it('saves each change, and undo/redo are saved too', async () => {
    const { api, docId, stored: storedNow } = await setup();
    const stash = new MemoryStash();
    const rows: number[] = [];
    const session = new DocumentSession(await api.getDocument({ docId }), api, (row) => rows.push(row.annotationCount), stash);
    const hill = session.doc.text.indexOf('Hill said');
    session.apply(must(addSpan(session.doc, (await api.getWorkspace()).schema, 'Source', hill, hill + 4, stamp())));
    const id = session.doc.annotations[0]!.id;
    session.apply(must(setAttribute(session.doc, id, 'identification', 'described', new Date().toISOString())));
    expect(session.state.pending).toBeGreaterThan(0);
    await untilSaveState(session, (s) => s.status === 'saved');
    expect(rows.at(-1)).toBe(1);
    expect(stash.items.size).toBe(0);

    session.undo();
    session.undo();
    await untilSaveState(session, (s) => s.status === 'saved');
    expect(await storedNow()).toEqual([]);
    session.redo();
    await untilSaveState(session, (s) => s.status === 'saved');
    const stored = await storedNow();
    expect(stored.map((a) => a.quote)).toEqual(['Hill']);
    expect(stored[0]!.attributes.identification).toBeUndefined(); // nobody chose it: nothing is stored
    session.redo();
    await untilSaveState(session, (s) => s.status === 'saved');
    expect((await storedNow())[0]!.attributes.identification).toBe('described');
    expect(session.canRedo).toBe(false);
  });

  it('tells each save state once: a save going out right after its change re-renders nothing (#14)', async () => {
    const { api, docId } = await setup();
    const session = new DocumentSession(await api.getDocument({ docId }), api, () => undefined, new MemoryStash());
    const heard: string[] = []; // each is a re-render of the save status
    session.subscribeState((s) => heard.push(`${s.status} ${s.pending}`));
    const hill = session.doc.text.indexOf('Hill said');
    session.apply(must(addSpan(session.doc, (await api.getWorkspace()).schema, 'Source', hill, hill + 4, stamp())));
    await untilSaveState(session, (s) => s.status === 'saved');
    expect(heard).toEqual(['saving 1', 'saved 0']);
  });

  it('keeps changes while the host is down, shows the failure, and saves them when it is back', async () => {
    const { dir, workspace, settings, host, api, docId, me, stored } = await setup();
    const stash = new MemoryStash();
    const session = new DocumentSession(await api.getDocument({ docId }), api, () => undefined, stash);
    const schema = (await api.getWorkspace()).schema;
    await host.close();

    const at = session.doc.text.indexOf('splintering');
    const change = must(addSpan(session.doc, schema, 'Claim', at, at + 'splintering'.length, stamp()));
    session.apply(change);
    const failed = await untilSaveState(session, (s) => s.status === 'failed');
    expect(failed.pending).toBe(1); // one change: the annotation, and the status it moves to in_progress
    expect(failed.error).toMatch(/did not answer/);
    expect(session.doc.annotations).toHaveLength(1);
    expect([...stash.items.values()][0]).toContain('splintering');

    // A reloaded window would pick the change up from the stash.
    const reloaded = new DocumentSession(await workspace.openDocument(docId, me), api, () => undefined, stash);
    expect(reloaded.doc.annotations.map((a) => a.quote)).toEqual(['splintering']);
    reloaded.dispose();

    const back = await startHost({ workspace, settings, rendererDir: dir, port: host.port, token: host.token });
    hosts.push(back);
    session.retryNow();
    await untilSaveState(session, (s) => s.status === 'saved');
    expect((await stored()).map((a) => a.quote)).toEqual(['splintering']);
    expect(stash.items.size).toBe(0);
  });

  it('keeps changes through a failing disk write, says why, and saves them once the disk is fixed', async () => {
    const { dir, api, docId, me, stored } = await setup();
    const session = new DocumentSession(await api.getDocument({ docId }), api, () => undefined, null);
    const schema = (await api.getWorkspace()).schema;
    // A folder where the atomic writer puts the layer file's temporary file makes every save fail, even as root.
    const layer = layerFile(dir, docId, me);
    const blocker = join(dirname(layer), `.${basename(layer)}.tmp`);
    await mkdir(blocker, { recursive: true });
    const at = session.doc.text.indexOf('Tokyo');
    const change = must(addSpan(session.doc, schema, 'Entity', at, at + 5, stamp()));
    session.apply(change);
    const failed = await untilSaveState(session, (s) => s.status === 'failed');
    expect(failed).toMatchObject({ pending: 1 }); // one change of two operations
    expect(failed.error).toMatch(/Could not save .* Your changes are kept/);
    expect(session.doc.annotations.map((a) => a.quote)).toEqual(['Tokyo']);
    // Nothing half-done on disk: the retry below must really write.
    expect(await stored()).toEqual([]);

    await rm(blocker, { recursive: true });
    session.retryNow();
    await untilSaveState(session, (s) => s.status === 'saved');
    expect((await stored()).map((a) => a.quote)).toEqual(['Tokyo']);
  });

  it('replays a stash whose changes were all stored (an add, then an update of it) without a conflict', async () => {
    const { workspace, api, docId, me, stored: storedNow } = await setup();
    const schema = (await api.getWorkspace()).schema;
    const fresh = await api.getDocument({ docId });
    const at = fresh.text.indexOf('Tokyo');
    const add = must(addSpan(fresh, schema, 'Source', at, at + 5, stamp()));
    const id = (add[0] as Extract<Operation, { op: 'addAnnotation' }>).annotation.id;
    const afterAdd = await workspace.applyChanges(docId, me, add).then(() => workspace.openDocument(docId, me));
    const update = must(setAttribute(afterAdd, id, 'kb_id', 'Q1490', new Date().toISOString()));
    await workspace.applyChanges(docId, me, update);
    // The window closed before either acknowledgement arrived: both batches are still stashed.
    const stash = new MemoryStash();
    stash.setItem(`claimdesk.pending.${docId}`, JSON.stringify([add, update]));
    const session = new DocumentSession(await api.getDocument({ docId }), api, () => undefined, stash);
    const state = await untilSaveState(session, (s) => s.status !== 'saving');
    expect(state).toMatchObject({ status: 'saved', pending: 0 });
    expect(stash.items.size).toBe(0);
    const stored = await storedNow();
    expect(stored.map((a) => [a.quote, a.attributes.kb_id])).toEqual([['Tokyo', 'Q1490']]);
  });

  it('rolls back a change that reuses a stored id for other content (CONFLICT), instead of retrying it forever', async () => {
    const { workspace, api, docId, me } = await setup();
    const doc = await api.getDocument({ docId });
    const taken: Operation = {
      op: 'addAnnotation',
      annotation: {
        id: 'taken',
        label: 'Claim',
        start: 0,
        end: 4,
        quote: doc.text.slice(0, 4),
        attributes: {},
        author: 'a',
        createdAt: 't',
        updatedAt: 't',
      },
    };
    await workspace.applyChanges(docId, me, [taken]);
    const session = new DocumentSession(doc, api, () => undefined, null);
    session.apply([{ ...taken, annotation: { ...taken.annotation, author: 'someone else' } }]);
    const state = await untilSaveState(session, (s) => s.status === 'failed' && s.pending === 0);
    expect(state.error).toMatch(/could not be saved and was undone: .*already exists with other content/);
    expect(state.retryAt).toBeUndefined();
  });

  it('rolls back and reports a change the service refuses', async () => {
    const { api, docId } = await setup();
    const session = new DocumentSession(await api.getDocument({ docId }), api, () => undefined, null);
    const bogus: Operation = {
      op: 'addAnnotation',
      annotation: {
        id: 'x1',
        label: 'Rumour',
        start: 0,
        end: 4,
        quote: session.doc.text.slice(0, 4),
        attributes: {},
        author: 'a',
        createdAt: 't',
        updatedAt: 't',
      },
    };
    session.apply([bogus]);
    const state = await untilSaveState(session, (s) => s.status === 'failed' && s.pending === 0);
    expect(state.error).toMatch(/could not be saved and was undone: .*no label "Rumour"/);
    expect(session.doc.annotations).toEqual([]);
    expect(session.canUndo).toBe(false);
  });
});
