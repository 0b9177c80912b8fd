/**
 * Shown instead of the app when the page has no way to reach Claimdesk's services: no
 * Electron bridge and no access token in the URL (for example, a bookmarked address).
 */
import './EmptyState.css';

/** Explains how to open the app properly. */
export function NoApiMessage() {
  return (
    <main className="cd-noapi">
      <div className="cd-empty-card" role="alert">
        <h1 className="cd-empty-title">Claimdesk cannot reach its host</h1>
        <p className="cd-empty-text">
          Open the URL that <code>npm run serve</code> printed (it includes the access token).
        </p>
        <p className="cd-empty-hint">
          The token is part of the address after <code>#token=</code>; it changes every time the host starts.
        </p>
      </div>
    </main>
  );
}
