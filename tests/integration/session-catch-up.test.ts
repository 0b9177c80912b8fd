/**
 * Catching up after the change feed was down (#12 review, SessionRegistry.catchUp), on a real
 * browser host and workspace: the shown document's layer is read afresh with what another window saved
 * meanwhile, a layer with unsaved changes is kept and read too, and every other open layer is
 * forgotten (read afresh when opened again) instead of being read for nothing.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, httpSend } from '../../renderer/api/client';
import { SessionRegistry } from '../../renderer/state/session-registry';
import { startHost, type RunningHost } from '../../electron/host';
import { openAppSettings } from '../../electron/services/app-paths';
import { Workspace } from '../../electron/services/workspace';
import { addSpan } from '../../shared/model/commands';
import type { Operation } from '../../shared/model/operations';
import { SAMPLES, tempDir } from './support/temp';
import { untilSaveState } from './support/wait';

process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-data-');

let n = 0;
const stamp = () => ({ author: 'ann', now: new Date().toISOString(), newId: () => `c${++n}` });
const must = (x: Operation[] | string | null): Operation[] => {
  if (x === null || typeof x === 'string') throw new Error(String(x));
  return x;
};
const hosts: RunningHost[] = [];
afterAll(() => Promise.all(hosts.map((h) => h.close())));

describe('SessionRegistry.catchUp', () => {
  it('reads the shown document’s layer and the layers with unsaved changes afresh, and forgets the others', async () => {
    const dir = await tempDir();
    const workspace = await Workspace.open(dir);
    const files = ['us-envoy-arrives-in-japan.txt', 'heatwave-grid-warning.md', 'multilingual-summit-report.txt'];
    const { imported } = await workspace.importPaths(files.map((f) => join(SAMPLES, f)));
    const host = await startHost({ workspace, settings: await openAppSettings(), rendererDir: dir });
    hosts.push(host);
    const base = `http://127.0.0.1:${host.port}`;
    const api = createClient(httpSend(base, host.token, 'win-a'));
    const other = createClient(httpSend(base, host.token, 'win-b'));
    const { schema, annotator: me } = await api.getWorkspace();
    const registry = new SessionRegistry(api, null, { onSaved: () => undefined, onRefused: () => undefined });
    const [shown, clean, unsaved] = imported.map(({ row }) => ({ docId: row.id, layer: me, annotator: me }));
    const shownSession = await registry.open(shown!);
    const cleanSession = await registry.open(clean!);
    const unsavedSession = await registry.open(unsaved!);

    // Meanwhile (the feed down) another window tags the shown article.
    const doc = await other.getDocument({ docId: shown!.docId, layer: me });
    const at = doc.text.indexOf('Hill');
    await other.applyChanges({ docId: shown!.docId, layer: me, ops: must(addSpan(doc, schema, 'Source', at, at + 4, stamp())) });
    // This window has a change on its way for the third article (its save goes out in the next task).
    unsavedSession.apply(must(addSpan(unsavedSession.doc, schema, 'Claim', 0, 5, stamp())));

    const result = await registry.catchUp(shown!.docId);
    expect(result).toEqual({ isTaken: true, historyCleared: [] });
    expect(registry.get(shown!)).toBe(shownSession);
    expect(shownSession.doc.annotations.map((a) => a.quote)).toEqual(['Hill']);
    expect(registry.get(unsaved!)).toBe(unsavedSession);
    expect(registry.get(clean!)).toBeUndefined();
    // Forgotten, it is read afresh (a new session) when opened again.
    expect(await registry.open(clean!)).not.toBe(cleanSession);
    await untilSaveState(unsavedSession, (s) => s.status === 'saved');
    registry.dispose();
  });
});
