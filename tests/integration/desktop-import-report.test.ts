/** The import report as the desktop shell's message box (electron/desktop/import-report.ts). */
import { describe, expect, it } from 'vitest';
import { describeImport, REPORT_LINES_PER_LIST } from '../../electron/desktop/import-report';
import type { ImportReport } from '../../shared/api';
import type { IndexRow } from '../../shared/model/types';

/** An index row with the title given; the other fields are not shown in the report. */
function row(title: string): IndexRow {
  return { title } as IndexRow;
}

function imported(n: number, warnings: readonly string[] = []): ImportReport['imported'] {
  return Array.from({ length: n }, (_, i) => ({ name: `a${i}.txt`, row: row(`Article ${i}`), warnings }));
}

describe('describeImport', () => {
  it('says which kinds of files are imported when nothing was found', () => {
    const spec = describeImport({ imported: [], duplicates: [], failed: [] });
    expect(spec).toMatchObject({ type: 'info', message: 'No articles were found to import.' });
    expect(spec.detail).toMatch(/\.txt/);
  });

  it('counts each outcome in the message and lists titles, duplicates and reasons in the detail', () => {
    const spec = describeImport({
      imported: imported(1, ['no title found']),
      duplicates: [{ name: 'b.txt', existing: row('Old article') }],
      failed: [{ name: 'c.pdf', reason: 'not a supported file' }],
    });
    expect(spec.type).toBe('warning');
    expect(spec.message).toBe('Imported 1 of 3 files; 1 already in this workspace; 1 could not be imported.');
    expect(spec.detail?.split('\n')).toEqual([
      'Imported:',
      '  • Article 0 (a0.txt) — no title found',
      '',
      'Already in this workspace (same content):',
      '  • b.txt — “Old article”',
      '',
      'Not imported:',
      '  • c.pdf: not a supported file',
    ]);
  });

  it('is information, in the singular, for one imported file', () => {
    expect(describeImport({ imported: imported(1), duplicates: [], failed: [] })).toEqual({
      type: 'info',
      message: 'Imported 1 of 1 file.',
      detail: 'Imported:\n  • Article 0 (a0.txt)',
    });
  });

  it('caps each list and says how many more there are', () => {
    const spec = describeImport({ imported: imported(REPORT_LINES_PER_LIST + 3), duplicates: [], failed: [] });
    const lines = spec.detail?.split('\n') ?? [];
    expect(lines).toHaveLength(1 + REPORT_LINES_PER_LIST + 1);
    expect(lines.at(-1)).toBe('  … and 3 more');
  });
});
