/**
 * The CLI's arguments: which command, its options, and each checked into a plan before any file
 * is touched. A bad argument is a CliFailure with exit code 2 (usage) and a message naming it.
 */
import { BOM_BY_DEFAULT, BOM_FORMATS, EXPORT_FORMATS, type ExportFormat } from '../../shared/formats/serializer';
import { WHOLE_WORKSPACE, type ExportScope } from '../../shared/formats/scope';
import { parseSplitRatios } from '../../shared/formats/split';
import { isAnnotatorName, isLayerName } from '../../shared/model/layers';
import { DOC_STATUSES, type DocStatus } from '../../shared/model/types';
import { defaultAuthor } from '../services/app-paths';
import { parseCommandLine, SHELL_OPTIONS } from '../services/cli-args';
import type { SplitOptions } from '../services/export/export';
import { CliFailure, EXIT } from './exit';
import { COMMAND_HELP, HELP } from './help';
import type { SuggestPlan } from './suggest';

export type Command = 'import' | 'export' | 'stats' | 'validate' | 'sync' | 'agreement' | 'suggest' | 'merge-file';
const COMMANDS: readonly Command[] = ['import', 'export', 'stats', 'validate', 'sync', 'agreement', 'suggest', 'merge-file'];
/** The output forms of `agreement`. */
export const AGREEMENT_FORMATS = ['md', 'csv', 'json'] as const;
export type AgreementFormat = (typeof AGREEMENT_FORMATS)[number];

const OPTIONS = {
  ...SHELL_OPTIONS,
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
  annotator: { type: 'string' },
  annotators: { type: 'string' },
  layer: { type: 'string' },
  bom: { type: 'boolean' },
  'no-bom': { type: 'boolean' },
  accept: { type: 'boolean' },
} as const;
type OptionName = keyof typeof OPTIONS;
type Values = Partial<Record<OptionName, string | boolean>>;

const ALLOWED: Readonly<Record<Command, readonly OptionName[]>> = {
  import: ['workspace', 'help', 'annotator'],
  export: [
    'workspace',
    'help',
    'format',
    'out',
    'split',
    'seed',
    'stratify',
    'status',
    'labels',
    'relations',
    'documents',
    'force',
    'report',
    'layer',
    'bom',
    'no-bom',
  ],
  stats: ['workspace', 'help'],
  validate: ['workspace', 'help', 'status', 'documents'],
  sync: ['workspace', 'help', 'annotator'],
  agreement: ['workspace', 'help', 'annotators', 'labels', 'documents', 'format', 'out', 'force'],
  suggest: ['workspace', 'help', 'documents', 'layer', 'out', 'force', 'accept', 'annotator'],
  'merge-file': ['help'],
};

/** The analyst a command acts as: --annotator, else $CLAIMDESK_ANNOTATOR, else the OS user name. */
function annotatorOf(command: Command, v: string | boolean | undefined): string {
  const name = typeof v === 'string' ? v.trim() : (process.env.CLAIMDESK_ANNOTATOR ?? defaultAuthor());
  if (!isAnnotatorName(name))
    throw usage(command, `--annotator must be a name (1 to 100 characters, not "curated", "all" or "default"), not "${name}"`);
  return name;
}

/** An export as the arguments ask for it. */
export type ExportPlan = Readonly<{
  format: ExportFormat;
  out: string;
  scope: ExportScope;
  split: SplitOptions | null;
  force: boolean;
  reportFile: string | null;
  /** Claims CSV/TSV: a UTF-8 byte-order mark (--bom, the default, as in the app's dialog) or none (--no-bom). */
  bom: boolean;
}>;

/** What the command line asks for: a help text to print, or a command on a workspace. */
export type Invocation =
  | Readonly<{ kind: 'help'; text: string; isError: boolean }>
  | Readonly<{ kind: 'import'; workspace: string; paths: readonly string[]; annotator: string | null; fallback: string }>
  | Readonly<{ kind: 'export'; workspace: string; plan: ExportPlan }>
  | Readonly<{ kind: 'stats'; workspace: string }>
  | Readonly<{ kind: 'validate'; workspace: string; scope: ExportScope }>
  | Readonly<{ kind: 'sync'; workspace: string; annotator: string }>
  | Readonly<{ kind: 'agreement'; workspace: string; plan: AgreementPlan }>
  | Readonly<{ kind: 'suggest'; workspace: string; plan: SuggestPlan }>
  | Readonly<{ kind: 'merge-file'; args: readonly string[] }>;

