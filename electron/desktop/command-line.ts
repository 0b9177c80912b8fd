/**
 * The desktop shell's command line: which of Electron's arguments are the user's, and the
 * workspace they ask for. Plain Node (no 'electron' import), so it is tested under Node; it
 * must not open anything itself.
 */
import { resolve } from 'node:path';
import { parseShellArgs } from '../services/cli-args';

/** The options that take a value; every other switch is Chromium's or Electron's and is dropped. */
const VALUE_OPTIONS = new Set(['--workspace', '--port']);

/**
 * The user's own arguments from Electron's argv: drops the binary, the app path (when run as
 * `electron <app>`), and Chromium/Electron switches (`--no-sandbox`, `--inspect=0`, `-psn_…`),
 * keeping `--workspace`/`--port` with their values.
 * @param argv process.argv of an Electron process (argv[0] is the binary)
 * @param hasAppPath true when Electron was started as `electron <app dir>` (process.defaultApp)
 * @returns the arguments for parseShellArgs, in order
 */
export function userArgs(argv: readonly string[], hasAppPath: boolean): string[] {
  const kept: string[] = [];
  let skipAppPath = hasAppPath;
  for (let i = 1; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const name = arg.split('=', 1)[0] ?? '';
    if (VALUE_OPTIONS.has(name)) {
      kept.push(arg);
      const value = argv[i + 1];
      if (!arg.includes('=') && value !== undefined) {
        kept.push(value);
        i += 1;
      }
    } else if (arg.startsWith('-')) continue;
    else if (skipAppPath) skipAppPath = false;
    else kept.push(arg);
  }
  return kept;
}

/**
 * The workspace a launch asks for with `--workspace` (`--port` is the browser host's).
 * @param args the user's arguments (see userArgs)
 * @param cwd the launch's working directory, which a relative folder is under
 * @returns the absolute folder, or undefined when none is asked for
 * @throws TypeError with a user-facing message for an unknown option, a bad port or an empty folder
 */
export function requestedWorkspace(args: readonly string[], cwd: string): string | undefined {
  const requested = parseShellArgs(args).workspace;
  if (requested === undefined) return undefined;
  if (requested.trim() === '') throw new TypeError('--workspace needs a folder, e.g. --workspace ~/claims');
  return resolve(cwd, requested);
}

/**
 * What a launch hands to the running Claimdesk when it is the second one: its own arguments and
 * working directory, passed as requestSingleInstanceLock's additionalData (Electron's argv in
 * second-instance may be reordered or extended by Chromium).
 */
export type LaunchData = Readonly<{ args: readonly string[]; cwd: string }>;

/**
 * This launch's data for requestSingleInstanceLock.
 * @param argv process.argv
 * @param hasAppPath process.defaultApp (see userArgs)
 * @param cwd process.cwd()
 */
export function launchData(argv: readonly string[], hasAppPath: boolean, cwd: string): LaunchData {
  return { args: userArgs(argv, hasAppPath), cwd };
}

/** True for additionalData of our own shape (any other launcher's, or none, is not). */
function isLaunchData(data: unknown): data is LaunchData {
  if (typeof data !== 'object' || data === null) return false;
  const { args, cwd } = data as Record<string, unknown>;
  return typeof cwd === 'string' && Array.isArray(args) && args.every((arg) => typeof arg === 'string');
}

/** What a second launch asks the running Claimdesk for. */
export type LaunchRequest = Readonly<{ kind: 'focus' }> | Readonly<{ kind: 'open'; dir: string }> | Readonly<{ kind: 'invalid'; message: string }>;

/**
 * Reads a second launch's request from the second-instance event: its additionalData when it
 * is LaunchData, else Electron's argv and working directory.
 * @param data the event's additionalData (untrusted)
 * @param argv the event's argv
 * @param workingDirectory the event's working directory
 * @param hasAppPath this process's process.defaultApp (the second launch ran the same way)
 * @returns open (an absolute folder), focus (nothing asked for) or invalid (with the reason)
 */
export function secondLaunchRequest(data: unknown, argv: readonly string[], workingDirectory: string, hasAppPath: boolean): LaunchRequest {
  const launch = isLaunchData(data) ? data : launchData(argv, hasAppPath, workingDirectory);
  try {
    const dir = requestedWorkspace(launch.args, launch.cwd);
    return dir === undefined ? { kind: 'focus' } : { kind: 'open', dir };
  } catch (err) {
    return { kind: 'invalid', message: err instanceof Error ? err.message : String(err) };
  }
}
