/**
 * The date a document list row shows, and the orders the list can be sorted in (#12): a row shows
 * the article's publication date when it has one (HTML, Markdown front matter), else the day it
 * was imported (plain text), and says which; sorting by date uses that same shown date, so the
 * order always matches what the rows say. Pure: no DOM, no React.
 */
import type { IndexRow } from '../../shared/model/types';
import { lazy } from '../../shared/lazy';

/** The date a row shows and what it is. */
export type ShownDate = Readonly<{ kind: 'published' | 'imported'; iso: string }>;

/** The date `row` shows: published when known, else imported. */
export function shownDate(row: Pick<IndexRow, 'publishedAt' | 'importedAt'>): ShownDate {
  return row.publishedAt !== undefined ? { kind: 'published', iso: row.publishedAt } : { kind: 'imported', iso: row.importedAt };
}

/** The label a shown date carries on screen ("Published", "Imported"). */
export const DATE_KIND_LABELS: Readonly<Record<ShownDate['kind'], string>> = { published: 'Published', imported: 'Imported' };

/** How the list is ordered: as imported, by shown date either way, or by title. */
export type DocumentOrder = 'imported' | 'newest' | 'oldest' | 'title';

/** The orders, as the sort menu offers them. */
export const DOCUMENT_ORDERS: readonly Readonly<{ value: DocumentOrder; label: string }>[] = [
  { value: 'imported', label: 'Import order' },
  { value: 'newest', label: 'Date, newest first' },
  { value: 'oldest', label: 'Date, oldest first' },
  { value: 'title', label: 'Title' },
];

/** Made on first use: only the title order needs it, and module load would add its cost to the list's first paint (#14). */
const titleOrder = lazy(() => new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }));

/**
 * `rows` in `order` (a new array, except for the import order, which is the rows' own). Sorting is
 * stable; a shown date that does not parse sorts after every date, either way.
 */
export function sortRows<R extends Pick<IndexRow, 'title' | 'publishedAt' | 'importedAt'>>(rows: readonly R[], order: DocumentOrder): readonly R[] {
  if (order === 'imported') return rows;
  if (order === 'title') return [...rows].sort((a, b) => titleOrder().compare(a.title, b.title));
  const sign = order === 'newest' ? -1 : 1;
  const keyed = rows.map((row) => ({ row, time: Date.parse(shownDate(row).iso) }));
  keyed.sort((a, b) => {
    if (Number.isNaN(a.time) || Number.isNaN(b.time)) return Number(Number.isNaN(a.time)) - Number(Number.isNaN(b.time));
    return sign * (a.time - b.time);
  });
  return keyed.map((k) => k.row);
}