/** An agreement report as the arguments ask for it (null: all). */
export type AgreementPlan = Readonly<{
  annotators: readonly string[] | null;
  labels: readonly string[] | null;
  documentIds: readonly string[] | null;
  format: AgreementFormat;
  out: string | null;
  /** Replace --out when it exists. */
  force: boolean;
}>;

const usage = (command: Command, message: string) => new CliFailure(EXIT.USAGE, `claimdesk ${command}: ${message}; run claimdesk ${command} --help`);

const list = (v: string | boolean | undefined): string[] | null =>
  typeof v !== 'string'
    ? null
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');

function parseStatus(command: Command, v: string | boolean | undefined): DocStatus | null {
  if (typeof v !== 'string' || v === 'all') return null;
  if (!(DOC_STATUSES as readonly string[]).includes(v)) throw usage(command, `--status must be one of ${DOC_STATUSES.join(', ')} or all, not "${v}"`);
  return v as DocStatus;
}

/**
 * Reads a command line.
 * @returns what to do; nothing has been read or written yet
 * @throws CliFailure USAGE for an unknown command or option, a missing or bad value
 */
export function parseInvocation(argv: readonly string[]): Invocation {
  let parsed;
  try {
    parsed = parseCommandLine(argv, OPTIONS);
  } catch (err) {
    throw new CliFailure(EXIT.USAGE, `claimdesk: ${(err as Error).message}\n\n${HELP}`);
  }
  const values: Values = parsed.values;
  const [name, ...args] = parsed.positionals;
  if (name === undefined) return { kind: 'help', text: HELP, isError: values.help !== true };
  if (!(COMMANDS as readonly string[]).includes(name)) throw new CliFailure(EXIT.USAGE, `claimdesk: unknown command "${name}"; run claimdesk --help`);
  const command = name as Command;
  if (values.help) return { kind: 'help', text: COMMAND_HELP[command], isError: false };
  const stray = (Object.keys(values) as OptionName[]).find((k) => !ALLOWED[command].includes(k));
  if (stray) throw usage(command, `--${stray} is not an option of ${command}`);
  // Git runs the merge driver with four paths and no workspace: it is handled before any is required.
  if (command === 'merge-file') {
    if (args.length !== 4) throw usage(command, 'give the base, ours, theirs and the path in the repository (git passes %O %A %B %P)');
    return { kind: 'merge-file', args };
  }
  if (command !== 'import' && args.length > 0) throw usage(command, `unexpected argument "${args[0]}"`);
  const workspace = values.workspace;
  if (typeof workspace !== 'string' || workspace === '')
    throw new CliFailure(EXIT.USAGE, 'claimdesk: --workspace DIR is required (the folder is created if missing)');
  const scope: ExportScope = { ...WHOLE_WORKSPACE, status: parseStatus(command, values.status), documentIds: list(values.documents) };
  switch (command) {
    case 'import':
      if (args.length === 0) throw new CliFailure(EXIT.USAGE, 'claimdesk import: name at least one file or folder to import');
      return {
        kind: 'import',
        workspace,
        paths: args,
        annotator: values.annotator === undefined ? null : annotatorOf(command, values.annotator),
        fallback: annotatorOf(command, undefined),
      };
    case 'export':
      return { kind: 'export', workspace, plan: exportPlan(values, scope) };
    case 'stats':
      return { kind: 'stats', workspace };
    case 'validate':
      return { kind: 'validate', workspace, scope };
    case 'sync':
      return { kind: 'sync', workspace, annotator: annotatorOf(command, values.annotator) };
    case 'agreement': {
      const format = values.format ?? 'md';
      if (!(AGREEMENT_FORMATS as readonly unknown[]).includes(format))
        throw usage(command, `--format must be one of ${AGREEMENT_FORMATS.join(', ')}, not "${String(format)}"`);
      const out = typeof values.out === 'string' && values.out !== '' ? values.out : null;
      return {
        kind: 'agreement',
        workspace,
        plan: {
          annotators: list(values.annotators),
          labels: list(values.labels),
          documentIds: list(values.documents),
          format: format as AgreementFormat,
          force: values.force === true,
          out,
        },
      };
    }
    case 'suggest':
      return { kind: 'suggest', workspace, plan: suggestPlan(values) };
  }
}

