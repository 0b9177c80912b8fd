/**
 * The Content-Security-Policy for every page Claimdesk shows, in Electron (as a response
 * header set by main) and in the browser host. A plain constant so that main can import it
 * without pulling in the host's node:http server. Must stay free of DOM, node:* and electron.
 */

/** The Content-Security-Policy for every renderer page: own scripts only, no remote content, no frames. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
