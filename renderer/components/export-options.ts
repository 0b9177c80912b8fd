/**
 * The export dialog's options as plain data, and the pure rules between them and the API:
 * the formats offered, the defaults, the choices of layers (#11), what is wrong with the split
 * fields, which documents a scope means when its choice is not available, and the ExportRequest
 * the options stand for. No state and no rendering; the counting is the service's.
 */
import type { ExportRequest } from '../../shared/api';
import { BOM_BY_DEFAULT, BOM_FORMATS, type ExportFormat } from '../../shared/formats/serializer';
import { SPLIT_NAMES, type ExportReport, type SplitName } from '../../shared/formats/report';
import { CURATED_LAYER } from '../../shared/model/layers';
import type { Schema } from '../../shared/model/types';
import { formatCount, formatQuantity } from '../util/format';

/** The formats, in the order offered, with the names the user sees. */
export const EXPORT_FORMATS: readonly (readonly [ExportFormat, string])[] = [
  ['jsonl', 'Claimdesk JSONL'],
  ['claims-csv', 'Claims table CSV'],
  ['claims-tsv', 'Claims table TSV'],
  ['w3c', 'W3C Web Annotation'],
  ['brat', 'brat standoff'],
  ['conll', 'CoNLL IOB2'],
  ['hf', 'Hugging Face JSONL'],
  ['spacy', 'spaCy JSONL'],
];
/** The name the user sees for a format. */
export const formatName = (format: ExportFormat): string => EXPORT_FORMATS.find(([f]) => f === format)?.[1] ?? format;

/** Training-data formats export only documents marked done unless the user says otherwise. */
const TRAINING_FORMATS: ReadonlySet<ExportFormat> = new Set(['conll', 'hf', 'spacy']);
const MAX_SEED = 0xffffffff;

/** The layer choices every workspace offers (each annotator's name follows them): the value sent, its name, and what it means. */
export const LAYER_CHOICES: readonly Readonly<{ value: string; name: string; hint: string }>[] = [
  { value: 'default', name: 'Default', hint: 'The curated layer where there is one, else the only annotator’s.' },
  { value: CURATED_LAYER, name: 'Curated', hint: 'Only documents with a curated layer.' },
  { value: 'all', name: 'All annotators', hint: 'One record per annotator’s layer.' },
];

/** What a layer choice means, for the hint under the choice. */
export const layerChoiceHint = (layer: string): string =>
  LAYER_CHOICES.find((c) => c.value === layer)?.hint ?? `Only ${layer}’s layer; documents without one are skipped.`;

/** The name of a layer choice as a report says it ("Default", "All annotators", or the annotator's name). */
export const layerChoiceName = (layer: string): string => LAYER_CHOICES.find((c) => c.value === layer)?.name ?? layer;

/** Which documents: the open one, those selected in the list, or all. */
export type ExportScope = 'current' | 'selected' | 'workspace';
/** The split ratios as typed (checked by `splitIssue`). */
export type SplitRatios = Readonly<Record<SplitName, string>>;

/** Everything the user sets in the options column (the destination is the export job's). */
export type ExportOptions = Readonly<{
  format: ExportFormat;
  /** Which layer of each document: 'default', 'curated', 'all' or an annotator's name. */
  layer: string;
  scope: ExportScope;
  /** null until the user picks: then the format decides (only done for training data). */
  statusChoice: 'all' | 'done' | null;
  /** Claims CSV/TSV: start with a UTF-8 byte-order mark (for Excel); other formats ignore it. */
  bom: boolean;
  labels: ReadonlySet<string>;
  relationTypes: ReadonlySet<string>;
  isSplit: boolean;
  ratios: SplitRatios;
  seed: string;
  stratify: boolean;
}>;

/** What the options are applied to: the schema's names and the documents the user is looking at. */
export type ExportContext = Readonly<{
  labelNames: readonly string[];
  typeNames: readonly string[];
  currentDocId: string | null;
  selectedDocIds: readonly string[];
  /** The annotators with a layer in any document, by name (each is a layer choice). */
  annotators: readonly string[];
}>;

/** @returns the options as the dialog opens: JSONL of the whole workspace, every label and relation type */
export function initialExportOptions(schema: Schema): ExportOptions {
  return {
    format: 'jsonl',
    layer: 'default',
    scope: 'workspace',
    statusChoice: null,
    bom: BOM_BY_DEFAULT,
    labels: new Set(schema.labels.map((l) => l.name)),
    relationTypes: new Set(schema.relationTypes.map((t) => t.name)),
    isSplit: false,
    ratios: { train: '80', dev: '10', test: '10' },
    seed: '1',
    stratify: true,
  };
}

/** What is wrong with the split fields, and which fields it is about. */
export type SplitIssue = Readonly<{ message: string; fields: readonly string[] }>;

