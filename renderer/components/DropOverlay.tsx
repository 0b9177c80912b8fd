/** The overlay shown while files are dragged over the window. Purely visual; the window handles the drop. */
import './DropOverlay.css';

/** Renders the drop target hint. */
export function DropOverlay() {
  return (
    <div className="cd-drop-overlay" aria-hidden="true">
      <div className="cd-drop-card">
        <div className="cd-drop-title">Drop to import</div>
        <div className="cd-drop-text">.txt, .md, .markdown, .html or .htm</div>
      </div>
    </div>
  );
}
