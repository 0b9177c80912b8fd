/**
 * The agreement report written out: Markdown (tables to read), CSV (one row per pair or mean,
 * measure and value) or JSON (the report itself). Pure; returns the text, writes nothing.
 */
import { assertNever } from '../assert-never';
import { csvField } from '../formats/claims-csv';
import type { AgreementReport, Figure, PairFigures } from './types';

/** The forms `formatAgreement` writes. */
export type AgreementFormat = 'md' | 'csv' | 'json';

/** The row name of the mean over pairs (CSV and Markdown). */
export const MEAN_ROW = 'mean';

/** How a pair is named in a table. */
const pairName = (p: Readonly<{ a: string; b: string }>): string => `${p.a} / ${p.b}`;

/** Every figure of a pair or the mean as `[measure key, value]`, in report order; `n` is a count. */
function measures(f: PairFigures): [string, Figure][] {
  const out: [string, Figure][] = [];
  for (const [label, v] of Object.entries(f.labels)) {
    out.push([`labels.${label}.f1_exact`, v.f1_exact], [`labels.${label}.f1_overlap`, v.f1_overlap], [`labels.${label}.alpha_u`, v.alpha_u]);
  }
  out.push(['overall.f1_exact', f.overall.f1_exact], ['overall.f1_overlap', f.overall.f1_overlap]);
  for (const [type, v] of Object.entries(f.relations)) out.push([`relations.${type}.f1`, v.f1]);
  for (const [key, v] of Object.entries(f.attributes)) out.push([`attributes.${key}.kappa`, v.kappa], [`attributes.${key}.n`, v.n]);
  return out;
}

/** CSV (RFC 4180, CRLF): `pair,measure,value`, value empty for null, pairs first and the mean last. */
function toCsv(report: AgreementReport): string {
  const rows: string[][] = [['pair', 'measure', 'value']];
  const add = (name: string, f: PairFigures) => {
    for (const [key, value] of measures(f)) rows.push([name, key, value === null ? '' : String(value)]);
  };
  for (const p of report.pairs) add(pairName(p), p);
  add(MEAN_ROW, report.mean);
  return rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}

/** A figure as Markdown shows it: three decimals, or an em dash for null (see the notes). */
const shown = (v: Figure): string => (v === null ? '—' : v.toFixed(3));

/** A Markdown table cell: pipes escaped, line breaks as spaces. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

/** A Markdown table; the first `textColumns` columns are left-aligned, the figures right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[], textColumns = 1): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map((_, i) => (i < textColumns ? ' --- ' : ' ---: ')).join('|')}|`, ...rows.map(line)].join('\n');
}

type Row = Readonly<{ name: string; figures: PairFigures }>;

/** One pair × label matrix of a span measure (rows: pairs, then the mean); F1 has an overall column. */
function labelMatrix(rows: readonly Row[], labels: readonly string[], measure: 'f1_exact' | 'f1_overlap' | 'alpha_u'): string {
  const overall = measure === 'alpha_u' ? null : (f: PairFigures) => shown(f.overall[measure]);
  return table(
    ['pair', ...labels, ...(overall === null ? [] : ['overall'])],
    rows.map(({ name, figures }) => [
      name,
      ...labels.map((l) => shown(figures.labels[l]?.[measure] ?? null)),
      ...(overall === null ? [] : [overall(figures)]),
    ]),
  );
}

/** Keys as rows, pairs and the mean as columns (there are often more keys than pairs). */
function keyMatrix(rows: readonly Row[], keys: readonly string[], value: (f: PairFigures, key: string) => string): string {
  return table(
    ['', ...rows.map((r) => r.name)],
    keys.map((key) => [key, ...rows.map((r) => value(r.figures, key))]),
  );
}

function toMarkdown(report: AgreementReport): string {
  const rows: Row[] = [...report.pairs.map((p) => ({ name: pairName(p), figures: p })), { name: MEAN_ROW, figures: report.mean }];
  const labels = Object.keys(report.mean.labels);
  const relationTypes = Object.keys(report.mean.relations);
  const attributeKeys = Object.keys(report.mean.attributes);
  const parts = [
    '# Inter-annotator agreement',
    `Annotators: ${report.annotators.join(', ') || 'none'}. Documents: ${report.documents}. A dash is an undefined figure; the notes say why.`,
    '## Spans: F1, exact boundaries',
    labelMatrix(rows, labels, 'f1_exact'),
    '## Spans: F1, overlapping',
    labelMatrix(rows, labels, 'f1_overlap'),
    "## Spans: Krippendorff's alpha_u",
    labelMatrix(rows, labels, 'alpha_u'),
    '## Relations: F1',
    relationTypes.length === 0 ? 'No relations.' : keyMatrix(rows, relationTypes, (f, k) => shown(f.relations[k]?.f1 ?? null)),
    "## Attributes: Cohen's kappa (n matched pairs)",
    attributeKeys.length === 0
      ? 'No attributes.'
      : keyMatrix(rows, attributeKeys, (f, k) => {
          const v = f.attributes[k];
          return v === undefined ? '—' : `${shown(v.kappa)} (n=${v.n})`;
        }),
    '## Documents, least to most agreement',
    report.perDocument.length === 0
      ? 'No documents.'
      : table(
          ['document', 'id', 'F1 exact', 'F1 overlap', 'alpha_u'],
          report.perDocument.map((d) => [d.title, d.docId, shown(d.overall.f1_exact), shown(d.overall.f1_overlap), shown(d.overall.alpha_u)]),
          2,
        ),
    '## Notes',
    report.notes.length === 0 ? 'None.' : report.notes.map((n) => `- ${n}`).join('\n'),
  ];
  return `${parts.join('\n\n')}\n`;
}

/**
 * Writes an agreement report.
 * @param format `md`: Markdown tables (pair × label matrices, means, relations, attributes, the
 *   documents from least to most agreement, notes); `csv`: `pair,measure,value` rows, one per
 *   pair (or `mean`) and measure key (`labels.<label>.f1_exact`, `overall.f1_overlap`,
 *   `relations.<type>.f1`, `attributes.<label>.<attribute>.kappa` and `.n`), value empty for
 *   null; `json`: `JSON.stringify(report, null, 2)`
 * @returns the text
 */
export function formatAgreement(report: AgreementReport, format: AgreementFormat): string {
  switch (format) {
    case 'md':
      return toMarkdown(report);
    case 'csv':
      return toCsv(report);
    case 'json':
      return JSON.stringify(report, null, 2);
    default:
      return assertNever(format);
  }
}
