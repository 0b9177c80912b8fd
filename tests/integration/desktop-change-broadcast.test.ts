/**
 * The desktop shell's change feed (#12), under Node: a write acknowledged to one window through
 * the service API (on a real temporary workspace) is sent to every other live window on
 * CHANGE_CHANNEL, never back to its own window or to a closed one, and a refused write to none.
 * The windows are stand-ins for Electron's web contents (there is no Electron binary here), with
 * the three members the broadcast uses.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { broadcastChanges, windowClientId, type ChangeReceiver } from '../../electron/desktop/change-broadcast';
import { CHANGE_CHANNEL } from '../../electron/ipc-channel';
import { createServiceApi } from '../../electron/services/api';
import { openAppSettings } from '../../electron/services/app-paths';
import { ChangeFeed } from '../../electron/services/change-feed';
import { browserShell } from '../../electron/services/export/jobs';
import { Workspace } from '../../electron/services/workspace';
import type { ChangeEvent } from '../../shared/api';
import { SAMPLES, tempDir } from './support/temp';

process.env.CLAIMDESK_DATA_DIR = await tempDir('claimdesk-data-');

/** A window's web contents as far as the broadcast sees it: what it was sent. */
function windowOf(id: number, isClosed = false): ChangeReceiver & { received: [string, ChangeEvent][] } {
  const received: [string, ChangeEvent][] = [];
  return { id, received, isDestroyed: () => isClosed, send: (channel, event) => void received.push([channel, event]) };
}

describe('the desktop change broadcast', () => {
  it('sends each acknowledged write to every other live window, and a refused one to none', async () => {
    const dir = await tempDir();
    const workspace = await Workspace.open(dir);
    const session = { current: workspace };
    const api = createServiceApi(session, await openAppSettings(), browserShell(dir));
    const feed = new ChangeFeed(() => session.current.info().revision);
    const [one, two, closed] = [windowOf(1), windowOf(2), windowOf(3, true)];
    feed.subscribe(broadcastChanges(() => [one, two, closed]));
    const fromOne = feed.publishing(api, windowClientId(one.id));

    const data = (await readFile(join(SAMPLES, 'us-envoy-arrives-in-japan.txt'))).toString('base64');
    await fromOne.importFiles({ files: [{ name: 'envoy.txt', data }] });
    const { revision } = workspace.info();
    expect(two.received).toEqual([[CHANGE_CHANNEL, { revision, kind: 'import', clientId: 'window-1' }]]);
    expect(one.received).toEqual([]);
    expect(closed.received).toEqual([]);

    await expect(fromOne.deleteDocument({ docId: 'ffffff' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(two.received).toHaveLength(1);
  });
});