/** suggest: --out or --accept (not both); --accept needs --annotator, whose layer --layer may only repeat. */
function suggestPlan(values: Values): SuggestPlan {
  const out = typeof values.out === 'string' && values.out !== '' ? values.out : null;
  const accept = values.accept === true;
  if (accept && out !== null) throw usage('suggest', 'give --out FILE (write the suggestions) or --accept (put them into a layer), not both');
  if (accept && values.annotator === undefined)
    throw usage('suggest', '--accept needs --annotator NAME, the analyst whose layer the suggestions go into');
  if (values.force && out === null) throw usage('suggest', '--force replaces the --out file: give --out FILE too');
  const annotator = values.annotator === undefined ? null : annotatorOf('suggest', values.annotator);
  let layer = annotator ?? annotatorOf('suggest', undefined);
  if (values.layer !== undefined) {
    const choice = String(values.layer).trim();
    if (!isLayerName(choice)) throw usage('suggest', `--layer must be curated or an annotator's name, not "${choice}"`);
    if (accept && choice !== annotator)
      throw usage('suggest', `--accept puts suggestions into --annotator's layer (${annotator}); leave out --layer ${choice}`);
    layer = choice;
  }
  return { documentIds: list(values.documents), layer, out, force: values.force === true, accept };
}

function exportPlan(values: Values, scope: ExportScope): ExportPlan {
  const format = values.format;
  if (typeof format !== 'string') throw usage('export', `--format is required (one of ${EXPORT_FORMATS.join(', ')})`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw usage('export', `--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${format}"`);
  const out = values.out;
  if (typeof out !== 'string' || out === '') throw usage('export', '--out PATH is required (a file, or a folder for brat, hf and --split)');
  let split: SplitOptions | null = null;
  if (values.split !== undefined) {
    const ratios = parseSplitRatios(String(values.split));
    if (!ratios) throw usage('export', `--split must be like 80/10/10 (train/dev/test), not "${String(values.split)}"`);
    const seedText = typeof values.seed === 'string' ? values.seed : '1';
    if (!/^\d{1,10}$/.test(seedText) || Number(seedText) > 0xffffffff)
      throw usage('export', `--seed must be a whole number from 0 to 4294967295, not "${seedText}"`);
    split = { ratios, seed: Number(seedText), stratify: values.stratify === true };
  } else if (values.seed !== undefined || values.stratify) throw usage('export', '--seed and --stratify need --split');
  const reportFile = typeof values.report === 'string' && values.report !== '' ? values.report : null;
  return {
    bom: bomOf(values, format as ExportFormat),
    format: format as ExportFormat,
    out,
    scope: { ...scope, labels: list(values.labels), relationTypes: list(values.relations), layer: layerChoiceOf(values.layer) },
    split,
    force: values.force === true,
    reportFile,
  };
}

/** --bom / --no-bom: only for the claims tables, never both; neither means BOM_BY_DEFAULT. */
function bomOf(values: Values, format: ExportFormat): boolean {
  if (values.bom && values['no-bom']) throw usage('export', '--bom and --no-bom contradict each other; give one of them');
  if ((values.bom || values['no-bom']) && !BOM_FORMATS.includes(format))
    throw usage('export', `--bom and --no-bom apply to ${BOM_FORMATS.join(' and ')} only, not to ${format}`);
  return values['no-bom'] ? false : values.bom ? true : BOM_BY_DEFAULT;
}

/** --layer: default, curated, all, or an annotator's name. */
function layerChoiceOf(v: string | boolean | undefined): string {
  if (v === undefined) return 'default';
  const choice = String(v).trim();
  if (choice === 'default' || choice === 'all' || isLayerName(choice)) return choice;
  throw usage('export', `--layer must be curated, all, default or an annotator's name, not "${choice}"`);
}
