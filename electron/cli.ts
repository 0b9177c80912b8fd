/**
 * The `claimdesk` command line: headless work on a workspace folder for pipelines.
 * Commands: import, export, stats, validate. Exit codes: 0 success, 1 some input was bad or
 * validate found problems (each is reported), 2 usage error, 3 the workspace cannot be opened,
 * 4 the export could not be written, 130 cancelled (Ctrl-C). It only parses, calls the services
 * and prints; it holds no logic of its own.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ApiError } from '../shared/api';
import { EXPORT_FORMATS, type ExportFormat } from '../shared/export/format';
import { FORMAT_SPECS } from '../shared/export/formats';
import { formatReport, formatTable } from '../shared/export/report';
import { isRowInScope, WHOLE_WORKSPACE, type ExportScope } from '../shared/export/scope';
import { parseSplitRatios } from '../shared/export/split';
import { validateDocument, type ValidationProblem } from '../shared/export/validate';
import { DOC_STATUSES, type DocStatus } from '../shared/model/types';
import { importCorpusPaths, type CorpusImportReport } from './services/corpus-import';
import { exportDocuments, type SplitOptions } from './services/export/export';
import { Workspace } from './services/workspace';

export const EXIT = { OK: 0, BAD_INPUT: 1, USAGE: 2, WORKSPACE: 3, OUTPUT: 4, CANCELLED: 130 } as const;

const EXIT_CODES = `Exit codes:
  0    done
  1    bad input: some files or records could not be imported, or validate found problems (each is listed)
  2    bad command or arguments
  3    the workspace could not be opened
  4    the export could not be written (the output exists and --force was not given, or its folder is not writable)
  130  cancelled (Ctrl-C); nothing is left at the output path`;

const HELP = `Usage: claimdesk <command> --workspace DIR [arguments]

Commands:
  import <files|folders...>   import articles (.txt, .md, .html), Claimdesk JSONL corpora (.jsonl),
                              W3C Web Annotation files (.json, .jsonld) and brat folders (.txt + .ann pairs)
  export --format F --out P   export documents and annotations (formats: ${EXPORT_FORMATS.join(', ')})
  stats                       documents, statuses and annotation counts
  validate                    check every span, relation and attribute against the text and the schema

Options:
  --workspace DIR   the workspace folder (created if missing)
  --help            this text; \`claimdesk <command> --help\` for a command's options

${EXIT_CODES}`;

const COMMAND_HELP: Readonly<Record<Command, string>> = {
  import: `Usage: claimdesk import --workspace DIR <files|folders...>

Imports, by kind:
  .txt .md .markdown .html .htm   articles (folders are searched recursively)
  .jsonl                          Claimdesk JSONL: documents with their annotations; the header's schema is
                                  adopted by an empty workspace, else the workspace schema gains what is missing
  .json .jsonld                   W3C Web Annotations: placed on documents already in the workspace
  a folder with .ann files        brat standoff: each .txt/.ann pair becomes a document with its annotations

A document whose text is already in the workspace is skipped. A bad record (a malformed JSONL line, an
item that is not an annotation, a brat line whose text does not match the .txt) is reported with its
file and line; the valid records still go in and nothing already in the workspace changes.

${EXIT_CODES}`,
  export: `Usage: claimdesk export --workspace DIR --format FORMAT --out PATH [options]

Formats:
${EXPORT_FORMATS.map((f) => `  ${f.padEnd(11)} ${FORMAT_SPECS[f].layout === 'folder' ? 'a folder' : 'one file'}${FORMAT_SPECS[f].needsTokenizer ? ', tokenized with Intl.Segmenter (ICU)' : ''}${FORMAT_SPECS[f].lossless ? ', lossless' : ''}`).join('\n')}

Options:
  --out PATH              the file to write (a folder for brat and hf, and for any --split)
  --split 80/10/10        train/dev/test by document; duplicate texts stay in one split
  --seed N                the split's seed (default 1); the same seed gives the same split
  --stratify              give every split documents with claims when there are enough
  --status STATUS         only documents with this status (new, in_progress, done); default all
  --labels A,B            only spans with these labels (relations between them are kept)
  --relations T,U         only relations of these types
  --documents ID,ID       only these documents
  --force                 replace PATH when it exists
  --report FILE           also write the full report (every problem) as JSON

Offsets are Unicode code points. The report is printed before writing and after: documents, spans per
label, relations per type, attribute values, and every span the format cannot express.

${EXIT_CODES}`,
  stats: `Usage: claimdesk stats --workspace DIR

Prints the number of documents by status, annotations by label and characters.

${EXIT_CODES}`,
  validate: `Usage: claimdesk validate --workspace DIR [--status STATUS] [--documents ID,ID]

Checks every stored span's quote against the text, that relation ends exist and their types may join
their labels, labels and attribute values against the schema, and that every Claim with
attribution=attributed has an attributed_to link. Lists every problem; exit code 1 when there is any.

${EXIT_CODES}`,
};

type Command = 'import' | 'export' | 'stats' | 'validate';
const COMMANDS: readonly Command[] = ['import', 'export', 'stats', 'validate'];

const OPTIONS = {
  workspace: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  format: { type: 'string' },
  out: { type: 'string' },
  split: { type: 'string' },
  seed: { type: 'string' },
  stratify: { type: 'boolean' },
  status: { type: 'string' },
  labels: { type: 'string' },
  relations: { type: 'string' },
  documents: { type: 'string' },
  force: { type: 'boolean' },
  report: { type: 'string' },
} as const;
type OptionName = keyof typeof OPTIONS;

const ALLOWED: Readonly<Record<Command, readonly OptionName[]>> = {
  import: ['workspace', 'help'],
  export: ['workspace', 'help', 'format', 'out', 'split', 'seed', 'stratify', 'status', 'labels', 'relations', 'documents', 'force', 'report'],
  stats: ['workspace', 'help'],
  validate: ['workspace', 'help', 'status', 'documents'],
};

/** Where the CLI prints. */
export type Io = { out: (line: string) => void; err: (line: string) => void };

