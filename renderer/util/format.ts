/**
 * Formatting for the chrome: dates, counts, lengths and error messages. The user's locale
 * decides separators and date order; nothing here touches the DOM.
 */
import { ApiError } from '../../shared/api';
import type { DocStatus } from '../../shared/model/types';

// Made at module load, which runs while the document list is on its way from the service (main.tsx): the
// list's rows and the first document's details use them, and made on first use their locale data (~13 ms
// for the first) would be paid after the list or the document has arrived instead (#14).
const numberFormat = new Intl.NumberFormat();
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
/** Formats a calendar date built in UTC as that same date. */
const writtenDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Formats an integer with grouping ("5,431"). */
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** "1 annotation", "5,431 chars": a count with its noun, pluralised with a trailing "s". */
export function formatQuantity(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** The calendar date of a value that says which date it means: a date alone, or a date-time with its own numeric offset. */
const WRITTEN_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T[^Z]*[+-]\d{2}:?\d{2}$)/;

/**
 * Formats an ISO date (or date-time) as a medium date ("Jul 9, 2006"). A date alone, or a date-time
 * with its own offset (a publication time as the source wrote it: "2024-06-12T21:40:00-05:00"),
 * shows the calendar date as written, whatever the viewer's time zone; an instant in UTC (`Z`, as
 * Claimdesk stamps imports) or without an offset shows the viewer's local date.
 * @returns the formatted date, or the input unchanged when it does not parse
 */
export function formatDate(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const written = WRITTEN_DATE.exec(iso);
  return written ? writtenDateFormat.format(Date.UTC(Number(written[1]), Number(written[2]) - 1, Number(written[3]))) : dateFormat.format(time);
}

/**
 * Formats an ISO date-time with its time of day ("Jul 9, 2006, 3:04 PM").
 * @returns the formatted value, or the input unchanged when it does not parse
 */
export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateTimeFormat.format(time);
}

/** Words in `text`, counted as runs of non-space characters; linear, no allocation per word. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** The label a user sees for a document status. */
export function statusLabel(status: DocStatus): string {
  switch (status) {
    case 'new':
      return 'New';
    case 'in_progress':
      return 'In progress';
    case 'done':
      return 'Done';
    default:
      return status satisfies never;
  }
}

/**
 * Turns anything thrown by an API call into one line a user can read, keeping the error
 * code of an ApiError ("document not found (NOT_FOUND)").
 * @param action what was being done ("Could not open the document")
 */
export function describeError(action: string, err: unknown): string {
  if (err instanceof ApiError) return `${action}: ${err.message} (${err.code})`;
  if (err instanceof Error) return `${action}: ${err.message}`;
  return `${action}: ${String(err)}`;
}
