/**
 * The export dialog's report before writing, beside the options: the counted report (dimmed while
 * a recount runs), why it cannot be counted, or what to fix first; above the report, which options
 * left every document out and the buttons that switch them (#12).
 */
import type { ExportPreview as Preview } from '../hooks/use-export-job';
import type { Schema } from '../../shared/model/types';
import type { EmptyExportReason, ExportOptions, SplitIssue } from './export-options';
import { ExportEmptyNotice } from './ExportEmptyNotice';
import { ExportReportView } from './ExportReportView';

export type ExportPreviewProps = Readonly<{
  preview: Preview;
  /** Whether the options make a request (false while the split has a problem). */
  hasRequest: boolean;
  splitProblem: SplitIssue | null;
  schema: Schema;
  titles: ReadonlyMap<string, string>;
  /** Why the counted report has no document (empty when it has some). */
  emptyReasons: readonly EmptyExportReason[];
  /** Applies an option change a reason offers. */
  onFix: (change: Partial<ExportOptions>) => void;
}>;

/** Renders the region "Report before writing". */
export function ExportPreview({ preview, hasRequest, splitProblem, schema, titles, emptyReasons, onFix }: ExportPreviewProps) {
  return (
    <section className="cd-export-preview" aria-label="Report before writing" aria-busy={preview.isLoading}>
      <h3 className="cd-export-panel-title">
        Report before writing
        {preview.isLoading && hasRequest && <span className="cd-export-counting">counting…</span>}
      </h3>
      {splitProblem ? (
        <p className="cd-export-none">Fix the split to see the report. {splitProblem.message}</p>
      ) : preview.error ? (
        <p className="cd-dialog-error" role="alert">
          {preview.error}
        </p>
      ) : preview.report ? (
        <div className={preview.isLoading ? 'cd-export-stale' : undefined}>
          {!preview.isLoading && <ExportEmptyNotice reasons={emptyReasons} onFix={onFix} />}
          <ExportReportView report={preview.report} schema={schema} titles={titles} />
        </div>
      ) : (
        <p className="cd-export-none">Counting…</p>
      )}
    </section>
  );
}
