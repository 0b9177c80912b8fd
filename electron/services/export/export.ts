/**
 * Exports a workspace (or part of it) in one format: a dry run that builds the report (counts,
 * spans the format cannot express, the split), then the writing pass, one document at a time,
 * read without being kept open, so memory stays flat however large the workspace. Output is
 * atomic (see output.ts) and the run can be cancelled with an AbortSignal between documents.
 * Plain Node: never imports 'electron'.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { ApiError } from '../../../shared/api';
import { BOM_BY_DEFAULT, type DocumentSerializer, type ExportFormat, type SerializerContext } from '../../../shared/formats/serializer';
import { FORMAT_SPECS } from '../../../shared/formats/format-specs';
import {
  countDocument,
  emptyReport,
  noteLayer,
  sortReport,
  SPLIT_NAMES,
  type ExportProblem,
  type ExportReport,
  type SplitName,
} from '../../../shared/formats/report';
import { isRowInScope, scopeDocument, type ExportScope } from '../../../shared/formats/scope';
import { assignSplits, type SplitItem, type SplitRatios } from '../../../shared/formats/split';
import { icuTokenizer } from '../../../shared/formats/icu-tokenizer';
import { withWritableSpans } from '../../../shared/formats/writable';
import type { Tokenizer } from '../../../shared/formats/tokens';
import { CLAIM_LABEL } from '../../../shared/model/vocabulary';
import { bump } from '../../../shared/model/keys';
import { EMPTY_SUMMARY, exportLayersOf } from '../../../shared/model/layers';
import type { DocId, DocumentData, DocumentRow } from '../../../shared/model/types';
import { timeSlicer } from '../store/time-slice';
import type { Workspace } from '../workspace';
import { ExportOutput, type StreamFile } from './output';

/** How to split an export by document. */
export type SplitOptions = Readonly<{ ratios: SplitRatios; seed: number; stratify: boolean }>;

/** What to export and where. */
export type ExportOptions = Readonly<{
  format: ExportFormat;
  /** A file, or a folder for multi-file formats and for any split export. */
  out: string;
  scope: ExportScope;
  split: SplitOptions | null;
  /** Replace an existing output. */
  force: boolean;
  /** Start a claims table (CSV/TSV) with a UTF-8 byte-order mark; absent: BOM_BY_DEFAULT. Other formats ignore it. */
  bom?: boolean;
  /** Overrides the ICU tokenizer (tests). */
  tokenizer?: Tokenizer;
}>;

/** Progress and control of a running export. */
export type ExportHooks = Readonly<{
  signal?: AbortSignal;
  /** Called with the report of the dry run, before anything is written. */
  onPlan?: (before: ExportReport) => void | Promise<void>;
  /**
   * Called for each document gone through: once in the dry run (unless the plan comes from the
   * index) and once while writing. What progress counts.
   */
  onDocument?: () => void;
}>;

/** What an export did: the report before writing, the report after (with files), and the absolute paths written. */
export type ExportResult = Readonly<{ before: ExportReport; after: ExportReport; paths: readonly string[]; bytes: number }>;

/** What the dry run keeps of each document (small, so thousands fit easily). */
type Planned = { id: DocId; layer: string | null; spans: number; split: SplitName | null };

/** One record to export: a document seen through one layer (null: nobody annotated it). */
type Item = { row: DocumentRow; layer: string | null; labelCounts: Readonly<Record<string, number>> };

/**
 * The records an export writes, from the choice of layers, and the documents it skips: those
 * the choice has nothing for, and those whose exported layer lacks the scope's status.
 */
function exportItems(rows: readonly DocumentRow[], scope: ExportScope): { items: Item[]; skipped: ExportReport['skipped']; otherStatus: number } {
  const items: Item[] = [];
  const skipped: ExportReport['skipped'] = [];
  let otherStatus = 0;
  for (const row of rows) {
    const choice = exportLayersOf(Object.keys(row.layers), scope.layer ?? 'default');
    if ('skip' in choice) {
      skipped.push({ docId: row.id, title: row.title, reason: choice.skip });
      continue;
    }
    for (const layer of choice.layers) {
      const summary = layer === null ? EMPTY_SUMMARY : (row.layers[layer] ?? EMPTY_SUMMARY);
      if (scope.status !== null && summary.status !== scope.status) {
        otherStatus += 1;
        continue;
      }
      items.push({ row, layer, labelCounts: summary.labelCounts });
    }
  }
  return { items, skipped, otherStatus };
}

