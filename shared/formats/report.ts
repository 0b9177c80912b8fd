/**
 * The export report: what an export holds (documents, spans per label, relations per type,
 * attribute value counts, documents per split) and every span or value the format could not
 * express, with its location. Built the same way before writing (from a dry run) and after
 * (with the files written). Pure: counting and formatting only.
 */
import type { OffsetMap } from '../anchoring/code-points';
import type { Annotation, AttributeValue, DocumentData } from '../model/types';
import { bump, counter, keyedRecord, type Counter } from '../model/keys';
import { isUnset, UNSET } from '../model/schema-rules';
import type { KeptDocument } from './kept';

/** Why something could not be written as it is in the workspace. */
export type ProblemKind =
  /** overlaps a span the format keeps instead (one tag per token) */
  | 'overlap'
  /** does not start and end on token boundaries (widened to whole tokens) */
  | 'misaligned'
  /** covers no token at all (left out) */
  | 'no_tokens'
  /** an attribute value the format cannot hold (left out) */
  | 'attribute'
  /** a note changed to fit (line breaks flattened) */
  | 'note'
  /** a span no format can write (an edge inside a character, a quote that does not match): left out */
  | 'unwritable';

/** One thing an exporter could not express; offsets in Unicode code points. */
export type ExportProblem = Readonly<{
  docId: string;
  kind: ProblemKind;
  spanId: string;
  label: string;
  start: number;
  end: number;
  quote: string;
  message: string;
}>;

/** What a drop is counted in: spans (by label), relations (by type) or attribute values (by `Label.attribute`). */
export type DropMeasure = 'spans' | 'relations' | 'attribute values';

/** Something a format does not keep; `measure` says what of an export's content it counts, null when it counts nothing (notes, status). */
export type FormatDrop = Readonly<{ what: string; measure: DropMeasure | null }>;

/** A format's drop in a report, with how many of the export's spans, relations or values fall under it. */
export type ReportDrop = FormatDrop & { counts: Record<string, number> };

/** The splits an export can be cut into. */
export type SplitName = 'train' | 'dev' | 'test';
export const SPLIT_NAMES: readonly SplitName[] = ['train', 'dev', 'test'];

/** What an export holds, and what it could not express. JSON-safe. */
export type ExportReport = {
  format: string;
  tokenizer: string | null;
  offsetUnit: 'code_point';
  /**
   * What the format cannot hold at all (e.g. "relations", "document status"), each with the spans,
   * relations or attribute values of this export it left out. The other counts are of what is written.
   */
  drops: ReportDrop[];
  documents: number;
  spansPerLabel: Record<string, number>;
  relationsPerType: Record<string, number>;
  /** `Label.attribute` -> value -> count; multi values count each element, unset counts as UNSET_COUNT. */
  attributeValues: Record<string, Record<string, number>>;
  splits: Partial<Record<SplitName, { documents: number; spans: number }>> | null;
  problems: ExportProblem[];
  /** Files written, relative to the output path; empty before writing. */
  files: string[];
  /** True for a plan made from the workspace index alone: documents and spans only (relations and attribute values are counted while writing). */
  countedFromIndex: boolean;
  /** The choice of layers ('default', 'curated', 'all' or an annotator's name). */
  layer: string;
  /** Each exported document's layer(s), by document id ("(none)": nobody annotated it). */
  documentLayers: Record<string, string[]>;
  /** Documents left out because the choice of layers has nothing for them, with why. */
  skipped: { docId: string; title: string; reason: string }[];
  /** Records (a document's layer) left out because their status is not the one asked for (#12: the dialog names the option). */
  otherStatus: number;
};

/** The longest quote kept in a problem (longer ones are cut with an ellipsis). */
const QUOTE_LIMIT = 80;

/**
 * A problem located at a span, offsets converted to code points.
 * @param offsets the offset map of the span's document text
 */
export function problemAt(docId: string, a: Annotation, offsets: OffsetMap, kind: ProblemKind, message: string): ExportProblem {
  const quote = [...a.quote].length > QUOTE_LIMIT ? `${[...a.quote].slice(0, QUOTE_LIMIT - 1).join('')}…` : a.quote;
  return {
    docId,
    kind,
    spanId: a.id,
    label: a.label,
    start: offsets.codePointFromUtf16(a.start),
    end: offsets.codePointFromUtf16(a.end),
    quote,
    message,
  };
}

