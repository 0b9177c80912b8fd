/**
 * Formatting for the chrome: dates, counts, lengths and error messages. The user's locale
 * decides separators and date order; nothing here touches the DOM.
 */
import { ApiError } from '../../shared/api';
import type { DocStatus } from '../../shared/model/types';

const numberFormat = new Intl.NumberFormat();
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Formats an integer with grouping ("5,431"). */
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** "1 annotation", "5,431 chars": a count with its noun, pluralised with a trailing "s". */
export function formatQuantity(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Formats an ISO date (or date-time) as a medium date ("Jul 9, 2006").
 * @returns the formatted date, or the input unchanged when it does not parse
 */
export function formatDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateFormat.format(time);
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
