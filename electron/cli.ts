/**
 * The `claimdesk` command line: headless work on a workspace folder for pipelines.
 * Commands: import, stats. Exit codes: 0 success, 1 some input was bad (reported),
 * 2 usage error, 3 the workspace cannot be opened.
 */
import { pathToFileURL } from 'node:url';
import { ApiError, type ImportReport } from '../shared/api';
import { parseShellArgs } from './services/cli-args';
import { Workspace } from './services/workspace';

export const EXIT = { OK: 0, BAD_INPUT: 1, USAGE: 2, WORKSPACE: 3 } as const;

const HELP = `Usage: claimdesk <command> --workspace DIR [arguments]

Commands:
  import <files|folders...>   import .txt, .md and .html articles (folders recursively)
  stats                       documents, statuses and annotation counts

Options:
  --workspace DIR   the workspace folder (created if missing)
  --help            this text

Exit codes: 0 done, 1 some files could not be imported (each is reported),
2 bad command or arguments, 3 the workspace could not be opened.`;

type Io = { out: (line: string) => void; err: (line: string) => void };

/**
 * Runs one CLI invocation.
 * @returns the process exit code
 */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    io.out(HELP);
    return argv.length === 0 ? EXIT.USAGE : EXIT.OK;
  }
  let options;
  try {
    options = parseShellArgs(argv);
  } catch (err) {
    io.err(`claimdesk: ${(err as Error).message}\n\n${HELP}`);
    return EXIT.USAGE;
  }
  const [command, ...args] = options.rest;
  if (command !== 'import' && command !== 'stats') {
    io.err(`claimdesk: unknown command "${command ?? ''}"; run claimdesk --help`);
    return EXIT.USAGE;
  }
  if (!options.workspace) {
    io.err('claimdesk: --workspace DIR is required (the folder is created if missing)');
    return EXIT.USAGE;
  }
  let workspace: Workspace;
  try {
    workspace = await Workspace.open(options.workspace);
  } catch (err) {
    io.err(`claimdesk: ${err instanceof ApiError ? err.message : String(err)}`);
    return EXIT.WORKSPACE;
  }
  if (command === 'stats') return printStats(workspace, io);
  if (args.length === 0) {
    io.err('claimdesk import: name at least one file or folder to import');
    return EXIT.USAGE;
  }
  const report = await workspace.importPaths(args);
  printImportReport(report, io);
  return report.failed.length > 0 ? EXIT.BAD_INPUT : EXIT.OK;
}

function printImportReport(report: ImportReport, io: Io): void {
  for (const { name, row, warnings } of report.imported) io.out(`imported  ${name} -> ${row.id} "${row.title}"${warnings.map((w) => ` (warning: ${w})`).join('')}`);
  for (const { name, existing } of report.duplicates) io.out(`skipped   ${name}: already in the workspace as "${existing.title}" (${existing.id})`);
  for (const { reason } of report.failed) io.err(`failed    ${reason}`);
  io.out(`${report.imported.length} imported, ${report.duplicates.length} already present, ${report.failed.length} failed`);
}

function printStats(workspace: Workspace, io: Io): number {
  const rows = workspace.listDocuments();
  const byStatus = new Map<string, number>();
  for (const row of rows) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);
  io.out(`workspace    ${workspace.path}`);
  io.out(`documents    ${rows.length}`);
  for (const [status, n] of byStatus) io.out(`  ${status.padEnd(11)}${n}`);
  io.out(`annotations  ${rows.reduce((sum, row) => sum + row.annotationCount, 0)}`);
  io.out(`characters   ${rows.reduce((sum, row) => sum + row.length, 0)}`);
  return EXIT.OK;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(70);
    },
  );
}
