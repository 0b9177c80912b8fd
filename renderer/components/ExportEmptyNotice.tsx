/**
 * Why an export would hold no document (#12): each option that left documents out, with how many,
 * and a button that switches it (Include all documents, Use the default layer). Shown in the report
 * before writing; computes nothing itself (see emptyExportReasons).
 */
import type { EmptyExportReason, ExportOptions } from './export-options';

export type ExportEmptyNoticeProps = Readonly<{
  reasons: readonly EmptyExportReason[];
  onFix: (change: Partial<ExportOptions>) => void;
}>;

/** Renders the notice, or nothing when there is no reason. */
export function ExportEmptyNotice({ reasons, onFix }: ExportEmptyNoticeProps) {
  if (reasons.length === 0) return null;
  return (
    <section className="cd-export-empty" aria-label="Why nothing would be exported">
      <p className="cd-export-empty-title">Nothing would be exported.</p>
      <ul className="cd-export-empty-reasons">
        {reasons.map((r) => (
          <li key={r.text}>
            <span>{r.text}</span>
            {r.fix && (
              <button type="button" className="cd-button cd-button--small" onClick={() => onFix(r.fix!.change)}>
                {r.fix.label}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