/** The output layout: one stream per split (or one), per-document files under a prefix. */
function streamName(format: ExportFormat, split: SplitName | null): string | null {
  const spec = FORMAT_SPECS[format];
  if (spec.extension === null) return null;
  if (split) return `${split}${spec.extension}`;
  return spec.layout === 'file' ? '' : spec.streamName;
}

/**
 * Exports documents.
 * @returns the reports and the files written
 * @throws ApiError CONFLICT (output exists, no force), IO (cannot write), INVALID_INPUT (empty
 *   split ratios); the AbortSignal's reason when cancelled. Nothing is left at `out` then.
 */
export async function exportDocuments(workspace: Workspace, options: ExportOptions, hooks: ExportHooks = {}): Promise<ExportResult> {
  const spec = FORMAT_SPECS[options.format];
  const schema = workspace.info().schema;
  const tokenizer = spec.needsTokenizer ? (options.tokenizer ?? icuTokenizer(process.versions.icu ?? 'unknown')) : null;
  if (options.scope.layer === 'all' && !spec.carriesAnnotator)
    throw new ApiError(
      'INVALID_INPUT',
      `${options.format} cannot say whose layer a record is, so it cannot hold every annotator's layer at once: export one layer (--layer NAME or curated), or use jsonl, claims-csv, claims-tsv, hf, spacy or brat for all`,
    );
  workspace.refreshLayers();
  const everyRow = workspace.listDocuments('');
  const rows = everyRow.filter((row) => isRowInScope(row, options.scope));
  if (options.scope.documentIds) {
    const known = new Set(everyRow.map((r) => r.id));
    const missing = options.scope.documentIds.filter((id) => !known.has(id));
    if (missing.length > 0) throw new ApiError('NOT_FOUND', `no document with id ${missing.join(', ')} in this workspace`);
  }
  const { items, skipped, otherStatus } = exportItems(rows, options.scope);
  const allLayers = options.scope.layer === 'all';
  const schemaLabels = schema.labels.map((l) => l.name);
  const seenLabels = new Set<string>();
  for (const item of items) for (const l of Object.keys(item.labelCounts)) seenLabels.add(l);
  // Tag sets follow the schema's order; labels found only in the data come after, sorted.
  const labels = [...schemaLabels, ...[...seenLabels].filter((l) => !schemaLabels.includes(l)).sort()].filter(
    (l) => options.scope.labels === null || options.scope.labels.includes(l),
  );
  const bom = options.bom ?? BOM_BY_DEFAULT;
  const context = (layerCount: number): SerializerContext => ({ schema, labels, tokenizer, layerCount, allLayers, bom });
  const read = async (id: DocId, layer: string | null): Promise<{ doc: DocumentData; problems: ExportProblem[] }> => {
    const doc = await workspace.readDocument(id, layer);
    return withWritableSpans(scopeDocument(allLayers && layer !== null ? { ...doc, annotator: layer } : doc, options.scope));
  };
  // Documents are read without waiting on the thread pool (see Workspace.readDocument), so a dry
  // run would hold the event loop from start to end: the process must go on answering (progress,
  // a cancel) meanwhile.
  const pause = timeSlicer();

  // Dry run: counts, problems, content keys for the split, tag layers for CoNLL.
  const dry: DocumentSerializer | null = spec.lossless ? null : spec.create(context(0));
  const planned: Planned[] = [];
  const splitItems: SplitItem[] = [];
  /** Documents already in splitItems: with every layer exported, a document's records all go to one split. */
  const splitIds = new Set<DocId>();
  let layerCount = 1;
  const probe = emptyReport(spec.format, tokenizer?.name ?? null, spec.drops, options.scope.layer ?? 'default');
  probe.skipped = skipped;
  probe.otherStatus = otherStatus;
  // A lossless format without a split has nothing to find in a dry run but counts: its plan comes
  // from the index (documents, spans per label), and reading every document once halves the time.
  const fromIndex = spec.lossless && options.split === null;
  if (fromIndex) {
    probe.countedFromIndex = true;
    probe.documents = items.length;
    for (const item of items) {
      planned.push({ id: item.row.id, layer: item.layer, spans: 0, split: null });
      noteLayer(probe, item.row.id, item.layer);
      for (const [label, n] of Object.entries(item.labelCounts)) if (labels.includes(label)) bump(probe.spansPerLabel, label, n);
    }
  }
  for (const item of fromIndex ? [] : items) {
    await pause();
    hooks.signal?.throwIfAborted();
    const { doc, problems } = await read(item.row.id, item.layer);
    hooks.onDocument?.();
    const result = dry?.document(doc);
    layerCount = Math.max(layerCount, result?.layerCount ?? 0);
    const kept = spec.keep(doc, schema);
    planned.push({ id: item.row.id, layer: item.layer, spans: kept.annotations.length, split: null });
    noteLayer(probe, item.row.id, item.layer);
    if (options.split && !splitIds.has(item.row.id) && splitIds.add(item.row.id))
      splitItems.push({
        id: item.row.id,
        contentKey: createHash('sha256').update(doc.text).digest('hex'),
        hasClaims: doc.annotations.some((a) => a.label === CLAIM_LABEL),
      });
    countDocument(probe, doc, kept, [...problems, ...(result?.problems ?? [])], null);
  }
  if (options.split) {
    const splitOf = assignSplits(splitItems, options.split.ratios, options.split.seed, options.split.stratify);
    const splits: NonNullable<ExportReport['splits']> = {};
    SPLIT_NAMES.forEach((s, i) => {
      if (options.split!.ratios[i]! > 0) splits[s] = { documents: 0, spans: 0 };
    });
    for (const p of planned) {
      p.split = splitOf.get(p.id)!;
      const entry = (splits[p.split] ??= { documents: 0, spans: 0 });
      entry.documents += 1;
      entry.spans += p.spans;
    }
    probe.splits = splits;
  }
  const before = sortReport(probe);
  await hooks.onPlan?.(before);

  // Writing pass.
  const isFolder = spec.layout === 'folder' || options.split !== null;
  const output = await ExportOutput.create(options.out, isFolder ? 'folder' : 'file', options.force);
  const after = emptyReport(spec.format, tokenizer?.name ?? null, spec.drops, options.scope.layer ?? 'default');
  after.skipped = skipped;
  after.otherStatus = otherStatus;
  try {
    const groups: (SplitName | null)[] = options.split ? SPLIT_NAMES.filter((s) => before.splits?.[s] !== undefined) : [null];
    const sinks = new Map<SplitName | null, { serializer: DocumentSerializer; stream: StreamFile | null; prefix: string }>();
    for (const group of groups) {
      const serializer = spec.create(context(layerCount));
      const name = streamName(spec.format, group);
      const stream = name === null ? null : await output.stream(name);
      const prefix = group && spec.extension === null ? `${group}/` : '';
      sinks.set(group, { serializer, stream, prefix });
      await stream?.write(serializer.header());
      // Sidecars go once into the output folder, or into each split's folder when documents are split into folders (brat).
      if (prefix !== '' || group === groups[0])
        for (const side of spec.sidecars(context(layerCount))) await output.writeFile(`${prefix}${side.name}`, side.text);
    }
    for (const p of planned) {
      await pause();
      hooks.signal?.throwIfAborted();
      const { doc, problems } = await read(p.id, p.layer);
      hooks.onDocument?.();
      noteLayer(after, p.id, p.layer);
      const sink = sinks.get(p.split)!;
      const result = sink.serializer.document(doc);
      await sink.stream?.write(result.text);
      for (const file of result.files) await output.writeFile(`${sink.prefix}${file.name}`, file.text);
      countDocument(after, doc, spec.keep(doc, schema), [...problems, ...result.problems], p.split);
    }
    for (const sink of sinks.values()) await sink.stream?.write(sink.serializer.footer());
    hooks.signal?.throwIfAborted();
    await output.commit();
  } catch (err) {
    await output.discard();
    throw err;
  }
  const files = [...output.fileNames];
  const paths = files.map((f) => output.finalPath(f));
  let bytes = 0;
  for (const p of paths) bytes += (await stat(p)).size;
  return { before, after: sortReport({ ...after, files }), paths, bytes };
}
