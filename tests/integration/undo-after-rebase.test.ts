/**
 * Undo, redo and unsaved changes after a window takes in a version of its layer another window
 * saved (#12 review, DocumentSession.rebase): two windows' sessions of one layer on a real browser
 * host and workspace. An undo step that touches what the other window changed is dropped from the
 * history and said, never replayed over the other window's work; so is a step whose annotation the
 * other window deleted, and one whose undo no longer applies (its annotation was linked meanwhile); an unsaved attribute change
 * replayed on the other window's version keeps the other window's attributes. Every check reads the
 * layer back from the disk.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, httpSend } from '../../renderer/api/client';
import { SessionRegistry } from '../../renderer/state/session-registry';
import { startHost, type RunningHost } from '../../electron/host';
import { openAppSettings } from '../../electron/services/app-paths';
import { Workspace } from '../../electron/services/workspace';
import { addSpan, deleteSpan, link, setAttribute, setStatus } from '../../shared/model/commands';
import type { Operation } from '../../shared/model/operations';
import { SAMPLES, tempDir } from './support/temp';
import { untilSaveState } from './support/wait';

process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-data-');

let n = 0;
const stamp = () => ({ author: 'ann', now: new Date().toISOString(), newId: () => `u${++n}` });
const now = () => new Date().toISOString();
const must = (x: Operation[] | string | null): Operation[] => {
  if (x === null || typeof x === 'string') throw new Error(String(x));
  return x;
};
const hosts: RunningHost[] = [];
const registries: SessionRegistry[] = [];
afterAll(async () => {
  registries.forEach((r) => r.dispose());
  await Promise.all(hosts.map((h) => h.close()));
});

/**
 * A workspace with the envoy article, served by a real host, and two windows (A and B) with a
 * session each of the analyst's layer. With `claim`, the layer already holds a Claim on "Hill"
 * (saved before either window opened it, so it is in neither window's history).
 */
async function setup({ claim }: { claim: boolean }) {
  const dir = await tempDir();
  const workspace = await Workspace.open(dir);
  const { row } = (await workspace.importPaths([join(SAMPLES, 'us-envoy-arrives-in-japan.txt')])).imported[0]!;
  const host = await startHost({ workspace, settings: await openAppSettings(), rendererDir: dir });
  hosts.push(host);
  const base = `http://127.0.0.1:${host.port}`;
  const docId = row.id;
  const setupApi = createClient(httpSend(base, host.token, 'setup'));
  const { schema, annotator: me } = await setupApi.getWorkspace();
  if (claim) {
    const doc = await setupApi.getDocument({ docId, layer: me });
    const at = doc.text.indexOf('Hill');
    await setupApi.applyChanges({ docId, layer: me, ops: must(addSpan(doc, schema, 'Claim', at, at + 4, stamp())) });
  }
  const heard: Record<'a' | 'b', string[]> = { a: [], b: [] };
  const window = async (name: 'a' | 'b') => {
    const api = createClient(httpSend(base, host.token, `win-${name}`));
    const registry = new SessionRegistry(api, null, { onSaved: () => undefined, onRefused: (m) => heard[name].push(m) });
    registries.push(registry);
    return { registry, session: await registry.open({ docId, layer: me, annotator: me }) };
  };
  const a = await window('a');
  const b = await window('b');
  /** The layer as a fresh open of the workspace reads it from the disk. */
  const stored = async () => (await Workspace.open(dir)).openDocument(docId, me);
  return { docId, me, schema, a, b, stored };
}

