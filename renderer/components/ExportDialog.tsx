/**
 * The export dialog: format, which layer of each document (#11: the default, the curated one, every
 * annotator's or one annotator's), which documents (the current one, the selected ones or the whole
 * workspace; all or only those marked done, the default for the training-data formats), which
 * labels and relation types, an optional train/dev/test split, and the destination, which only
 * the shell can choose (a native dialog in Electron, a fresh folder under the workspace in a
 * browser). While the options change, a preview of the report (counted by the service without
 * writing) shows the documents, spans per label, relations per type and the spans the format
 * cannot express. Export starts a job in the service; the dialog polls it for a progress bar with
 * Cancel, then shows the report after writing with the files written. Closing the dialog while
 * an export runs cancels it (nothing is left at the destination).
 *
 * A native modal <dialog>: the page behind is inert, Tab stays inside, Escape closes; focus
 * returns to where it was. It computes nothing of the export itself: counts come from the service.
 * This component owns the options and the dialog; the job is `useExportJob`'s, and the options
 * column, preview, job view and footer are its parts (Export*.tsx).
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { ClaimdeskApi } from '../../shared/api';
import { annotatorsOf } from '../../shared/model/layers';
import type { Schema } from '../../shared/model/types';
import { useExportJob } from '../hooks/use-export-job';
import { describeError } from '../util/format';
import { trapTab } from '../util/trap-tab';
import {
  emptyExportReasons,
  initialExportOptions,
  requestFromOptions,
  splitProblemOf,
  type ExportContext,
  type ExportOptions,
} from './export-options';
import { ExportDialogFoot } from './ExportDialogFoot';
import { ExportJobView } from './ExportJobView';
import { ExportOptionsForm } from './ExportOptionsForm';
import { ExportPreview } from './ExportPreview';
import './ExportDialog.css';
import { DialogHead } from './DialogHead';

/** The workspace's schema, the documents the user is looking at, and how to close. */
export type ExportDialogProps = Readonly<{
  api: ClaimdeskApi;
  /** Offers its labels and relation types (all checked at first) and colours the charts. */
  schema: Schema;
  /** The open document, or null (then "Current document" is not offered). */
  currentDocId: string | null;
  /** The documents selected in the list (empty: "Selected documents" is not offered). */
  selectedDocIds: readonly string[];
  onClose: () => void;
}>;

/** Renders the dialog, open, for as long as it is mounted. */
export function ExportDialog({ api, schema, currentDocId, selectedDocIds, onClose }: ExportDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const baseId = useId();
  const idOf = (field: string) => `${baseId}-${field}`;
  const [annotators, setAnnotators] = useState<readonly string[]>([]);
  const context: ExportContext = useMemo(
    () => ({
      labelNames: schema.labels.map((l) => l.name),
      typeNames: schema.relationTypes.map((t) => t.name),
      currentDocId,
      selectedDocIds,
      annotators,
    }),
    [schema, currentDocId, selectedDocIds, annotators],
  );
  const [options, setOptions] = useState<ExportOptions>(() => initialExportOptions(schema));
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(() => new Map());
  const splitProblem = splitProblemOf(options);
  const request = useMemo(() => requestFromOptions(options, context), [options, context]);
  const exportJob = useExportJob(api, { request, format: options.format, isSplit: options.isSplit });
  const { job, preview, showError } = exportJob;

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    document.getElementById(`${baseId}-format`)?.focus();
    return () => {
      dialog.close();
      previous?.focus();
    };
  }, [baseId]);

  // Titles locate problems and count the workspace; the layers name the annotators to choose from.
  useEffect(() => {
    let isCurrent = true;
    api.listDocuments().then(
      (rows) => {
        if (!isCurrent) return;
        setTitles(new Map(rows.map((r) => [r.id, r.title])));
        setAnnotators([...new Set(rows.flatMap((r) => annotatorsOf(r.layers)))].sort());
      },
      (err: unknown) => isCurrent && showError(describeError('Could not list the documents', err)),
    );
    return () => {
      isCurrent = false;
    };
  }, [api, showError]);

  const changeOptions = (change: Partial<ExportOptions>) => {
    setOptions((o) => ({ ...o, ...change }));
    // A destination is chosen for one format (its extension and layout); a split export is a folder.
    if ('format' in change || 'isSplit' in change) exportJob.forgetDestination();
  };
  const requestClose = () => {
    exportJob.abandon();
    onClose();
  };
  const onCancel = (e: SyntheticEvent) => {
    e.preventDefault();
    requestClose();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') onCancel(e);
    else if (e.key === 'Tab') trapTab(e);
  };

  return (
    <dialog
      ref={dialogRef}
      className="cd-dialog cd-dialog--column cd-export"
      aria-modal="true"
      aria-label="Export"
      onCancel={onCancel}
      onKeyDown={onKeyDown}
    >
      <DialogHead title="Export" onClose={requestClose} />
      {job === null ? (
        <div className="cd-export-body">
          <ExportOptionsForm
            options={options}
            context={context}
            schema={schema}
            workspaceCount={titles.size}
            splitProblem={splitProblem}
            idOf={idOf}
            onChange={changeOptions}
            destination={exportJob.destination}
            isBusy={exportJob.isBusy}
            onChooseDestination={() => void exportJob.chooseDestination()}
          />
          <ExportPreview
            preview={preview}
            hasRequest={request !== null}
            splitProblem={splitProblem}
            schema={schema}
            titles={titles}
            emptyReasons={preview.report ? emptyExportReasons(preview.report, options) : []}
            onFix={changeOptions}
          />
        </div>
      ) : (
        <ExportJobView job={job} destination={exportJob.destination?.destination} schema={schema} titles={titles} />
      )}
      {exportJob.error && (
        <p className="cd-dialog-error cd-export-error" role="alert">
          {exportJob.error}
        </p>
      )}
      <ExportDialogFoot
        job={job}
        documentCount={preview.report && !preview.isLoading ? preview.report.documents : null}
        canExport={!exportJob.isBusy && request !== null}
        isBusy={exportJob.isBusy}
        isCancelling={exportJob.isCancelling}
        onExport={() => void exportJob.start()}
        onCancelJob={exportJob.cancel}
        onBackToOptions={exportJob.backToOptions}
        onClose={requestClose}
      />
    </dialog>
  );
}
