/** What the reading pane shows in an empty workspace: what to do next. */
import './EmptyState.css';

export type EmptyStateProps = Readonly<{ onChooseFiles: () => void }>;

/** Renders the empty-workspace message with a button that opens the file picker. */
export function EmptyState({ onChooseFiles }: EmptyStateProps) {
  return (
    <div className="cd-empty">
      <div className="cd-empty-card">
        <div className="cd-empty-icon" aria-hidden="true" />
        <h2 className="cd-empty-title">No articles yet</h2>
        <p className="cd-empty-text">
          Import… or drop <code>.txt</code>, <code>.md</code>, <code>.html</code>, <code>.docx</code> or <code>.pdf</code> files here.
        </p>
        <button type="button" className="cd-button" onClick={onChooseFiles}>
          Choose files…
        </button>
        <p className="cd-empty-hint">Files are copied into the workspace; nothing leaves this machine.</p>
      </div>
    </div>
  );
}
