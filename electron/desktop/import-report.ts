/**
 * An import report as the desktop shell shows it: a message box's text, counts first, the
 * titles and reasons as detail, each list capped. Plain data (no 'electron' import); main.ts
 * passes it to dialog.showMessageBox.
 */
import type { ImportReport } from '../../shared/api';
import { SUPPORTED_EXTENSIONS } from '../services/importers/types';

/** The most lines listed per section of a report before "… and N more". */
export const REPORT_LINES_PER_LIST = 15;

/** A message box's content (a subset of Electron's MessageBoxOptions). */
export type MessageSpec = Readonly<{ type: 'info' | 'warning' | 'error' | 'question'; message: string; detail?: string }>;

/** At most REPORT_LINES_PER_LIST lines, then "… and N more". */
function capped(lines: readonly string[]): string[] {
  if (lines.length <= REPORT_LINES_PER_LIST) return [...lines];
  return [...lines.slice(0, REPORT_LINES_PER_LIST), `  … and ${lines.length - REPORT_LINES_PER_LIST} more`];
}

/** A section of the report: a heading and its capped lines, then a blank line; nothing for an empty list. */
function section(heading: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : [heading, ...capped(lines), ''];
}

/**
 * An import report as a message box: the counts as the message, the titles and reasons as detail.
 * @returns a warning when something could not be imported, else info (also when nothing was found)
 */
export function describeImport(report: ImportReport): MessageSpec {
  const { imported, duplicates, failed } = report;
  const total = imported.length + duplicates.length + failed.length;
  if (total === 0) {
    const kinds = SUPPORTED_EXTENSIONS.join(', ');
    return { type: 'info', message: 'No articles were found to import.', detail: `Claimdesk imports ${kinds} files.` };
  }
  const counts = [`Imported ${imported.length} of ${total} file${total === 1 ? '' : 's'}`];
  if (duplicates.length > 0) counts.push(`${duplicates.length} already in this workspace`);
  if (failed.length > 0) counts.push(`${failed.length} could not be imported`);
  const detail = [
    ...section(
      'Imported:',
      imported.map((e) => `  • ${e.row.title} (${e.name})${e.warnings.length > 0 ? ` — ${e.warnings.join('; ')}` : ''}`),
    ),
    ...section(
      'Already in this workspace (same content):',
      duplicates.map((e) => `  • ${e.name} — “${e.existing.title}”`),
    ),
    ...section(
      'Not imported:',
      failed.map((e) => `  • ${e.name}: ${e.reason}`),
    ),
  ];
  return { type: failed.length > 0 ? 'warning' : 'info', message: `${counts.join('; ')}.`, detail: detail.join('\n').trimEnd() };
}
