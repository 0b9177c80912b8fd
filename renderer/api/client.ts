/**
 * The renderer's only way to reach the services: a ClaimdeskApi built over a `Send`
 * function. In Electron, `send` is the preload bridge (IPC); in a browser, it is `fetch`
 * to the browser host. The app cannot tell which. A browser tab also hears the change feed (every
 * write acknowledged to any tab) through `changeSourceOf(api)` (change-stream.ts); the desktop
 * window has none (it is the only window on its workspace).
 */
import { API_METHODS, ApiError, CLIENT_ID_HEADER, failure, type ApiMethod, type ClaimdeskApi, type Envelope } from '../../shared/api';
import { httpChangeSource, setChangeSource } from './change-stream';

/** Sends one call and resolves with its envelope; never rejects. */
export type Send = (method: ApiMethod, arg: unknown) => Promise<Envelope<unknown>>;

/** The bridge the preload exposes as `window.claimdesk` in Electron: API calls. */
export type Bridge = Readonly<{ send: Send }>;

/**
 * Builds the API over a transport.
 * @returns an object with every contract method; a failed call rejects with ApiError
 */
export function createClient(send: Send): ClaimdeskApi {
  const call = (m: ApiMethod) => async (arg?: unknown) => {
    const res = await send(m, arg);
    if (!res.ok) throw new ApiError(res.error.code, res.error.message);
    return res.value;
  };
  return Object.fromEntries(API_METHODS.map((m) => [m, call(m)])) as unknown as ClaimdeskApi;
}

/**
 * The HTTP transport to the browser host.
 * @param clientId names the window on each call, so the change feed marks its writes as its own
 */
export const httpSend =
  (base: string, token: string, clientId?: string): Send =>
  (m, arg) =>
    fetch(`${base}/api/${m}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(clientId ? { [CLIENT_ID_HEADER]: clientId } : {}) },
      body: JSON.stringify(arg ?? null),
    })
      .then((r) => r.json() as Promise<Envelope<unknown>>)
      .catch(() => failure('IO', `Claimdesk's host did not answer (POST /api/${m}); is it still running?`));

const TOKEN_KEY = 'claimdesk.token';

/**
 * Picks the transport for this window: the preload bridge when present, else HTTP with the
 * token from the URL fragment (kept in sessionStorage so a reload keeps working) with the tab's
 * change feed.
 * @returns the client, or null when there is neither a bridge nor a token
 */
export function connect(win: Window & { claimdesk?: Bridge }): ClaimdeskApi | null {
  const bridge = win.claimdesk;
  if (bridge) return createClient(bridge.send);
  const fromHash = new URLSearchParams(win.location.hash.slice(1)).get('token');
  if (fromHash) {
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
    // Kept for a reload, in a task of its own: the window's first sessionStorage access waits on the
    // browser (1-29 ms measured), and the first calls (renderer/main.tsx) are sent when this task ends (#14).
    win.setTimeout(() => win.sessionStorage.setItem(TOKEN_KEY, fromHash));
  }
  const token = fromHash ?? win.sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const clientId = win.crypto.randomUUID();
  const api = createClient(httpSend(win.location.origin, token, clientId));
  setChangeSource(api, httpChangeSource(win.location.origin, token, clientId));
  return api;
}
