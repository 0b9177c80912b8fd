/**
 * The few command-line options every shell shares (--workspace DIR, --port N), parsed with
 * node:util's parseArgs so that unknown or malformed options are clear errors.
 */
import { parseArgs } from 'node:util';

export type ShellOptions = { workspace?: string; port?: number; rest: string[] };

/**
 * Parses shell options.
 * @throws TypeError with a user-facing message for an unknown option or a bad port
 */
export function parseShellArgs(argv: readonly string[]): ShellOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { workspace: { type: 'string' }, port: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const options: ShellOptions = { rest: positionals };
  if (values.workspace !== undefined) options.workspace = values.workspace;
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`--port must be a number from 0 to 65535, not "${values.port}"`);
    options.port = port;
  }
  return options;
}
