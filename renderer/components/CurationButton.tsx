/**
 * The Curate toggle for the open document (#11): pressed while its curation mode is shown;
 * pressing it starts curation (the policy is asked for when the document has no curated layer
 * yet) or leaves it.
 */
import './CurationButton.css';

export type CurationButtonProps = Readonly<{
  /** True when a document is open. */
  hasDocument: boolean;
  isActive: boolean;
  isStarting: boolean;
  onToggle: () => void;
}>;

/** Renders the button. */
export function CurationButton({ hasDocument, isActive, isStarting, onToggle }: CurationButtonProps) {
  return (
    <button
      type="button"
      className="cd-button cd-button--quiet cd-curation-toggle"
      aria-pressed={isActive}
      aria-busy={isStarting}
      disabled={!hasDocument || isStarting}
      onClick={onToggle}
      title={
        isActive
          ? 'Leave curation mode (back to your own layer)'
          : 'Curate this document: every annotator’s layer side by side, accepted into the curated layer'
      }
    >
      Curate
    </button>
  );
}