describe('undo after another window’s change is taken in', () => {
  it('drops the step that touches an annotation the other window changed, so undo never wipes its attribute', async () => {
    const { docId, me, a, b, stored } = await setup({ claim: true });
    const x = a.session.doc.annotations[0]!.id;
    a.session.apply(must(setAttribute(a.session.doc, x, 'checkworthy', 'yes', now())));
    await untilSaveState(a.session, (s) => s.status === 'saved');
    await b.registry.reload({ docId, layer: me });
    b.session.apply(must(setAttribute(b.session.doc, x, 'claim_type', 'statistical', now())));
    await untilSaveState(b.session, (s) => s.status === 'saved');

    const reloaded = await a.registry.reload({ docId, layer: me });
    expect(a.session.doc.annotations[0]!.attributes).toEqual({ checkworthy: 'yes', claim_type: 'statistical' });
    const undone = a.session.undo();
    await untilSaveState(a.session, (s) => s.status === 'saved');
    expect((await stored()).annotations[0]!.attributes).toEqual({ checkworthy: 'yes', claim_type: 'statistical' });
    expect(undone).toEqual({ status: 'empty' });
    expect(reloaded).toEqual({ isTaken: true, historyCleared: ['Undo history for set checkworthy was cleared: another window changed it.'] });
  });

  it('drops the tag that started the document once the other window set its status, so undo never sets it back to new', async () => {
    const { docId, me, schema, a, b, stored } = await setup({ claim: false });
    const hill = a.session.doc.text.indexOf('Hill');
    a.session.apply(must(addSpan(a.session.doc, schema, 'Claim', hill, hill + 4, stamp())));
    await untilSaveState(a.session, (s) => s.status === 'saved');
    expect((await stored()).status).toBe('in_progress');
    await b.registry.reload({ docId, layer: me });
    b.session.apply(must(setStatus(b.session.doc, 'done')));
    await untilSaveState(b.session, (s) => s.status === 'saved');

    const reloaded = await a.registry.reload({ docId, layer: me });
    const undone = a.session.undo();
    await untilSaveState(a.session, (s) => s.status === 'saved');
    const after = await stored();
    expect(after.status).toBe('done');
    expect(after.annotations.map((x) => x.quote)).toEqual(['Hill']);
    expect(undone).toEqual({ status: 'empty' });
    expect(reloaded.historyCleared).toEqual(['Undo history for tag Claim “Hill” was cleared: another window changed it.']);
  });

  it('drops the steps whose annotation the other window deleted, so undo has nothing left to fail on', async () => {
    const { docId, me, a, b, stored } = await setup({ claim: true });
    const x = a.session.doc.annotations[0]!.id;
    a.session.apply(must(setAttribute(a.session.doc, x, 'checkworthy', 'yes', now())));
    a.session.apply(must(setAttribute(a.session.doc, x, 'claim_type', 'causal', now())));
    await untilSaveState(a.session, (s) => s.status === 'saved');
    await b.registry.reload({ docId, layer: me });
    b.session.apply(must(deleteSpan(b.session.doc, x)));
    await untilSaveState(b.session, (s) => s.status === 'saved');

    // Both steps change the deleted annotation: undone, they would fail ("annotation … does not exist").
    const reloaded = await a.registry.reload({ docId, layer: me });
    expect(a.session.canUndo).toBe(false);
    expect(a.session.undo()).toEqual({ status: 'empty' });
    expect(reloaded.historyCleared).toEqual(['Undo history for 2 changes was cleared: another window changed it.']);
    expect((await stored()).annotations).toEqual([]);
  });
  it('drops a step whose undo no longer applies though the other window changed something else (a link to what it tagged)', async () => {
    const { docId, me, schema, a, b, stored } = await setup({ claim: true });
    const x = a.session.doc.annotations[0]!.id;
    const tokyo = a.session.doc.text.indexOf('Tokyo');
    a.session.apply(must(addSpan(a.session.doc, schema, 'Source', tokyo, tokyo + 5, stamp())));
    await untilSaveState(a.session, (s) => s.status === 'saved');
    const y = a.session.doc.annotations.find((an) => an.quote === 'Tokyo')!.id;
    await b.registry.reload({ docId, layer: me });
    b.session.apply(must(link(b.session.doc, schema, x, y, stamp())));
    await untilSaveState(b.session, (s) => s.status === 'saved');

    // Undone, the tag would remove an annotation that now has a link ("still has links").
    const reloaded = await a.registry.reload({ docId, layer: me });
    expect(a.session.doc.relations).toHaveLength(1);
    expect(a.session.undo()).toEqual({ status: 'empty' });
    expect(reloaded.historyCleared).toEqual(['Undo history for tag Source “Tokyo” was cleared: another window changed it.']);
    const after = await stored();
    expect(after.annotations.map((an) => an.quote).sort()).toEqual(['Hill', 'Tokyo']);
    expect(after.relations.map((r) => [r.from, r.to])).toEqual([[x, y]]);
  });
});

describe('unsaved changes replayed on another window’s version', () => {
  it('keep the other window’s attributes: only the keys this window changed are saved', async () => {
    const { docId, me, a, b, stored } = await setup({ claim: true });
    const x = a.session.doc.annotations[0]!.id;
    b.session.apply(must(setAttribute(b.session.doc, x, 'claim_type', 'statistical', now())));
    await untilSaveState(b.session, (s) => s.status === 'saved');
    const theirs = await b.registry.open({ docId, layer: me, annotator: me }).then((s) => s.doc);

    // A sets another key and takes in B's version before its save goes out (the save waits for the next task).
    a.session.apply(must(setAttribute(a.session.doc, x, 'checkworthy', 'no', now())));
    expect(a.session.state.pending).toBe(1);
    a.session.rebase(theirs);
    expect(a.session.doc.annotations[0]!.attributes).toEqual({ checkworthy: 'no', claim_type: 'statistical' });
    await untilSaveState(a.session, (s) => s.status === 'saved');
    expect((await stored()).annotations[0]!.attributes).toEqual({ checkworthy: 'no', claim_type: 'statistical' });
  });
});