/** An empty report for a format. */
export function emptyReport(format: string, tokenizer: string | null, drops: readonly FormatDrop[], layer = 'default'): ExportReport {
  return {
    format,
    tokenizer,
    offsetUnit: 'code_point',
    drops: drops.map((d) => ({ ...d, counts: keyedRecord<number>() })),
    documents: 0,
    spansPerLabel: counter(),
    relationsPerType: counter(),
    attributeValues: keyedRecord<Counter>(),
    splits: null,
    problems: [],
    files: [],
    countedFromIndex: false,
    layer,
    documentLayers: keyedRecord<string[]>(),
    skipped: [],
    otherStatus: 0,
  };
}

/** Notes which layer a document was exported from. */
export function noteLayer(report: ExportReport, docId: string, layer: string | null): void {
  (report.documentLayers[docId] ??= []).push(layer ?? '(none)');
}

/** What the report counts an unset value as (isUnset), apart from any value an attribute may hold. */
export const UNSET_COUNT = `(${UNSET})`;

/** Counts one attribute value: its name, or each element of a list; every unset value (isUnset) counts as UNSET_COUNT. */
function countValue(counts: Record<string, number>, value: AttributeValue): void {
  if (isUnset(value)) bump(counts, UNSET_COUNT);
  else if (!Array.isArray(value)) bump(counts, String(value));
  else for (const v of value) bump(counts, String(v));
}

/** The counts of a report's drop for a measure (a drop is added for one the format did not declare, so nothing goes uncounted). */
function dropCounts(report: ExportReport, measure: DropMeasure): Record<string, number> {
  let drop = report.drops.find((d) => d.measure === measure);
  if (!drop) report.drops.push((drop = { what: measure, measure, counts: keyedRecord<number>() }));
  return drop.counts;
}

/**
 * Adds one (already filtered) document to a report: what the format writes of it (`kept`) to the
 * counts, and the rest under the format's drops.
 * @param kept the format's view of the document (FormatSpec.keep)
 * @param split the split it goes to, when the export is split
 */
export function countDocument(
  report: ExportReport,
  doc: DocumentData,
  kept: KeptDocument,
  problems: readonly ExportProblem[],
  split: SplitName | null,
): void {
  report.documents += 1;
  const keptSpans = new Map(kept.annotations.map((a) => [a.id, a]));
  const keptRelations = new Set(kept.relations.map((r) => r.id));
  for (const a of doc.annotations) {
    const k = keptSpans.get(a.id);
    if (!k) {
      bump(dropCounts(report, 'spans'), a.label);
      continue;
    }
    bump(report.spansPerLabel, a.label);
    for (const [name, value] of Object.entries(k.attributes)) countValue((report.attributeValues[`${a.label}.${name}`] ??= counter()), value);
    // A value set on the span that its kept view lacks is a value the format does not keep.
    for (const [name, value] of Object.entries(a.attributes))
      if (value !== null && !(name in k.attributes)) bump(dropCounts(report, 'attribute values'), `${a.label}.${name}`);
  }
  for (const r of doc.relations) bump(keptRelations.has(r.id) ? report.relationsPerType : dropCounts(report, 'relations'), r.type);
  for (const p of problems) report.problems.push(p);
  if (split) {
    report.splits ??= {};
    const entry = (report.splits[split] ??= { documents: 0, spans: 0 });
    entry.documents += 1;
    entry.spans += kept.annotations.length;
  }
}

/** The number of spans a report's drops left out. */
export const droppedSpans = (report: ExportReport): number =>
  report.drops.filter((d) => d.measure === 'spans').reduce((n, d) => n + Object.values(d.counts).reduce((a, b) => a + b, 0), 0);

