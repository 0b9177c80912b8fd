/**
 * Where saving stands, in the status bar: "Saved", "Saving…", or "Not saved — <why>. N changes
 * kept, retrying in Xs" with a "Retry now" button (the whole reason in its tooltip). A live
 * region named "Save status"; the countdown ticks once a second while a retry is pending.
 */
import { useEffect, useState } from 'react';
import type { SaveState } from '../state/document-session';
import { formatQuantity } from '../util/format';
import './SaveStatus.css';

export type SaveStatusProps = Readonly<{ state: SaveState; onRetry: () => void }>;

/** Renders the save state. */
export function SaveStatus({ state, onRetry }: SaveStatusProps) {
  const [now, setNow] = useState(() => Date.now());
  const retryAt = state.status === 'failed' ? state.retryAt : undefined;
  useEffect(() => {
    if (retryAt === undefined) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [retryAt]);

  let text: string;
  if (state.status === 'saved') text = 'Saved';
  else if (state.status === 'saving') text = 'Saving…';
  else {
    const kept = state.pending > 0 ? `${formatQuantity(state.pending, 'change')} kept` : 'nothing pending';
    const wait = retryAt === undefined ? '' : `, retrying in ${Math.max(0, Math.ceil((retryAt - now) / 1000))}s`;
    // The reason's first sentence says what is wrong and what to do (a full disk: free space).
    const why = state.error ? `${state.error.split(/(?<=\.) /)[0]} ` : '';
    text = `Not saved — ${why}${kept}${wait}`;
  }
  const failed = state.status === 'failed' && state.pending > 0;
  return (
    <div className={`cd-save cd-save--${state.status}`}>
      <span className="cd-save-dot" aria-hidden="true" />
      <span role="status" aria-label="Save status" title={state.error ?? undefined}>
        {text}
      </span>
      {failed && (
        <button type="button" className="cd-link-button" onClick={onRetry}>
          Retry now
        </button>
      )}
    </div>
  );
}
