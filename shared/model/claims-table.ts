/**
 * The claims table as the app shows it: one row per Claim with its text, one column per Claim
 * attribute of the schema, the text of its linked sources (attributed_to) and cues (has_cue);
 * sorting by a column, and the selection as TSV for the clipboard. Pure: no DOM, no clock.
 * The export serializer (shared/formats/claims-csv.ts) builds its richer rows on claimLinks.
 */
import { lazy } from '../lazy';
import type { Annotation, AttributeValue, DocumentData, Schema } from './types';
import { isUnset, UNSET } from './schema-rules';
import { compareSpans } from './spans';
import { ATTRIBUTED_TO, CLAIM_LABEL, HAS_CUE } from './vocabulary';

/** Separator between several linked texts in one cell. */
export const LINKED_SEPARATOR = '; ';

/**
 * One column: a stable id (`claim`, `attr:<name>`, `sources`, `cue`), its header text, and
 * whether it holds an attribute (whose empty cell means unset).
 */
export type ClaimColumn = Readonly<{ id: string; title: string; isNumeric: boolean; isAttribute?: boolean }>;

/** One claim: its id and text position, and one display string per column (same order; '' for an unset attribute). */
export type ClaimRow = Readonly<{ id: string; start: number; end: number; cells: readonly string[] }>;

/** A sort direction, named as aria-sort names it. */
export type SortDirection = 'ascending' | 'descending';
/** Sorting by one column; null elsewhere means text order. */
export type ClaimSort = Readonly<{ columnId: string; direction: SortDirection }>;

/**
 * An attribute value as one line of text: unset (isUnset) -> '', several values joined with ", ",
 * booleans as yes/no. Only an unset value gives '' (a set text is never empty), so an attribute
 * cell's '' means unset (isUnsetCell).
 */
export function attributeText(value: AttributeValue | undefined): string {
  if (isUnset(value)) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  return Array.isArray(value) ? value.join(', ') : '';
}

/** The table's columns for a schema: Claim, each Claim attribute in schema order, Sources, Cue. */
export function claimColumns(schema: Schema): ClaimColumn[] {
  const attrs = schema.labels.find((l) => l.name === CLAIM_LABEL)?.attributes ?? [];
  return [
    { id: 'claim', title: 'Claim', isNumeric: false },
    ...attrs.map((a) => ({ id: `attr:${a.name}`, title: a.name, isNumeric: a.kind === 'number', isAttribute: true })),
    { id: 'sources', title: 'Sources', isNumeric: false },
    { id: 'cue', title: 'Cue', isNumeric: false },
  ];
}

/**
 * One row per Claim annotation, in text order (start, end, id). Linked texts are listed in
 * text order and joined with "; ". Linear in annotations + relations.
 */
export function claimRows(doc: DocumentData, schema: Schema): ClaimRow[] {
  const attrs = schema.labels.find((l) => l.name === CLAIM_LABEL)?.attributes ?? [];
  const links = claimLinks(doc);
  const joined = (xs: readonly Annotation[] | undefined) => (xs ? xs.map((x) => x.quote).join(LINKED_SEPARATOR) : '');
  return claimsInTextOrder(doc).map((a) => {
    const linked = links.get(a.id);
    return {
      id: a.id,
      start: a.start,
      end: a.end,
      cells: [a.quote, ...attrs.map((d) => attributeText(a.attributes[d.name])), joined(linked?.sources), joined(linked?.cues)],
    };
  });
}

/** The Claim annotations of a document in text order (start, end, id). */
export function claimsInTextOrder(doc: DocumentData): Annotation[] {
  return doc.annotations.filter((a) => a.label === CLAIM_LABEL).sort(compareSpans);
}

/**
 * Each claim's linked sources (attributed_to targets) and cues (has_cue targets), each list in
 * text order. Linear in annotations + relations.
 * @returns a map from claim id; claims without links are absent
 */
export function claimLinks(doc: DocumentData): Map<string, { sources: Annotation[]; cues: Annotation[] }> {
  const byId = new Map(doc.annotations.map((a) => [a.id, a]));
  const links = new Map<string, { sources: Annotation[]; cues: Annotation[] }>();
  for (const r of doc.relations) {
    if (r.type !== ATTRIBUTED_TO && r.type !== HAS_CUE) continue;
    const to = byId.get(r.to);
    if (!to) continue;
    let entry = links.get(r.from);
    if (!entry) links.set(r.from, (entry = { sources: [], cues: [] }));
    (r.type === ATTRIBUTED_TO ? entry.sources : entry.cues).push(to);
  }
  for (const entry of links.values()) for (const list of [entry.sources, entry.cues]) list.sort(compareSpans);
  return links;
}

/** The sort after a click on a column header: ascending, then descending, then text order (null). */
export function nextSort(current: ClaimSort | null, columnId: string): ClaimSort | null {
  if (current?.columnId !== columnId) return { columnId, direction: 'ascending' };
  return current.direction === 'ascending' ? { columnId, direction: 'descending' } : null;
}

/** Made on first sort: at module load it would cost every window's start milliseconds (#14). */
const collator = lazy(() => new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }));

/**
 * Sorts rows by one column (stable; ties keep text order). Empty cells go last in either
 * direction; numeric columns compare as numbers, others with a natural, case-insensitive
 * collation.
 * @returns a new array; `rows` unchanged when `sort` is null or names no column
 */
export function sortClaimRows(rows: readonly ClaimRow[], columns: readonly ClaimColumn[], sort: ClaimSort | null): readonly ClaimRow[] {
  const index = sort ? columns.findIndex((c) => c.id === sort.columnId) : -1;
  if (!sort || index < 0) return rows;
  const numeric = columns[index]!.isNumeric;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = rows.map((row, order) => {
    const cell = row.cells[index] ?? '';
    const n = numeric && cell !== '' ? Number(cell) : NaN;
    return { row, order, cell, n, isEmpty: cell === '' };
  });
  keyed.sort((a, b) => {
    if (a.isEmpty !== b.isEmpty) return a.isEmpty ? 1 : -1;
    let c = 0;
    if (numeric && !Number.isNaN(a.n) && !Number.isNaN(b.n)) c = a.n - b.n;
    else if (!a.isEmpty) c = collator().compare(a.cell, b.cell);
    return c !== 0 ? sign * c : a.order - b.order;
  });
  return keyed.map((k) => k.row);
}

/** A cell for TSV: every tab and line break becomes one space, so a cell stays one field. */
export function tsvCell(value: string): string {
  return value.replace(/\r\n|[\t\n\r]/g, ' ');
}

/** True when a cell of `column` stands for an attribute nobody set (attributeText gave ''; shown as UNSET). */
export const isUnsetCell = (column: ClaimColumn, text: string): boolean => column.isAttribute === true && text === '';

/**
 * The header and `rows` as TSV: tab-separated cells, one line per row, "\n" after each line; an
 * unset attribute is written as UNSET.
 * @param rows the rows to write, in the order given
 */
export function claimsTsv(columns: readonly ClaimColumn[], rows: readonly ClaimRow[]): string {
  const line = (cells: readonly string[]) => `${cells.map(tsvCell).join('\t')}\n`;
  const field = (row: ClaimRow, i: number) => {
    const text = row.cells[i] ?? '';
    return isUnsetCell(columns[i]!, text) ? UNSET : text;
  };
  return line(columns.map((c) => c.title)) + rows.map((r) => line(columns.map((_, i) => field(r, i)))).join('');
}
