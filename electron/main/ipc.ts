/**
 * Main's IPC: one handler per API method, on the channel derived from its name
 * (electron/ipc-channel.ts), dispatching into the same service API as the browser host.
 *
 * It must not trust the renderer: every call is checked to come from our window's top-level
 * frame showing app://claimdesk/index.html, then validated by `dispatch`; anything else is
 * refused with an envelope, never thrown. It must not add a channel outside the API table. There is
 * no change feed to pass on: the app has one window per workspace, and any other process on the
 * workspace is read-only, so no other window writes (other programs' file changes reach the window
 * through the workspace poll).
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS, failure, type Envelope } from '../../shared/api';
import { dispatch } from '../../shared/api-validate';
import { isAppIndexUrl } from '../app-protocol';
import { channelFor } from '../ipc-channel';
import { createServiceApi } from '../services/api';
import type { AppState } from './app-state';
import { exportShell } from './dialogs';

const REFUSED: Envelope<never> = failure('INVALID_INPUT', 'this caller may not use the Claimdesk API');

/** True when an IPC call comes from the top-level frame of our window, showing our page. */
function isFromOurWindow(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  const top = win.webContents.mainFrame;
  return (
    frame !== null && frame.parent === null && frame.processId === top.processId && frame.routingId === top.routingId && isAppIndexUrl(frame.url)
  );
}

/**
 * Creates the service API (kept in `state.api` for the menu) and registers one IPC handler per
 * API method. Call once, after the launch workspace is open.
 */
export function registerIpc(state: AppState): void {
  const api = createServiceApi(state.shell.session, { db: state.settings, isWritable: state.canSaveSettings }, exportShell(state));
  state.api = api;
  for (const method of API_METHODS) {
    const onInternal = (err: unknown): void => console.error(`Claimdesk API ${method} failed:`, err);
    ipcMain.handle(channelFor(method), (event, arg: unknown) => {
      if (isFromOurWindow(event, state.window)) return dispatch(api, method, arg, onInternal);
      console.error(`Claimdesk refused ${method} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return REFUSED;
    });
  }
}
