/**
 * The preload script of the Claimdesk window (bundled to dist/electron/preload.cjs: the sandbox
 * requires CommonJS and lets it require nothing but 'electron'). It exposes exactly one function
 * to the page: `window.claimdesk.send(method, arg)`, which forwards a call for an API method
 * to main over that method's IPC channel and resolves with main's Envelope. There is no change
 * feed here: the desktop app has one window per workspace, and every other process on the
 * workspace is read-only (its lock), so no other window writes; changes other programs make to
 * the files reach the window through the workspace poll (`externalChanges`).
 *
 * The method names come from main (API_METHODS, passed on the renderer's command line; see
 * ipc-channel.ts), read once before any page script runs. It must not expose ipcRenderer,
 * Node, the IPC event, or any other function, and it never rejects: unknown methods and transport failures
 * come back as failure envelopes, like the HTTP transport's.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiMethod, Envelope } from '../shared/api';
import { channelFor, methodsFromArgv } from './ipc-channel';

const methods = methodsFromArgv(process.argv);

/** True when main announced `name` as an API method. */
function isKnownMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && methods.has(name as ApiMethod);
}

/**
 * Sends one API call to main.
 * @returns main's envelope; NOT_FOUND for a method outside the contract; IO when IPC itself fails
 */
function send(method: unknown, arg: unknown): Promise<Envelope<unknown>> {
  if (!isKnownMethod(method)) {
    return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `unknown API method "${String(method)}"` } });
  }
  return (ipcRenderer.invoke(channelFor(method), arg) as Promise<Envelope<unknown>>).catch(() => ({
    ok: false,
    error: { code: 'IO', message: `Claimdesk's main process did not answer ${method}; restart Claimdesk if this persists` },
  }));
}

contextBridge.exposeInMainWorld('claimdesk', { send });
