/** The overlay shown while files are dragged over the window. Purely visual; the window handles the drop. */
import { ARTICLE_EXTENSIONS } from '../../shared/api';
import './DropOverlay.css';

/** Renders the drop target hint. */
export function DropOverlay() {
  return (
    <div className="cd-drop-overlay" aria-hidden="true">
      <div className="cd-drop-card">
        <div className="cd-drop-title">Drop to import</div>
        <div className="cd-drop-text">{`${ARTICLE_EXTENSIONS.slice(0, -1).join(', ')} or ${ARTICLE_EXTENSIONS.at(-1)}`}</div>
      </div>
    </div>
  );
}
