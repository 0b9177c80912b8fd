/**
 * How files come into the window: the Import button's picker and files dropped on the window go to
 * useImport; when an import ends, the list is reloaded and the first document imported (or found
 * already there) is opened. The picker is the hidden input `fileInputRef` points at.
 */
import { useCallback, useRef, type RefObject } from 'react';
import type { ClaimdeskApi, ImportReport } from '../../shared/api';
import type { DocId } from '../../shared/model/types';
import { describeError } from '../util/format';
import { useFileDrop } from './use-file-drop';
import { useImport, type Importer } from './use-import';

export type ImportFlowOptions = Readonly<{
  /** Reloads the workspace and the list. @throws what the API throws */
  refresh: () => Promise<void>;
  openDocument: (id: DocId) => void;
  onInfo: (message: string) => void;
  onError: (message: string) => void;
}>;

export type ImportFlow = Readonly<{
  importer: Importer;
  /** For the hidden file input (ImportInput). */
  fileInputRef: RefObject<HTMLInputElement | null>;
  /** Imports files (chosen in the picker). */
  onFiles: (files: readonly File[]) => void;
  /** True while files are dragged over the window. */
  isDragging: boolean;
  /** Opens the file picker. */
  chooseFiles: () => void;
}>;

/** The window's import: picker, drop, and what follows an import. */
export function useImportFlow(api: ClaimdeskApi, { refresh, openDocument, onInfo, onError }: ImportFlowOptions): ImportFlow {
  const fileInputRef = useRef<HTMLInputElement>(null);
  const onImported = useCallback(
    (report: ImportReport) => {
      void refresh().catch((err: unknown) => onError(describeError('Could not reload the document list', err)));
      const first = report.imported[0]?.row.id ?? report.duplicates[0]?.existing.id;
      if (first !== undefined) openDocument(first);
    },
    [refresh, openDocument, onError],
  );
  const importer = useImport(api, { onStatus: onInfo, onError, onDone: onImported });
  const { importFiles } = importer;
  const onFiles = useCallback((files: readonly File[]) => void importFiles(files), [importFiles]);
  const isDragging = useFileDrop(onFiles);
  const chooseFiles = useCallback(() => fileInputRef.current?.click(), []);
  return { importer, fileInputRef, onFiles, isDragging, chooseFiles };
}
