/**
 * The `claimdesk` command line: headless work on a workspace folder for pipelines (import,
 * export, stats, validate; see cli/help.ts). `main` is the one entry (bin/claimdesk.mjs calls it,
 * and so does running this file): it owns the signal (SIGINT, SIGTERM and SIGHUP cancel the
 * command), and `runCli` always closes the workspace, releasing `.claimdesk.lock`, whatever the
 * command's end. Every end is a documented exit code (cli/exit.ts) with at most a one-line
 * message: no stack unless CLAIMDESK_DEBUG=1. It parses, calls the services and prints; it
 * holds no logic of its own.
 */
import { pathToFileURL } from 'node:url';
import { ApiError } from '../shared/api';
import { checkExportPaths, runAgreement, runExport, runImport, runStats, runSync, runValidate, type Io } from './cli/commands';
import { runMergeFileCommand } from './cli/sync';
import { checkSuggestWorkspace, runSuggest } from './cli/suggest';
import { CliFailure, EXIT, type ExitCode } from './cli/exit';
import { parseInvocation, type Invocation } from './cli/options';
import { analystName } from './services/app-paths';
import { Workspace } from './services/workspace';

export { EXIT } from './cli/exit';
export type { Io } from './cli/commands';

/** The signals that cancel a command: Ctrl-C, `kill`, a closed terminal. */
const CANCEL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const CONSOLE_IO: Io = { out: (line) => console.log(line), err: (line) => console.error(line) };

type WorkspaceCommand = Exclude<Invocation, { kind: 'help' } | { kind: 'merge-file' }>;

/**
 * Runs one CLI invocation as a process does: SIGINT, SIGTERM and SIGHUP abort the command (it
 * ends with EXIT.CANCELLED after closing the workspace) for as long as it runs.
 * @param argv the arguments after the program name
 * @returns the exit code; never throws
 */
export async function main(argv: readonly string[], io: Io = CONSOLE_IO): Promise<ExitCode> {
  const controller = new AbortController();
  const cancel = (signal: NodeJS.Signals) => controller.abort(new Error(`cancelled by ${signal}`));
  for (const signal of CANCEL_SIGNALS) process.on(signal, cancel);
  try {
    return await runCli(argv, io, controller.signal);
  } finally {
    for (const signal of CANCEL_SIGNALS) process.off(signal, cancel);
  }
}

/**
 * Runs one CLI invocation.
 * @param signal cancels the command (an export's output is then removed)
 * @returns the exit code; never throws
 */
export async function runCli(argv: readonly string[], io: Io, signal?: AbortSignal): Promise<ExitCode> {
  let invocation: Invocation;
  try {
    invocation = parseInvocation(argv);
  } catch (err) {
    return fail(err, 'claimdesk', io, signal);
  }
  if (invocation.kind === 'help') {
    (invocation.isError ? io.err : io.out)(invocation.text);
    return invocation.isError ? EXIT.USAGE : EXIT.OK;
  }
  if (invocation.kind === 'merge-file') {
    const [base, ours, theirs, path] = invocation.args as [string, string, string, string];
    return (await runMergeFileCommand([base, ours, theirs, path])) === 0 ? EXIT.OK : EXIT.BAD_INPUT;
  }
  const command = `claimdesk ${invocation.kind}`;
  let workspace: Workspace | null = null;
  try {
    if (invocation.kind === 'export') await checkExportPaths(invocation.plan);
    if (invocation.kind === 'suggest') checkSuggestWorkspace(invocation.workspace);
    workspace = await openWorkspace(
      invocation.workspace,
      invocation.kind === 'import' ? invocation.fallback : invocation.kind === 'sync' ? invocation.annotator : undefined,
    );
    signal?.throwIfAborted();
    return await runCommand(workspace, invocation, io, signal);
  } catch (err) {
    return fail(err, command, io, signal);
  } finally {
    await workspace?.close().catch((err: unknown) => io.err(`${command}: the workspace lock could not be released: ${(err as Error).message}`));
  }
}

function runCommand(workspace: Workspace, invocation: WorkspaceCommand, io: Io, signal: AbortSignal | undefined): Promise<ExitCode> | ExitCode {
  const holder = workspace.readOnlyReason();
  if (holder && invocation.kind !== 'import') io.err(`claimdesk ${invocation.kind}: note: ${holder}; reading it as it is on disk`);
  switch (invocation.kind) {
    case 'import':
      return runImport(workspace, invocation.paths, { annotator: invocation.annotator ?? undefined, fallback: invocation.fallback }, io, signal);
    case 'export':
      return runExport(workspace, invocation.plan, io, signal);
    case 'stats':
      return runStats(workspace, io);
    case 'validate':
      return runValidate(workspace, invocation.scope, io, signal);
    case 'sync':
      return runSync(workspace, invocation.annotator, io);
    case 'agreement':
      return runAgreement(workspace, invocation.plan, io);
    case 'suggest':
      return runSuggest(workspace, invocation.plan, io, signal);
  }
}

/**
 * Opens the workspace (Workspace.open refuses a file, a system folder such as /proc, a folder
 * it may not write, and linked documents/ or .backups/, each with a sentence saying what to do).
 * @throws CliFailure WORKSPACE with that sentence, or the fs error's code for anything else
 */
async function openWorkspace(dir: string, annotator?: string): Promise<Workspace> {
  try {
    // Every command opens as an analyst: an older workspace migrated now puts unsigned work in their layer.
    return await Workspace.open(dir, { annotator: annotator ?? analystName({ author: process.env.CLAIMDESK_ANNOTATOR }) });
  } catch (err) {
    const why =
      err instanceof ApiError
        ? err.message
        : `${dir} could not be opened as a workspace (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
    throw new CliFailure(EXIT.WORKSPACE, `claimdesk: ${why}`);
  }
}

/** The exit code of a service's ApiError, by command: what the user has to fix. */
function exitOfApiError(command: string, err: ApiError): ExitCode {
  if (command.endsWith('export')) return err.code === 'NOT_FOUND' ? EXIT.USAGE : EXIT.OUTPUT;
  if (command.endsWith('import')) return err.code === 'IO' || err.code === 'CONFLICT' ? EXIT.WORKSPACE : EXIT.BAD_INPUT;
  return EXIT.WORKSPACE;
}

/** Prints one line for how a command ended early and returns its exit code. */
function fail(err: unknown, command: string, io: Io, signal: AbortSignal | undefined): ExitCode {
  if (signal?.aborted) {
    const what = command.endsWith('export')
      ? 'nothing was written'
      : command.endsWith('import')
        ? 'the documents imported until now stay'
        : command.endsWith('suggest')
          ? 'nothing was written to --out; documents whose suggestions were accepted until now keep them'
          : 'nothing was changed';
    io.err(`${command}: cancelled; ${what}`);
    return EXIT.CANCELLED;
  }
  if (err instanceof CliFailure) {
    io.err(err.message);
    return err.code;
  }
  if (err instanceof ApiError) {
    io.err(`${command}: ${err.message}`);
    return exitOfApiError(command, err);
  }
  io.err(`${command}: unexpected error (a bug in Claimdesk; please report it): ${(err as Error).message ?? String(err)}`.split('\n')[0]!);
  if (process.env.CLAIMDESK_DEBUG) io.err(String((err as Error).stack ?? err));
  return EXIT.INTERNAL;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(await main(process.argv.slice(2)));
