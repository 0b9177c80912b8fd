/**
 * The IPC naming shared by main and the preload: one channel per API method, derived from the
 * method name by `channelFor` and never written out per method, and the way main tells the
 * preload which methods exist.
 *
 * Why main tells the preload: the sandboxed preload may require nothing but 'electron', and
 * the build keeps npm packages external, so the preload cannot load shared/api.ts (it imports
 * zod) to read API_METHODS. Main therefore passes API_METHODS to the window's renderer as one
 * command-line switch (webPreferences.additionalArguments); the preload reads it from
 * `process.argv` before any page script runs. Adding an API method needs no change here.
 *
 * Pure: must not import 'electron' or any runtime module (tests and the preload use it).
 */
import type { ApiMethod } from '../shared/api';

/** The prefix every Claimdesk IPC channel starts with. */
export const CHANNEL_PREFIX = 'claimdesk:';

/** The renderer switch that carries the API method names, comma-separated. */
export const METHODS_SWITCH = '--claimdesk-api-methods';

// A method name as the contract spells them (verbNoun): no punctuation, so it can sit in a
// switch and a channel name, and `__proto__`-like names can never pass.
const METHOD_NAME = /^[a-z][A-Za-z0-9]{0,63}$/;

/**
 * The IPC channel that carries one API method.
 * @param method an API method name
 * @returns `claimdesk:<method>`
 */
export function channelFor(method: ApiMethod): string {
  return `${CHANNEL_PREFIX}${method}`;
}

/**
 * The renderer switch announcing the API methods to the preload.
 * @param methods API_METHODS
 * @returns `--claimdesk-api-methods=getWorkspace,listDocuments,…`
 * @throws TypeError for a name that is not a plain verbNoun identifier
 */
export function methodsSwitch(methods: readonly string[]): string {
  const bad = methods.find((m) => !METHOD_NAME.test(m));
  if (bad !== undefined) throw new TypeError(`"${bad}" cannot be an API method name on the IPC bridge`);
  return `${METHODS_SWITCH}=${methods.join(',')}`;
}

/**
 * The API methods announced on a renderer's command line (the last such switch wins).
 * @param argv the renderer's process.argv
 * @returns the method names; empty when the switch is absent, so nothing is forwarded
 */
export function methodsFromArgv(argv: readonly string[]): ReadonlySet<ApiMethod> {
  const prefix = `${METHODS_SWITCH}=`;
  const arg = [...argv].reverse().find((a) => a.startsWith(prefix));
  const names = arg === undefined ? [] : arg.slice(prefix.length).split(',');
  return new Set(names.filter((name) => METHOD_NAME.test(name)) as ApiMethod[]);
}
