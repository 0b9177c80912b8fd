/**
 * The one way the shells read their command lines (the Electron app, the browser host and the
 * `claimdesk` CLI): node:util's parseArgs, strict, so that unknown or malformed options are
 * clear errors. The options every shell shares (--workspace DIR) are defined here once.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** An option table, as parseArgs takes it. */
export type OptionTable = NonNullable<ParseArgsConfig['options']>;
type Parsed<T extends OptionTable> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

/** The options every shell takes. */
export const SHELL_OPTIONS = {
  workspace: { type: 'string' },
} as const satisfies OptionTable;

export type ShellOptions = { workspace?: string; port?: number; rest: string[] };

/**
 * Parses a command line against an option table: options may come anywhere, positionals are kept.
 * @throws TypeError with a user-facing message (from parseArgs) for an unknown option or a
 *   missing option value
 */
export function parseCommandLine<T extends OptionTable>(argv: readonly string[], options: T): Parsed<T> {
  return parseArgs({ args: [...argv], options, allowPositionals: true as const, strict: true as const });
}

/**
 * Parses the app's and the host's options (--workspace DIR, --port N).
 * @throws TypeError with a user-facing message for an unknown option or a bad port
 */
export function parseShellArgs(argv: readonly string[]): ShellOptions {
  const { values, positionals } = parseCommandLine(argv, { ...SHELL_OPTIONS, port: { type: 'string' } });
  const options: ShellOptions = { rest: positionals };
  if (values.workspace !== undefined) options.workspace = values.workspace;
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`--port must be a number from 0 to 65535, not "${values.port}"`);
    options.port = port;
  }
  return options;
}
