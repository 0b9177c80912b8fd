/**
 * The preload script of the Claimdesk window (bundled to dist/electron/preload.cjs: the sandbox
 * requires CommonJS and lets it require nothing but 'electron'). It exposes exactly two functions
 * to the page: `window.claimdesk.send(method, arg)`, which forwards a call for an API method
 * to main over that method's IPC channel and resolves with main's Envelope, and
 * `window.claimdesk.onChange(listener)`, which hands the page the change feed main sends on
 * CHANGE_CHANNEL (writes other windows had acknowledged, #12).
 *
 * The method names come from main (API_METHODS, passed on the renderer's command line; see
 * ipc-channel.ts), read once before any page script runs. It must not expose ipcRenderer,
 * Node, the IPC event, or any other function, and it never rejects: unknown methods and transport failures
 * come back as failure envelopes, like the HTTP transport's.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiMethod, ChangeEvent, Envelope } from '../shared/api';
import { CHANGE_CHANNEL, channelFor, methodsFromArgv } from './ipc-channel';

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

/**
 * Listens to the change feed main sends this window.
 * @returns the function that stops listening (a no-op when `listener` is not a function)
 */
function onChange(listener: unknown): () => void {
  if (typeof listener !== 'function') return () => undefined;
  const handler = (_event: IpcRendererEvent, change: ChangeEvent): void => void (listener as (change: ChangeEvent) => void)(change);
  ipcRenderer.on(CHANGE_CHANNEL, handler);
  return () => void ipcRenderer.removeListener(CHANGE_CHANNEL, handler);
}

contextBridge.exposeInMainWorld('claimdesk', { send, onChange });
