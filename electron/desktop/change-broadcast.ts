/**
 * How the desktop shell passes the change feed on to its windows (#12): each write acknowledged to
 * one window goes to every other window on CHANGE_CHANNEL, where the preload hands it to the page
 * (`window.claimdesk.onChange`). The window that made the write already shows it and is skipped.
 * Plain Node: main gives it the windows' web contents; tested without Electron.
 */
import type { ChangeEvent } from '../../shared/api';
import { CHANGE_CHANNEL } from '../ipc-channel';

/** What the broadcast needs of a window's web contents (Electron's WebContents has all of it). */
export type ChangeReceiver = Readonly<{ id: number; isDestroyed: () => boolean; send: (channel: string, event: ChangeEvent) => void }>;

/** The client id the change feed gives a window's writes: from its web contents' id. */
export const windowClientId = (webContentsId: number): string => `window-${webContentsId}`;

/**
 * A change-feed listener that sends each event to every live window but the one it came from.
 * @param receivers the windows' web contents now (read on every event: windows come and go)
 */
export function broadcastChanges(receivers: () => readonly ChangeReceiver[]): (event: ChangeEvent) => void {
  return (event) => {
    for (const receiver of receivers())
      if (!receiver.isDestroyed() && windowClientId(receiver.id) !== event.clientId) receiver.send(CHANGE_CHANNEL, event);
  };
}
