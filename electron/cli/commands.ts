/**
 * The CLI's four commands on an open workspace: each calls the services and prints what they
 * return. A documented failure is thrown as a CliFailure; the caller (cli.ts) owns opening and
 * closing the workspace, the signal and the mapping of every other error to an exit code.
 */
import { basename, sep } from 'node:path';
import { formatAgreement } from '../../shared/agreement';
import { workspaceAgreement } from '../services/agreement';
import { ApiError } from '../../shared/api';
import { formatReport, formatTable } from '../../shared/formats/report';
import type { ExportScope } from '../../shared/formats/scope';
import { importCorpusPaths, type CorpusImportReport } from '../services/importers/corpus';
import { exportDocuments, type ExportResult } from '../services/export/export';
import { ExportOutput, realOutputPath, workspaceOutputProblem } from '../services/export/output';
import { validateWorkspace, workspaceStats } from '../services/stats';
import { openAppSettings } from '../services/app-paths';
import { enableSuggestions } from '../services/suggestions/service';
import { SuggestionsFiles } from '../services/suggestions/store';
import type { Workspace } from '../services/workspace';
import type { AnnotatedImportOptions } from '../services/workspace/imports';
import { runSyncCommand } from './sync';
import { CliFailure, EXIT, type ExitCode } from './exit';
import type { AgreementPlan, ExportPlan } from './options';

/** Where the CLI prints. */
export type Io = { out: (line: string) => void; err: (line: string) => void };

/**
 * Waits for `work`, or rejects with the signal's reason as soon as it is aborted (the work is
 * then left to the process's exit: the services it runs take no signal yet).
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Imports files and folders of every kind Claimdesk reads.
 * @returns BAD_INPUT when a file or record was refused (each is printed), else OK
 * @throws CliFailure WORKSPACE when another Claimdesk holds the workspace
 */
export async function runImport(
  workspace: Workspace,
  paths: readonly string[],
  layers: AnnotatedImportOptions,
  io: Io,
  signal?: AbortSignal,
): Promise<ExitCode> {
  const holder = workspace.readOnlyReason();
  if (holder) throw new CliFailure(EXIT.WORKSPACE, `claimdesk import: ${holder}`);
  const imported = await untilAborted(importCorpusPaths(workspace, paths, layers), signal);
  // The app's preference applies to the command line too: the documents are ready with suggestions when opened.
  const report =
    (await openAppSettings()).db.data.suggestOnImport === true ? await enableSuggestions(workspace, new SuggestionsFiles(), imported) : imported;
  printImportReport(workspace, report, io);
  return report.failed.length > 0 || report.problems.length > 0 ? EXIT.BAD_INPUT : EXIT.OK;
}

/**
 * Refuses a --report that is the --out path or inside it (or the other way round), symlinks
 * resolved; before the workspace is opened, since it is a mistake in the arguments.
 * @throws CliFailure USAGE
 */
export async function checkExportPaths(plan: ExportPlan): Promise<void> {
  if (plan.reportFile === null) return;
  const [out, report] = await Promise.all([realOutputPath(plan.out), realOutputPath(plan.reportFile)]);
  const nested = (a: string, b: string) => a === b || a.startsWith(b + sep);
  if (nested(out, report) || nested(report, out))
    throw new CliFailure(
      EXIT.USAGE,
      `claimdesk export: --report ${plan.reportFile} and --out ${plan.out} name the same path (or one holds the other); give the report its own file`,
    );
}

/**
 * Exports in the plan's format, and writes the report file when asked; the report's path is
 * checked (and reserved) before the export starts, so a report that cannot be written never
 * comes after an export that was.
 * @throws CliFailure OUTPUT for an output path that is taken, a folder, not writable or in the
 *   workspace's own files; USAGE for a label the schema does not have
 */
