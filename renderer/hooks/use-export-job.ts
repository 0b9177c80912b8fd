/**
 * The export dialog's job, from the report before writing to the files written: the preview
 * (recounted by the service, debounced, while the options change and no job is shown), the
 * destination (chosen through the shell, forgotten when the format or layout changes), starting
 * a job, polling it while it runs, cancelling it, and going back to the options. Holds the one
 * error line the dialog shows. Computes nothing of the export itself.
 */
import { useEffect, useState } from 'react';
import type { ClaimdeskApi, ExportDestination, ExportJob, ExportRequest } from '../../shared/api';
import type { ExportFormat } from '../../shared/formats/serializer';
import type { ExportReport } from '../../shared/formats/report';
import { describeError } from '../util/format';

const PREVIEW_DELAY_MS = 250;
const POLL_MS = 200;

/** The report before writing: the last one counted, why counting failed, and whether a recount is under way. */
export type ExportPreview = Readonly<{ report: ExportReport | null; error: string | null; isLoading: boolean }>;

/** What to export and into which layout; `request` is null while the options have a problem. */
export type ExportJobInput = Readonly<{ request: ExportRequest | null; format: ExportFormat; isSplit: boolean }>;

export type ExportJobControl = Readonly<{
  preview: ExportPreview;
  /** The job started from this dialog (running or ended), or null while the options are shown. */
  job: ExportJob | null;
  destination: ExportDestination | null;
  /** The dialog's error line (choosing, starting, polling, cancelling), or null. */
  error: string | null;
  /** Whether an export is being started (destination chosen, job created). */
  isBusy: boolean;
  isCancelling: boolean;
  /** Shows an error of the dialog's own on the same line. */
  showError: (message: string) => void;
  /** Asks the shell for a destination; @returns it, or null when the user cancelled or it failed (then `error` says why) */
  chooseDestination: () => Promise<ExportDestination | null>;
  /** Forgets the destination: it was chosen for one format and layout. */
  forgetDestination: () => void;
  /** Starts the export (choosing a destination first when there is none); failures go to `error`. */
  start: () => Promise<void>;
  /** Cancels the running job; the service removes what it wrote. */
  cancel: () => void;
  /** Leaves an ended job for the options, with a fresh destination for the next export. */
  backToOptions: () => void;
  /** Cancels a running job without waiting, for a dialog that is closing. */
  abandon: () => void;
}>;

/**
 * @param api the services
 * @param input the request the options stand for, and the format and layout a destination is chosen for
 * @returns the job's state and what can be done with it
 */
export function useExportJob(api: ClaimdeskApi, { request, format, isSplit }: ExportJobInput): ExportJobControl {
  const [preview, setPreview] = useState<ExportPreview>({ report: null, error: null, isLoading: true });
  const [job, setJob] = useState<ExportJob | null>(null);
  const [destination, setDestination] = useState<ExportDestination | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [isCancelling, setCancelling] = useState(false);
  const requestKey = JSON.stringify(request);
  const hasJob = job !== null;

  // The report before writing, recounted (debounced) whenever the options change.
  useEffect(() => {
    if (request === null || hasJob) return;
    let isCurrent = true;
    setPreview((p) => ({ ...p, isLoading: true }));
    const timer = setTimeout(() => {
      api.previewExport(request).then(
        (report) => isCurrent && setPreview({ report, error: null, isLoading: false }),
        (err: unknown) =>
          isCurrent && setPreview({ report: null, error: describeError('Could not count what would be exported', err), isLoading: false }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
    // requestKey stands for request: a new object with the same content must not recount.
  }, [api, requestKey, hasJob]);

  // A running job is polled until it ends.
  useEffect(() => {
    if (job?.state !== 'running') return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      api.getExportJob({ jobId: job.jobId }).then(
        (next) => isCurrent && setJob(next),
        (err: unknown) => isCurrent && setError(describeError('Lost track of the export', err)),
      );
    }, POLL_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [api, job]);

  const chooseDestination = async (): Promise<ExportDestination | null> => {
    setError(null);
    try {
      const chosen = await api.chooseExportDestination({ format, split: isSplit });
      if (chosen) setDestination(chosen);
      return chosen;
    } catch (err) {
      setError(describeError('Could not choose where to export', err));
      return null;
    }
  };

  const start = async () => {
    if (request === null || isBusy) return;
    setBusy(true);
    setError(null);
    try {
      const target = destination ?? (await chooseDestination());
      if (!target) return;
      const { jobId } = await api.startExport({ ...request, destination: target.destination, ...(target.exists ? { overwrite: true } : {}) });
      setJob(await api.getExportJob({ jobId }));
    } catch (err) {
      setError(describeError('Could not start the export', err));
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    if (!job || isCancelling) return;
    setCancelling(true);
    api
      .cancelExport({ jobId: job.jobId })
      .then(setJob, (err: unknown) => setError(describeError('Could not cancel the export', err)))
      .finally(() => setCancelling(false));
  };

  const backToOptions = () => {
    setJob(null);
    setError(null);
    setDestination(null); // the last export is there now: the next one gets a fresh destination
  };

  const abandon = () => {
    if (job?.state === 'running') api.cancelExport({ jobId: job.jobId }).catch(() => undefined); // the dialog is closing: there is nowhere left to show a failure
  };

  return {
    preview,
    job,
    destination,
    error,
    isBusy,
    isCancelling,
    showError: setError,
    chooseDestination,
    forgetDestination: () => setDestination(null),
    start,
    cancel,
    backToOptions,
    abandon,
  };
}
