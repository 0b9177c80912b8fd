/**
 * An import as it runs and its outcome: while it runs, a progress bar (how much of the file is
 * read, then indeterminate while the workspace imports it) and which file of how many; then how
 * many were imported, each duplicate (with the document it duplicates, which can be opened), and
 * each failure with its reason. Docked over the bottom of the left column, so it never covers the
 * article. A report without failures closes by itself (useAutoDismiss: a few seconds, or the next
 * action in the article; never while hovered or focused); one with failures stays until dismissed,
 * and can be collapsed to its one-line summary (#12).
 */
import { useState } from 'react';
import type { ImportReport } from '../../shared/api';
import type { DocId } from '../../shared/model/types';
import { useAutoDismiss } from '../hooks/use-auto-dismiss';
import type { ImportProgress } from '../hooks/use-import';
import { formatQuantity } from '../util/format';
import './ImportReportPanel.css';

export type ImportReportPanelProps = Readonly<{
  /** The report so far, with `progress` while the import runs. */
  report: ImportReport & Readonly<{ progress?: ImportProgress | null }>;
  onOpen: (id: DocId) => void;
  onDismiss: () => void;
}>;

/** Renders the report as a dismissible panel (role="status", named "Import report"). */
export function ImportReportPanel({ report, onOpen, onDismiss }: ImportReportPanelProps) {
  const { imported, duplicates, failed, progress } = report;
  const hasFailures = failed.length > 0;
  const tone = hasFailures ? 'cd-report--warn' : 'cd-report--ok';
  const [isHovered, setHovered] = useState(false);
  const [isFocused, setFocused] = useState(false);
  const [isCollapsed, setCollapsed] = useState(false);
  useAutoDismiss(!progress && !hasFailures && !isHovered && !isFocused, onDismiss);
  return (
    <section
      role="status"
      aria-label="Import report"
      className={`cd-report ${tone}`}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => setFocused(event.currentTarget.contains(event.relatedTarget))}
    >
      <header className="cd-report-head">
        <h2 className="cd-report-title">{progress ? 'Importing…' : `Imported ${imported.length}`}</h2>
        <span className="cd-report-counts">
          {duplicates.length > 0 && <span>{formatQuantity(duplicates.length, 'duplicate')}</span>}
          {failed.length > 0 && <span className="cd-report-failed-count">{failed.length} failed</span>}
        </span>
        <button
          type="button"
          className="cd-icon-button"
          aria-label={isCollapsed ? 'Expand import report' : 'Collapse import report'}
          aria-expanded={!isCollapsed}
          onClick={() => setCollapsed((c) => !c)}
        >
          {isCollapsed ? '▴' : '▾'}
        </button>
        {!progress && (
          <button type="button" className="cd-icon-button" aria-label="Dismiss import report" onClick={onDismiss}>
            ×
          </button>
        )}
      </header>
      {progress && !isCollapsed && <ProgressLine progress={progress} />}
      <ul className="cd-report-list" hidden={isCollapsed}>
        {imported.map((item) => (
          <li key={`i-${item.row.id}`} className="cd-report-item">
            <span className="cd-report-mark cd-report-mark--ok" aria-hidden="true" />
            <span className="cd-report-name">{item.name}</span>
            {item.warnings.length > 0 && <span className="cd-report-reason">{item.warnings.join('; ')}</span>}
          </li>
        ))}
        {duplicates.map((item, i) => (
          <li key={`d-${i}`} className="cd-report-item">
            <span className="cd-report-mark cd-report-mark--dup" aria-hidden="true" />
            <span className="cd-report-name">{item.name}</span>
            <span className="cd-report-reason">
              already in the workspace as{' '}
              <button type="button" className="cd-link-button" onClick={() => onOpen(item.existing.id)}>
                {item.existing.title}
              </button>
            </span>
          </li>
        ))}
        {failed.map((item, i) => (
          <li key={`f-${i}`} className="cd-report-item">
            <span className="cd-report-mark cd-report-mark--fail" aria-hidden="true" />
            <span className="cd-report-name">{item.name}</span>
            <span className="cd-report-reason">{item.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Where a running import stands: a progress bar and one line saying what it is doing. */
function ProgressLine({ progress }: Readonly<{ progress: ImportProgress }>) {
  const { step, name, fraction, filesDone, fileCount } = progress;
  const doing = step === 'reading' ? `Reading ${name} — ${Math.round((fraction ?? 0) * 100)}%` : `The workspace is importing ${name}…`;
  return (
    <div className="cd-report-item">
      {/* No value while the workspace imports: the bar then shows activity, not a share. */}
      <progress aria-label="Import progress" max={1} value={fraction ?? undefined} />
      <span className="cd-report-reason">
        {doing}
        {fileCount > 1 && ` (${filesDone} of ${fileCount} files done)`}
      </span>
    </div>
  );
}