/** A drop as one line: what, then its counts sorted by name ("relations: attributed_to 7, coref 1"). */
export function dropText(drop: ReportDrop): string {
  const counts = Object.entries(drop.counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return counts.length === 0 ? drop.what : `${drop.what}: ${counts.map(([k, n]) => `${k} ${n}`).join(', ')}`;
}

/** Sorts a report's count tables by key so that printed and saved reports are stable. */
export function sortReport(report: ExportReport): ExportReport {
  const sorted = <T>(r: Record<string, T>): Record<string, T> => {
    const out = keyedRecord<T>(); // user labels are keys: no prototype (see keys.ts)
    for (const [k, v] of Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = v;
    return out;
  };
  return {
    ...report,
    spansPerLabel: sorted(report.spansPerLabel),
    relationsPerType: sorted(report.relationsPerType),
    attributeValues: sorted(Object.fromEntries(Object.entries(report.attributeValues).map(([k, v]) => [k, sorted(v)]))),
  };
}

/**
 * Formats rows as a plain-text table: columns padded to their widest cell, two spaces apart.
 * @returns the lines (header first, then a rule, then the rows)
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - [...c].length))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/**
 * The report as the command line prints it: summary, counts tables and the problems
 * (the first `maxProblems`, then how many more).
 * @returns the lines to print
 */
export function formatReport(report: ExportReport, maxProblems = 50): string[] {
  const lines: string[] = [];
  lines.push(`format       ${report.format} (offsets in Unicode code points)`);
  if (report.tokenizer) lines.push(`tokenizer    ${report.tokenizer}`);
  report.drops.forEach((d, i) => lines.push(`${i === 0 ? 'not kept    ' : '            '} ${dropText(d)}`));
  lines.push(`documents    ${report.documents}`);
  const perLayer = counter();
  for (const layers of Object.values(report.documentLayers)) for (const l of layers) bump(perLayer, l);
  const used = Object.entries(perLayer).sort(([a], [b]) => (a < b ? -1 : 1));
  lines.push(`layers       ${report.layer}${used.length > 0 ? `: ${used.map(([l, n]) => `${l} ${n}`).join(', ')}` : ''}`);
  if (report.skipped.length > 0) {
    lines.push(`skipped      ${report.skipped.length} document(s):`);
    for (const s of report.skipped.slice(0, maxProblems)) lines.push(`  ${s.docId}  ${s.title}: ${s.reason}`);
    if (report.skipped.length > maxProblems) lines.push(`  ... and ${report.skipped.length - maxProblems} more`);
  }
  if (report.splits) {
    lines.push('');
    lines.push(
      ...formatTable(
        ['split', 'documents', 'spans'],
        SPLIT_NAMES.map((s) => [s, String(report.splits?.[s]?.documents ?? 0), String(report.splits?.[s]?.spans ?? 0)]),
      ),
    );
  }
  lines.push('');
  lines.push(
    ...formatTable(
      ['label', 'spans'],
      Object.entries(report.spansPerLabel).map(([k, v]) => [k, String(v)]),
    ),
  );
  lines.push('');
  if (report.countedFromIndex) {
    lines.push('relations and attribute values are counted while writing (the format is lossless: nothing to check first)');
    return lines;
  }
  lines.push(
    ...formatTable(
      ['relation type', 'relations'],
      Object.entries(report.relationsPerType).map(([k, v]) => [k, String(v)]),
    ),
  );
  const attributeRows = Object.entries(report.attributeValues).flatMap(([k, values]) => Object.entries(values).map(([v, n]) => [k, v, String(n)]));
  if (attributeRows.length > 0) {
    lines.push('');
    lines.push(...formatTable(['attribute', 'value', 'count'], attributeRows));
  }
  lines.push('');
  const notKept = droppedSpans(report);
  if (report.problems.length === 0)
    lines.push(
      notKept === 0
        ? 'problems     none: every span is written as it is'
        : `problems     none among the spans written; ${notKept} span(s) not kept (see "not kept")`,
    );
  else {
    lines.push(`problems     ${report.problems.length} span(s) or value(s) the format cannot express as they are:`);
    const shown = report.problems.slice(0, maxProblems);
    lines.push(
      ...formatTable(
        ['document', 'span', 'label', 'at', 'kind', 'what'],
        shown.map((p) => [p.docId, p.spanId, p.label, `[${p.start}, ${p.end})`, p.kind, p.message]),
      ),
    );
    if (report.problems.length > shown.length)
      lines.push(`... and ${report.problems.length - shown.length} more (use --report FILE for the full list)`);
  }
  if (report.files.length > 0) {
    lines.push('');
    lines.push(`files        ${report.files.length} written`);
  }
  return lines;
}
