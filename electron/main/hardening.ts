/**
 * Main's security settings for Electron itself: the privileged `app://claimdesk/` scheme the
 * page is served from (registered before ready, served on the session after it; never
 * file://), a session that refuses remote requests, permissions and downloads, and web
 * contents that may not navigate, redirect, open windows or attach webviews.
 *
 * It must not loosen any of these for a case; the scheme's path rules and headers live in
 * electron/app-protocol.ts, the IPC caller check in ipc.ts and the window's webPreferences in
 * window.ts.
 */
import { app, protocol, session, type WebContents } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from '../app-protocol';

const REMOTE_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/** Before ready, as Electron requires: registers the scheme the window's page is served from as privileged. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/**
 * Before any window exists: every renderer sandboxed, and every web contents created (ours or
 * any other) hardened by hardenContents.
 */
export function hardenApp(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}

/**
 * After ready: serves the renderer on the app scheme (every response carries the CSP; see
 * app-protocol.ts), refuses remote requests, permissions and downloads.
 * @param rendererDir the built renderer (dist/renderer)
 */
export function hardenSession(rendererDir: string): void {
  const ses = session.defaultSession;
  ses.protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: REMOTE_PROTOCOLS.has(protocolOf(details.url)) }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}

/** The URL's protocol ("file:"), or "" when it does not parse. */
function protocolOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return ''; // not a URL: nothing to refuse by protocol
  }
}

/** No web contents (ours or any other) may navigate, redirect, open windows or attach webviews. */
function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault()); // also stops dropped files from replacing the app
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
