/**
 * The bottom status bar: document count, the current message (information in a polite
 * live region, errors as an alert with a dismiss button), the question about a link offered
 * after tagging, the workspace's connection state,
 * the article selection, and where saving the open document stands.
 */
import { memo } from 'react';
import type { StatusMessage } from '../hooks/use-status-message';
import { useSaveState } from '../hooks/use-document-session';
import type { DocumentSession } from '../state/document-session';
import { formatCount, formatQuantity } from '../util/format';
import type { TextSelectionSnapshot } from '../editor/DocumentEditor';
import { SaveStatus } from './SaveStatus';
import './StatusBar.css';

export type StatusBarProps = Readonly<{
  documentCount: number | null;
  message: StatusMessage | null;
  connectionError: string | null;
  /** The question about the link offered after the last tag (Enter links), or null. */
  offer: string | null;
  selection: TextSelectionSnapshot | null;
  onDismiss: () => void;
  /** The open document's session (its save state is shown), or null when none is open. */
  session: DocumentSession | null;
  onRetry: () => void;
}>;

/** Renders the status bar. Re-rendered only when its props change, not on every render of the window (#14). */
export const StatusBar = memo(function StatusBar({
  documentCount,
  message,
  connectionError,
  offer,
  selection,
  onDismiss,
  session,
  onRetry,
}: StatusBarProps) {
  const save = useSaveState(session);
  const hasSelection = selection !== null && selection.end > selection.start;
  return (
    <footer className="cd-statusbar">
      <span className="cd-status-count">{documentCount === null ? '—' : formatQuantity(documentCount, 'document')}</span>
      {offer !== null && (
        <div role="status" aria-label="Link offer" className="cd-status-offer" title={offer}>
          {offer}
        </div>
      )}
      <div role="status" aria-label="Status" className="cd-status-message">
        {message?.kind === 'info' && <span>{message.text}</span>}
      </div>
      {message?.kind === 'error' && (
        <div role="alert" className="cd-status-error">
          <span className="cd-status-error-text" title={message.text}>
            {message.text}
          </span>
          <button type="button" className="cd-icon-button cd-icon-button--small" aria-label="Dismiss message" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
      {connectionError && (
        <div role="alert" className="cd-status-error" title={connectionError}>
          <span className="cd-status-error-text">{connectionError}</span>
        </div>
      )}
      <span className="cd-status-selection" aria-live="off">
        {hasSelection
          ? `Selected ${formatQuantity(selection.end - selection.start, 'char')} (${formatCount(selection.start)}–${formatCount(selection.end)})`
          : ''}
      </span>
      {save && <SaveStatus state={save} onRetry={onRetry} />}
    </footer>
  );
});
