/**
 * The Agreement view's reading of a report (#11): the span measures one can choose, how a figure
 * is written (two decimals; a null as a dash, explained in the notes), its shade in a table, and
 * the rows and columns of each table. Pure: the figures are the service's.
 */
import type { AgreementReport, Figure, PairFigures } from '../../shared/agreement';

/** The span measures, with the names the user sees. */
export const MEASURES = [
  { key: 'f1_exact', name: 'F1 exact', hint: 'same label, same start and end' },
  { key: 'f1_overlap', name: 'F1 overlap', hint: 'same label, at least one shared character' },
  { key: 'alpha_u', name: 'α_u', hint: 'Krippendorff’s alpha for unitizing' },
] as const;

export type Measure = (typeof MEASURES)[number]['key'];

/** The name of a measure as a table's caption says it. */
export const measureName = (measure: Measure): string => MEASURES.find((m) => m.key === measure)!.name;

/** A figure as a cell shows it. */
export const formatFigure = (f: Figure | undefined): string => (f === null || f === undefined ? '—' : f.toFixed(2));

/** A cell's shade: from the danger colour at 0 (or below) to the ok colour at 1; none for a dash. */
export function figureShade(f: Figure | undefined): string | undefined {
  if (f === null || f === undefined) return undefined;
  const t = Math.max(0, Math.min(1, f));
  return `color-mix(in srgb, var(--ok) ${Math.round(t * 100)}%, var(--danger))`;
}

/** One row of a table: its name and the figures to show. */
export type FigureRow = Readonly<{ name: string; isMean: boolean; figures: PairFigures }>;

/** The rows of the pair tables: each pair ("ann / bob"), then the mean. */
export function pairRows(report: AgreementReport): FigureRow[] {
  return [
    ...report.pairs.map((p) => ({ name: `${p.a} / ${p.b}`, isMean: false, figures: p as PairFigures })),
    { name: 'Mean', isMean: true, figures: report.mean },
  ];
}

/** The labels the report has figures for, in the schema's order, then any other. */
export function reportLabels(report: AgreementReport, schemaOrder: readonly string[]): string[] {
  const seen = new Set([...report.pairs.flatMap((p) => Object.keys(p.labels)), ...Object.keys(report.mean.labels)]);
  return [...schemaOrder.filter((l) => seen.has(l)), ...[...seen].filter((l) => !schemaOrder.includes(l)).sort()];
}

/** Keys of one part of the figures (relation types or `<label>.<attribute>`), over every row, sorted. */
export function keysOf(rows: readonly FigureRow[], part: 'relations' | 'attributes'): string[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r.figures[part])))].sort();
}