class UsageError extends Error {}

const list = (v: string | undefined): string[] | null =>
  v === undefined
    ? null
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');

function parseStatus(v: string | undefined): DocStatus | null {
  if (v === undefined || v === 'all') return null;
  if (!(DOC_STATUSES as readonly string[]).includes(v)) throw new UsageError(`--status must be one of ${DOC_STATUSES.join(', ')} or all, not "${v}"`);
  return v as DocStatus;
}

/**
 * Runs one CLI invocation.
 * @param signal cancels a running export (the output is then removed)
 * @returns the process exit code
 */
export async function runCli(argv: readonly string[], io: Io, signal?: AbortSignal): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    io.err(`claimdesk: ${(err as Error).message}\n\n${HELP}`);
    return EXIT.USAGE;
  }
  const { values, positionals } = parsed;
  const [name, ...args] = positionals;
  if (name === undefined) {
    io.out(HELP);
    return values.help ? EXIT.OK : EXIT.USAGE;
  }
  if (!(COMMANDS as readonly string[]).includes(name)) {
    io.err(`claimdesk: unknown command "${name}"; run claimdesk --help`);
    return EXIT.USAGE;
  }
  const command = name as Command;
  if (values.help) {
    io.out(COMMAND_HELP[command]);
    return EXIT.OK;
  }
  const stray = (Object.keys(values) as OptionName[]).filter((k) => !ALLOWED[command].includes(k));
  if (stray.length > 0) {
    io.err(`claimdesk ${command}: --${stray[0]} is not an option of ${command}; run claimdesk ${command} --help`);
    return EXIT.USAGE;
  }
  if (command !== 'import' && args.length > 0) {
    io.err(`claimdesk ${command}: unexpected argument "${args[0]}"; run claimdesk ${command} --help`);
    return EXIT.USAGE;
  }
  if (!values.workspace) {
    io.err('claimdesk: --workspace DIR is required (the folder is created if missing)');
    return EXIT.USAGE;
  }
  if (command === 'import' && args.length === 0) {
    io.err('claimdesk import: name at least one file or folder to import');
    return EXIT.USAGE;
  }
  let exportPlan: ExportPlan | null = null;
  let scope: ExportScope;
  try {
    scope = { ...WHOLE_WORKSPACE, status: parseStatus(values.status), documentIds: list(values.documents) };
    if (command === 'export') exportPlan = exportArguments(values, scope);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`claimdesk ${command}: ${err.message}; run claimdesk ${command} --help`);
    return EXIT.USAGE;
  }
  let workspace: Workspace;
  try {
    workspace = await Workspace.open(values.workspace);
  } catch (err) {
    io.err(`claimdesk: ${err instanceof ApiError ? err.message : String(err)}`);
    return EXIT.WORKSPACE;
  }
  switch (command) {
    case 'stats':
      return printStats(workspace, io);
    case 'import': {
      const report = await importCorpusPaths(workspace, args);
      printImportReport(report, io);
      return report.failed.length > 0 || report.problems.length > 0 ? EXIT.BAD_INPUT : EXIT.OK;
    }
    case 'validate':
      return runValidate(workspace, scope, io);
    case 'export':
      return runExport(workspace, io, exportPlan!, signal);
  }
}