export async function runExport(workspace: Workspace, plan: ExportPlan, io: Io, signal?: AbortSignal): Promise<ExitCode> {
  const paths: [string, string | null][] = [
    ['--out', plan.out],
    ['--report', plan.reportFile],
  ];
  for (const [option, path] of paths) {
    const problem = path === null ? null : await workspaceOutputProblem(path, workspace.path);
    if (problem) throw new CliFailure(EXIT.OUTPUT, `claimdesk export: ${option} ${problem}`);
  }
  const schema = workspace.info().schema;
  const unknown = (plan.scope.labels ?? []).filter((l) => !schema.labels.some((d) => d.name === l));
  if (unknown.length > 0)
    throw new CliFailure(
      EXIT.USAGE,
      `claimdesk export: the schema has no label ${unknown.map((l) => `"${l}"`).join(', ')} (labels: ${schema.labels.map((l) => l.name).join(', ')})`,
    );
  const reportOutput = plan.reportFile === null ? null : await reserveReport(plan.reportFile, plan.force);
  let result: ExportResult;
  try {
    result = await exportDocuments(
      workspace,
      { format: plan.format, out: plan.out, scope: plan.scope, split: plan.split, force: plan.force, bom: plan.bom },
      {
        ...(signal ? { signal } : {}),
        onPlan: (before) => {
          io.out('Export plan');
          for (const line of formatReport(before)) io.out(line);
          io.out('');
        },
      },
    );
  } catch (err) {
    await reportOutput?.discard();
    throw err;
  }
  printExportResult(result, io);
  if (reportOutput) {
    try {
      await reportOutput.writeFile(basename(reportOutput.target), `${JSON.stringify(result.after, null, 2)}\n`);
      await reportOutput.commit();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      throw new CliFailure(EXIT.OUTPUT, `claimdesk export: the export is written, but not its report: ${err.message}`);
    }
  }
  return EXIT.OK;
}

/** The report file's output, taken before the export: an existing path without force, or a folder, fails now. */
async function reserveReport(path: string, force: boolean): Promise<ExportOutput> {
  try {
    return await ExportOutput.create(path, 'file', force);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    throw new CliFailure(EXIT.OUTPUT, `claimdesk export: --report ${err.message}`);
  }
}

/**
 * Prints the workspace's counts.
 * @returns OK
 */
export function runStats(workspace: Workspace, io: Io): ExitCode {
  const stats = workspaceStats(workspace);
  io.out(`workspace    ${stats.path}`);
  io.out(`documents    ${stats.documents}`);
  for (const [status, n] of stats.byStatus) io.out(`  ${status.padEnd(11)}${n}`);
  io.out(`annotations  ${stats.annotations}`);
  for (const [label, n] of stats.byLabel) io.out(`  ${label.padEnd(11)}${n}`);
  io.out(`characters   ${stats.characters}`);
  return EXIT.OK;
}

/**
 * Checks the documents in scope and prints every problem.
 * @returns BAD_INPUT when there is any problem, else OK
 */
export async function runValidate(workspace: Workspace, scope: ExportScope, io: Io, signal?: AbortSignal): Promise<ExitCode> {
  const { documents, problems } = await validateWorkspace(workspace, scope, signal);
  if (problems.length === 0) {
    io.out(`${documents} document(s) checked: no problems`);
    return EXIT.OK;
  }
  const rows = problems.map((p) => [p.docId, p.id, p.at ? `[${p.at[0]}, ${p.at[1]})` : '', p.kind, p.message]);
  for (const line of formatTable(['document', 'id', 'at', 'kind', 'problem'], rows)) io.out(line);
  io.out(`${documents} document(s) checked: ${problems.length} problem(s)`);
  return EXIT.BAD_INPUT;
}

function printExportResult(result: ExportResult, io: Io): void {
  io.out(`Written: ${result.paths.length} file(s), ${(result.bytes / 1024 / 1024).toFixed(2)} MB`);
  for (const line of formatTable(
    ['file'],
    result.paths.slice(0, 20).map((p) => [p]),
  ))
    io.out(line);
  if (result.paths.length > 20) io.out(`... and ${result.paths.length - 20} more`);
  const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);
  io.out(
    `documents ${result.after.documents}, spans ${sum(result.after.spansPerLabel)}, relations ${sum(result.after.relationsPerType)}, problems ${result.after.problems.length}`,
  );
}

