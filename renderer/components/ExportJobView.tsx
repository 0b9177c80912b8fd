/**
 * The export dialog's body once a job is started: the progress bar with the report before
 * writing while it runs, then the outcome (the report with the files written, cancelled with
 * nothing left, or why it failed).
 */
import type { ExportJob } from '../../shared/api';
import type { Schema } from '../../shared/model/types';
import { ExportReportView } from './ExportReportView';

const TITLES: Readonly<Record<ExportJob['state'], string>> = {
  running: 'Exporting…',
  done: 'Export finished',
  cancelled: 'Export cancelled',
  failed: 'Export failed',
};

export type ExportJobViewProps = Readonly<{
  job: ExportJob;
  /** Where the job writes (shown while it runs). */
  destination: string | undefined;
  schema: Schema;
  titles: ReadonlyMap<string, string>;
}>;

/** Renders the job's state. */
export function ExportJobView({ job, destination, schema, titles }: ExportJobViewProps) {
  const percent = job.progress.total > 0 ? Math.round((job.progress.done / job.progress.total) * 100) : 0;
  return (
    <div className="cd-export-job">
      <h3 className="cd-export-panel-title">{TITLES[job.state]}</h3>
      {job.state === 'running' && (
        <>
          <div
            className="cd-export-progress"
            role="progressbar"
            aria-label="Export progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <span className="cd-export-progress-fill" style={{ width: `${percent}%` }} />
          </div>
          <p className="cd-field-hint">
            {percent}% · {job.plan ? 'writing' : 'checking the documents, then writing'} to <code>{destination}</code>
          </p>
          {job.plan && (
            <section className="cd-export-section" aria-label="Report before writing">
              <h3 className="cd-export-panel-title">Report before writing</h3>
              <ExportReportView report={job.plan} schema={schema} titles={titles} />
            </section>
          )}
        </>
      )}
      {job.state === 'cancelled' && <p className="cd-export-none">Nothing was written; the destination is as it was.</p>}
      {job.state === 'failed' && (
        <p className="cd-dialog-error" role="alert">
          {job.error?.message ?? 'The export failed.'} Nothing was written.
        </p>
      )}
      {job.state === 'done' && job.report && <ExportReportView report={job.report} schema={schema} titles={titles} files={job.files ?? []} />}
    </div>
  );
}