type ExportPlan = { format: ExportFormat; out: string; scope: ExportScope; split: SplitOptions | null; force: boolean; reportFile: string | null };

function exportArguments(values: Partial<Record<OptionName, string | boolean>>, scope: ExportScope): ExportPlan {
  const format = values.format as string | undefined;
  if (!format) throw new UsageError(`--format is required (one of ${EXPORT_FORMATS.join(', ')})`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${format}"`);
  const out = values.out as string | undefined;
  if (!out) throw new UsageError('--out PATH is required (a file, or a folder for brat, hf and --split)');
  let split: SplitOptions | null = null;
  if (values.split !== undefined) {
    const ratios = parseSplitRatios(values.split as string);
    if (!ratios) throw new UsageError(`--split must be like 80/10/10 (train/dev/test), not "${String(values.split)}"`);
    const seedText = (values.seed as string | undefined) ?? '1';
    if (!/^\d{1,10}$/.test(seedText) || Number(seedText) > 0xffffffff) throw new UsageError(`--seed must be a whole number from 0 to 4294967295, not "${seedText}"`);
    split = { ratios, seed: Number(seedText), stratify: values.stratify === true };
  } else if (values.seed !== undefined || values.stratify) throw new UsageError('--seed and --stratify need --split');
  return {
    format: format as ExportFormat,
    out,
    scope: { ...scope, labels: list(values.labels as string | undefined), relationTypes: list(values.relations as string | undefined) },
    split,
    force: values.force === true,
    reportFile: (values.report as string | undefined) ?? null,
  };
}

async function runExport(workspace: Workspace, io: Io, plan: ExportPlan, signal: AbortSignal | undefined): Promise<number> {
  const schema = workspace.info().schema;
  const unknown = (plan.scope.labels ?? []).filter((l) => !schema.labels.some((d) => d.name === l));
  if (unknown.length > 0) {
    io.err(`claimdesk export: the schema has no label ${unknown.map((l) => `"${l}"`).join(', ')} (labels: ${schema.labels.map((l) => l.name).join(', ')})`);
    return EXIT.USAGE;
  }
  try {
    const result = await exportDocuments(
      workspace,
      { format: plan.format, out: plan.out, scope: plan.scope, split: plan.split, force: plan.force },
      {
        ...(signal ? { signal } : {}),
        onPlan: (before) => {
          io.out('Export plan');
          for (const line of formatReport(before)) io.out(line);
          io.out('');
        },
      },
    );
    io.out(`Written: ${result.paths.length} file(s), ${(result.bytes / 1024 / 1024).toFixed(2)} MB`);
    for (const line of formatTable(['file'], result.paths.slice(0, 20).map((p) => [p]))) io.out(line);
    if (result.paths.length > 20) io.out(`... and ${result.paths.length - 20} more`);
    io.out(`documents ${result.after.documents}, spans ${Object.values(result.after.spansPerLabel).reduce((a, b) => a + b, 0)}, relations ${Object.values(result.after.relationsPerType).reduce((a, b) => a + b, 0)}, problems ${result.after.problems.length}`);
    if (plan.reportFile) await writeFile(plan.reportFile, `${JSON.stringify(result.after, null, 2)}\n`);
    return EXIT.OK;
  } catch (err) {
    if (signal?.aborted) {
      io.err('claimdesk export: cancelled; nothing was written');
      return EXIT.CANCELLED;
    }
    if (err instanceof ApiError) {
      io.err(`claimdesk export: ${err.message}`);
      return err.code === 'NOT_FOUND' ? EXIT.USAGE : EXIT.OUTPUT;
    }
    throw err;
  }
}

async function runValidate(workspace: Workspace, scope: ExportScope, io: Io): Promise<number> {
  const schema = workspace.info().schema;
  const problems: ValidationProblem[] = [];
  let documents = 0;
  for (const row of workspace.listDocuments().filter((r) => isRowInScope(r, scope))) {
    documents += 1;
    try {
      problems.push(...validateDocument(await workspace.readDocument(row.id), schema));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      problems.push({ docId: row.id, kind: 'schema', id: '-', at: null, message: err.message });
    }
  }
  if (problems.length === 0) {
    io.out(`${documents} document(s) checked: no problems`);
    return EXIT.OK;
  }
  for (const line of formatTable(['document', 'id', 'at', 'kind', 'problem'], problems.map((p) => [p.docId, p.id, p.at ? `[${p.at[0]}, ${p.at[1]})` : '', p.kind, p.message]))) io.out(line);
  io.out(`${documents} document(s) checked: ${problems.length} problem(s)`);
  return EXIT.BAD_INPUT;
}

function printImportReport(report: CorpusImportReport, io: Io): void {
  for (const { name, row, warnings } of report.imported) io.out(`imported  ${name} -> ${row.id} "${row.title}" (${row.annotationCount} annotations)${warnings.map((w) => ` (warning: ${w})`).join('')}`);
  for (const { name, existing } of report.duplicates) io.out(`skipped   ${name}: already in the workspace as "${existing.title}" (${existing.id})`);
  for (const { reason } of report.failed) io.err(`failed    ${reason}`);
  for (const p of report.problems) io.err(`problem   ${p.file}${p.line === null ? '' : `:${p.line}`}: ${p.reason}`);
  if (report.schemaAdded.length > 0) io.out(`schema    added ${report.schemaAdded.join('; ')}`);
  if (report.annotationsAdded + report.relationsAdded > 0) io.out(`added     ${report.annotationsAdded} annotations and ${report.relationsAdded} relations to existing documents`);
  io.out(`${report.imported.length} imported, ${report.duplicates.length} already present, ${report.failed.length} failed, ${report.problems.length} record problem(s)`);
}

function printStats(workspace: Workspace, io: Io): number {
  const rows = workspace.listDocuments();
  const byStatus = new Map<string, number>();
  const byLabel = new Map<string, number>();
  for (const row of rows) {
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);
    for (const [label, n] of Object.entries(row.labelCounts ?? {})) byLabel.set(label, (byLabel.get(label) ?? 0) + n);
  }
  io.out(`workspace    ${workspace.path}`);
  io.out(`documents    ${rows.length}`);
  for (const [status, n] of byStatus) io.out(`  ${status.padEnd(11)}${n}`);
  io.out(`annotations  ${rows.reduce((sum, row) => sum + row.annotationCount, 0)}`);
  for (const [label, n] of [...byLabel].sort(([a], [b]) => a.localeCompare(b))) io.out(`  ${label.padEnd(11)}${n}`);
  io.out(`characters   ${rows.reduce((sum, row) => sum + row.length, 0)}`);
  return EXIT.OK;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort(new Error('cancelled')));
  runCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }, controller.signal).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(70);
    },
  );
}
