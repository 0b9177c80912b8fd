/**
 * The export dialog's footer: with the options, how many documents would be exported, Close and
 * Export; while a job runs, Cancel; after it ended, Export again… (or Back to options) and Close.
 */
import type { ExportJob } from '../../shared/api';
import { formatQuantity } from '../util/format';

export type ExportDialogFootProps = Readonly<{
  job: ExportJob | null;
  /** Documents the preview counted, or null while it counts or failed. */
  documentCount: number | null;
  /** Whether Export is possible: no start under way and the options make a request. */
  canExport: boolean;
  isBusy: boolean;
  isCancelling: boolean;
  onExport: () => void;
  onCancelJob: () => void;
  onBackToOptions: () => void;
  onClose: () => void;
}>;

/** Renders the footer. */
export function ExportDialogFoot({ job, documentCount, canExport, isBusy, isCancelling, ...on }: ExportDialogFootProps) {
  if (job === null)
    return (
      <footer className="cd-dialog-foot">
        <span className="cd-dialog-foot-note">
          {documentCount === 0
            ? 'No documents match these options (why: see the report).'
            : documentCount !== null
              ? `${formatQuantity(documentCount, 'document')} to export`
              : ''}
        </span>
        <span className="cd-dialog-foot-spacer" />
        <button type="button" className="cd-button" onClick={on.onClose}>
          Close
        </button>
        <button type="button" className="cd-button cd-button--primary" onClick={on.onExport} disabled={!canExport || documentCount === 0}>
          {isBusy ? 'Starting…' : 'Export'}
        </button>
      </footer>
    );
  if (job.state === 'running')
    return (
      <footer className="cd-dialog-foot">
        <span className="cd-dialog-foot-spacer" />
        <button type="button" className="cd-button" onClick={on.onCancelJob} disabled={isCancelling}>
          {isCancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </footer>
    );
  return (
    <footer className="cd-dialog-foot">
      <button type="button" className="cd-button" onClick={on.onBackToOptions}>
        {job.state === 'done' ? 'Export again…' : 'Back to options'}
      </button>
      <span className="cd-dialog-foot-spacer" />
      <button type="button" className="cd-button cd-button--primary" onClick={on.onClose}>
        Close
      </button>
    </footer>
  );
}