/** " (layers: ann 12, bob 3)": each layer's annotations of a document, or nothing when it has none. */
function layersNote(workspace: Workspace, docId: string): string {
  const layers = Object.entries(workspace.layers(docId));
  return layers.length === 0 ? '' : ` (layers: ${layers.map(([name, s]) => `${name} ${s.annotationCount}`).join(', ')})`;
}

function printImportReport(workspace: Workspace, report: CorpusImportReport, io: Io): void {
  for (const { name, row, warnings } of report.imported)
    io.out(`imported  ${name} -> ${row.id} "${row.title}"${layersNote(workspace, row.id)}${warnings.map((w) => ` (warning: ${w})`).join('')}`);
  for (const { name, existing } of report.duplicates) io.out(`skipped   ${name}: already in the workspace as "${existing.title}" (${existing.id})`);
  for (const { reason } of report.failed) io.err(`failed    ${reason}`);
  for (const p of report.problems) io.err(`problem   ${p.file}${p.line === null ? '' : `:${p.line}`}: ${p.reason}`);
  if (report.schemaAdded.length > 0) io.out(`schema    added ${report.schemaAdded.join('; ')}`);
  if (report.annotationsAdded + report.relationsAdded > 0)
    io.out(`added     ${report.annotationsAdded} annotations and ${report.relationsAdded} relations to existing documents`);
  io.out(
    `${report.imported.length} imported, ${report.duplicates.length} already present, ${report.failed.length} failed, ${report.problems.length} record problem(s)`,
  );
}

/**
 * Commits, fetches, merges and pushes the workspace through git as `annotator` (see services/sync).
 * @returns OK, or WORKSPACE when the sync failed (the message printed says what to do)
 */
export async function runSync(workspace: Workspace, annotator: string, io: Io): Promise<ExitCode> {
  const holder = workspace.readOnlyReason();
  if (holder) throw new CliFailure(EXIT.WORKSPACE, `claimdesk sync: ${holder}`);
  return (await runSyncCommand(workspace.syncTarget(annotator), io)) === 0 ? EXIT.OK : EXIT.WORKSPACE;
}

/**
 * Prints (or writes to --out) the agreement between the workspace's annotators.
 * @returns OK; USAGE when a document id is unknown
 */
export async function runAgreement(workspace: Workspace, plan: AgreementPlan, io: Io): Promise<ExitCode> {
  const known = new Set(workspace.listDocuments('').map((r) => r.id));
  const unknown = (plan.documentIds ?? []).filter((id) => !known.has(id));
  if (unknown.length > 0) throw new CliFailure(EXIT.USAGE, `claimdesk agreement: no document with id ${unknown.join(', ')} in this workspace`);
  const report = await workspaceAgreement(workspace, {
    docIds: plan.documentIds ?? undefined,
    annotators: plan.annotators ?? undefined,
    labels: plan.labels ?? undefined,
  });
  const text = formatAgreement(report, plan.format);
  if (plan.out === null) {
    io.out(text.replace(/\n$/, ''));
    return EXIT.OK;
  }
  // --out follows export's rules: never inside the workspace's own files, never replaced without --force, written whole or not at all.
  const problem = await workspaceOutputProblem(plan.out, workspace.path);
  if (problem) throw new CliFailure(EXIT.OUTPUT, `claimdesk agreement: --out ${problem}`);
  try {
    const output = await ExportOutput.create(plan.out, 'file', plan.force);
    try {
      await output.writeFile('', text.endsWith('\n') ? text : `${text}\n`);
      await output.commit();
    } catch (err) {
      await output.discard();
      throw err;
    }
  } catch (err) {
    if (err instanceof ApiError) throw new CliFailure(EXIT.OUTPUT, `claimdesk agreement: ${err.message}`);
    throw err;
  }
  io.out(`agreement    ${report.annotators.length} annotators, ${report.pairs.length} pairs, ${report.documents} documents -> ${plan.out}`);
  return EXIT.OK;
}