/** @returns what is wrong with the split fields, or null when nothing is */
export function splitIssue(ratios: SplitRatios, seed: string): SplitIssue | null {
  const isBadRatio = (v: string) => v.trim() === '' || !Number.isFinite(Number(v)) || Number(v) < 0;
  const bad = SPLIT_NAMES.filter((s) => isBadRatio(ratios[s]));
  if (bad.length > 0) return { message: 'Each ratio must be a number, 0 or more.', fields: bad };
  if (Number(ratios.train) + Number(ratios.dev) + Number(ratios.test) <= 0)
    return { message: 'At least one ratio must be above 0.', fields: [...SPLIT_NAMES] };
  if (!/^\d+$/.test(seed.trim()) || Number(seed) > MAX_SEED)
    return { message: `The seed must be a whole number from 0 to ${formatCount(MAX_SEED)}.`, fields: ['seed'] };
  return null;
}

/** @returns the scope in effect: a choice that is not available (no open or no selected document) falls back to the workspace */
export function effectiveScope(scope: ExportScope, context: ExportContext): ExportScope {
  if (scope === 'current' && context.currentDocId === null) return 'workspace';
  if (scope === 'selected' && context.selectedDocIds.length === 0) return 'workspace';
  return scope;
}

/** @returns whether only documents marked done are exported (the user's choice, else the format's default) */
export const isOnlyDone = (options: ExportOptions): boolean =>
  (options.statusChoice ?? (TRAINING_FORMATS.has(options.format) ? 'done' : 'all')) === 'done';

/**
 * Why "Only done" is in effect although the user did not choose it, so the switch is never silent.
 * @returns the sentence for a training-data format whose status the user left alone, else null
 */
export function statusDefaultReason(options: ExportOptions): string | null {
  if (options.statusChoice !== null || !TRAINING_FORMATS.has(options.format)) return null;
  return `Chosen for ${formatName(options.format)}: training data should hold finished work, so only documents marked done are exported unless you choose All documents.`;
}

/** @returns whether the format's file can start with a byte-order mark (the Encoding choice is offered) */
export const hasEncodingChoice = (format: ExportFormat): boolean => BOM_FORMATS.includes(format);

/** Why an export would hold no document, and the one change that brings documents in (null: nothing to switch). */
export type EmptyExportReason = Readonly<{ text: string; fix: Readonly<{ label: string; change: Partial<ExportOptions> }> | null }>;

/**
 * Names the options that left every document out, with how many each left out (#12), from the
 * report before writing.
 * @returns the reasons, empty when the export has documents
 */
export function emptyExportReasons(report: ExportReport, options: ExportOptions): EmptyExportReason[] {
  if (report.documents > 0) return [];
  const reasons: EmptyExportReason[] = [];
  if (report.otherStatus > 0) {
    const n = formatQuantity(report.otherStatus, 'document');
    reasons.push({
      text:
        options.statusChoice === null
          ? `No document is marked done (${n} not done); ${formatName(options.format)} exports only done documents by default.`
          : `“Only done” leaves out ${n} not marked done.`,
      fix: { label: 'Include all documents', change: { statusChoice: 'all' } },
    });
  }
  if (report.skipped.length > 0) {
    const n = formatQuantity(report.skipped.length, 'document');
    reasons.push(
      options.layer === 'default'
        ? {
            text: `The default layer leaves out ${n}: each has several annotators and no curated layer. Curate them, or choose a layer above.`,
            fix: null,
          }
        : {
            text: `The layer choice “${layerChoiceName(options.layer)}” has nothing for ${n}.`,
            fix: { label: 'Use the default layer', change: { layer: 'default' } },
          },
    );
  }
  if (reasons.length === 0) reasons.push({ text: 'There is no document to export: import articles first.', fix: null });
  return reasons;
}

/** @returns the split problem when splitting, else null */
export const splitProblemOf = (options: ExportOptions): SplitIssue | null => (options.isSplit ? splitIssue(options.ratios, options.seed) : null);

/** @returns the request the options stand for, or null while the split fields have a problem */
export function requestFromOptions(options: ExportOptions, context: ExportContext): ExportRequest | null {
  if (splitProblemOf(options)) return null;
  const { format, labels, relationTypes: types, isSplit, ratios, seed, stratify } = options;
  const { labelNames, typeNames, currentDocId, selectedDocIds } = context;
  const scope = effectiveScope(options.scope, context);
  const docIds = scope === 'current' && currentDocId ? [currentDocId] : scope === 'selected' ? [...selectedDocIds] : null;
  return {
    format,
    layer: options.layer,
    ...(docIds ? { docIds } : {}),
    ...(isOnlyDone(options) ? { status: 'done' as const } : {}),
    ...(hasEncodingChoice(format) ? { bom: options.bom } : {}),
    // Everything checked sends no filter, so labels found only in the data are exported too.
    ...(labelNames.every((l) => labels.has(l)) ? {} : { labels: labelNames.filter((l) => labels.has(l)) }),
    ...(typeNames.every((t) => types.has(t)) ? {} : { relationTypes: typeNames.filter((t) => types.has(t)) }),
    ...(isSplit ? { split: { train: Number(ratios.train), dev: Number(ratios.dev), test: Number(ratios.test), seed: Number(seed), stratify } } : {}),
  };
}
