/**
 * Imports files chosen in the picker or dropped on the window: reads them in the browser a
 * piece at a time (the window stays responsive and shows how far it got), sends them to
 * `importFiles` in batches (so one request stays well under the host's body limit), and merges
 * the answers into one ImportReport, shown while it grows with where the import stands. Files
 * that cannot be read, are too large, or whose batch the API refused are reported as failed
 * with the reason; nothing is dropped silently.
 */
import { useCallback, useState } from 'react';
import { MAX_IMPORT_BYTES, type ClaimdeskApi, type ImportReport, type UploadedFile } from '../../shared/api';
import { describeError, formatQuantity } from '../util/format';
import { bytesToBase64 } from '../util/upload';
import { useLatest } from './use-latest';

/** Base64 characters sent per request at most (a single larger file still goes alone). */
const BATCH_CHARS = 16 * 1024 * 1024;

type Failed = ImportReport['failed'][number];

/** Where a running import stands. */
export type ImportProgress = Readonly<{
  /** Files dealt with so far (imported, duplicate or failed), of all those chosen. */
  filesDone: number;
  fileCount: number;
  /** 'reading': this window reads the file `name`; 'importing': the workspace imports the batch `name` starts. */
  step: 'reading' | 'importing';
  name: string;
  /** The share of the file read so far (0 to 1) while reading; null while the workspace imports (it reports no figure). */
  fraction: number | null;
}>;

/** An import's report; while the import runs, what is known so far and where it stands (else `progress` is null). */
export type ImportState = ImportReport & Readonly<{ progress: ImportProgress | null }>;

export type ImportCallbacks = Readonly<{
  /** Progress and outcome lines for the status bar. */
  onStatus: (message: string) => void;
  /** API failures, for the status bar. */
  onError: (message: string) => void;
  /** Called once per import with the merged report, after every batch has answered. */
  onDone: (report: ImportReport) => void;
}>;

export type Importer = Readonly<{
  /** Imports the files; resolves when done. Never rejects. */
  importFiles: (files: readonly File[]) => Promise<void>;
  /** True while an import is running. */
  isImporting: boolean;
  /** The running import's report so far (with its progress), or the last one's until dismissed, else null. */
  report: ImportState | null;
  dismissReport: () => void;
}>;

/** Runs imports against `api` and keeps the last report. */
export function useImport(api: ClaimdeskApi, callbacks: ImportCallbacks): Importer {
  const [isImporting, setImporting] = useState(false);
  const [report, setReport] = useState<ImportState | null>(null);
  const cb = useLatest(callbacks);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      setImporting(true);
      cb.current.onStatus(`Importing ${formatQuantity(files.length, 'file')}…`);
      const merged: { imported: ImportReport['imported'][number][]; duplicates: ImportReport['duplicates'][number][]; failed: Failed[] } = {
        imported: [],
        duplicates: [],
        failed: [],
      };
      const show = (step: ImportProgress['step'], name: string, fraction: number | null) => {
        const filesDone = merged.imported.length + merged.duplicates.length + merged.failed.length;
        setReport({ ...copyOf(merged), progress: { filesDone, fileCount: files.length, step, name, fraction } });
      };
      let batch: UploadedFile[] = [];
      let batchChars = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const sending = batch;
        batch = [];
        batchChars = 0;
        show(
          'importing',
          sending.length === 1 ? sending[0]!.name : `${sending[0]!.name} and ${formatQuantity(sending.length - 1, 'more file')}`,
          null,
        );
        try {
          const answer = await api.importFiles({ files: sending });
          merged.imported.push(...answer.imported);
          merged.duplicates.push(...answer.duplicates);
          merged.failed.push(...answer.failed);
        } catch (err) {
          const message = describeError('Import failed', err);
          cb.current.onError(message);
          for (const file of sending) merged.failed.push({ name: file.name, reason: message });
        }
      };
      for (const file of files) {
        if (file.size >= MAX_IMPORT_BYTES) {
          const limit = MAX_IMPORT_BYTES / 1024 / 1024;
          merged.failed.push({
            name: file.name,
            reason: `${(file.size / 1024 / 1024).toFixed(1)} MB: an article must be smaller than ${limit} MB; split it into smaller files`,
          });
          continue;
        }
        let upload: UploadedFile;
        try {
          upload = await readAsBase64(file, (fraction) => show('reading', file.name, fraction));
        } catch (err) {
          merged.failed.push({ name: file.name, reason: describeError('could not read the file (folders cannot be imported)', err) });
          continue;
        }
        if (batchChars + upload.data.length > BATCH_CHARS) await flush();
        batch.push(upload);
        batchChars += upload.data.length;
      }
      await flush();
      setImporting(false);
      setReport({ ...copyOf(merged), progress: null });
      cb.current.onStatus(summarise(merged));
      cb.current.onDone(merged);
    },
    [api, cb],
  );

  const dismissReport = useCallback(() => setReport(null), []);
  return { importFiles, isImporting, report, dismissReport };
}

/**
 * Reads a file as base64 a stream chunk at a time, so that a 20 MB file neither holds the window
 * nor leaves it without news: `onProgress` hears the share read, at most every 2%.
 * @throws whatever the browser throws when the file cannot be read (a folder, a vanished file)
 */
async function readAsBase64(file: File, onProgress: (fraction: number) => void): Promise<UploadedFile> {
  const reader = file.stream().getReader();
  const parts: string[] = [];
  // Base64 turns 3 bytes into 4 characters: encoding whole triples per chunk gives the same text as encoding the file at once.
  let carry = new Uint8Array(0);
  let read = 0;
  let shown = -1;
  onProgress(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.length;
    const bytes = new Uint8Array(carry.length + value.length);
    bytes.set(carry);
    bytes.set(value, carry.length);
    const whole = bytes.length - (bytes.length % 3);
    parts.push(bytesToBase64(bytes.subarray(0, whole)));
    carry = bytes.slice(whole);
    const step = Math.floor((read / Math.max(1, file.size)) * 50);
    if (step !== shown) {
      shown = step;
      onProgress(read / Math.max(1, file.size));
    }
  }
  parts.push(bytesToBase64(carry));
  return { name: file.name, data: parts.join('') };
}

/** The report's lists as they are now (the import goes on adding to its own). */
function copyOf(report: ImportReport): ImportReport {
  return { imported: [...report.imported], duplicates: [...report.duplicates], failed: [...report.failed] };
}

/** One line for the status bar: "Imported 2 · 1 duplicate · 1 failed". */
export function summarise(report: ImportReport): string {
  const parts = [`Imported ${report.imported.length}`];
  if (report.duplicates.length > 0) parts.push(formatQuantity(report.duplicates.length, 'duplicate'));
  if (report.failed.length > 0) parts.push(`${report.failed.length} failed`);
  return parts.join(' · ');
}
