/**
 * Imports files chosen in the picker or dropped on the window: reads them in the browser,
 * sends them to `importFiles` in batches (so one request stays well under the host's body
 * limit), and merges the answers into one ImportReport. Files that cannot be read, are too
 * large, or whose batch the API refused are reported as failed with the reason; nothing is
 * dropped silently.
 */
import { useCallback, useState } from 'react';
import { MAX_IMPORT_BYTES, type ClaimdeskApi, type ImportReport, type UploadedFile } from '../../shared/api';
import { describeError, formatQuantity } from '../util/format';
import { readUpload } from '../util/upload';
import { useLatest } from './use-latest';

/** Base64 characters sent per request at most (a single larger file still goes alone). */
const BATCH_CHARS = 16 * 1024 * 1024;

type Failed = ImportReport['failed'][number];

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
  /** The last import's report until dismissed, else null. */
  report: ImportReport | null;
  dismissReport: () => void;
}>;

/** Runs imports against `api` and keeps the last report. */
export function useImport(api: ClaimdeskApi, callbacks: ImportCallbacks): Importer {
  const [isImporting, setImporting] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
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
      let batch: UploadedFile[] = [];
      let batchChars = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const sending = batch;
        batch = [];
        batchChars = 0;
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
        if (file.size > MAX_IMPORT_BYTES) {
          merged.failed.push({ name: file.name, reason: `larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit` });
          continue;
        }
        let upload: UploadedFile;
        try {
          upload = await readUpload(file);
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
      setReport(merged);
      cb.current.onStatus(summarise(merged));
      cb.current.onDone(merged);
    },
    [api, cb],
  );

  const dismissReport = useCallback(() => setReport(null), []);
  return { importFiles, isImporting, report, dismissReport };
}

/** One line for the status bar: "Imported 2 · 1 duplicate · 1 failed". */
export function summarise(report: ImportReport): string {
  const parts = [`Imported ${report.imported.length}`];
  if (report.duplicates.length > 0) parts.push(formatQuantity(report.duplicates.length, 'duplicate'));
  if (report.failed.length > 0) parts.push(`${report.failed.length} failed`);
  return parts.join(' · ');
}
