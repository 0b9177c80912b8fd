/**
 * The top bar's Sync button (#11) and the small panel under it that follows a sync: the steps
 * (checking, committing, fetching, merging, pushing) with the one under way, then the outcome
 * ("Synced: 3 documents changed, 1 conflict to settle") or the failure, in the service's words
 * (they say what to do). Ctrl/Cmd+Shift+S starts a sync too. The panel stays until closed or the
 * next sync; the work is useSync's.
 */
import { useState } from 'react';
import type { ClaimdeskApi, SyncStatus } from '../../shared/api';
import { useHotkeys } from '../hooks/use-hotkeys';
import { useSync } from '../hooks/use-sync';
import { formatQuantity } from '../util/format';
import './SyncButton.css';
import { IS_MAC } from '../util/platform';

const SHORTCUT = IS_MAC ? '⌘⇧S' : 'Ctrl+Shift+S';

/** The steps of a sync in order, with the names shown. */
const STEPS: readonly (readonly [NonNullable<SyncStatus['step']>, string])[] = [
  ['checking', 'Check'],
  ['committing', 'Commit'],
  ['fetching', 'Fetch'],
  ['merging', 'Merge'],
  ['pushing', 'Push'],
];

export type SyncButtonProps = Readonly<{
  api: ClaimdeskApi;
  /** Called after a sync that ended in `done`, to reload what it changed. */
  onSynced: () => unknown;
}>;

/** The one line that sums up a finished sync. */
export function syncOutcome(status: SyncStatus): string {
  if (status.state === 'failed') return status.message;
  const changed = status.changedDocuments ?? 0;
  const conflicts = status.conflicts ?? 0;
  const parts = [changed === 0 ? 'nothing changed' : `${formatQuantity(changed, 'document')} changed`];
  if (conflicts > 0) parts.push(`${formatQuantity(conflicts, 'conflict')} to settle`);
  return `Synced: ${parts.join(', ')}`;
}

/** Renders the button and, while there is something to say, its panel. */
export function SyncButton({ api, onSynced }: SyncButtonProps) {
  const [isShown, setShown] = useState(false);
  const sync = useSync(api, (status) => {
    setShown(true);
    // A reload that fails is no sync failure: the list's next poll tries again.
    if (status.state === 'done') void Promise.resolve(onSynced()).catch(() => undefined);
  });
  const start = () => {
    setShown(true);
    sync.start();
  };
  useHotkeys({ 'Mod+Shift+S': start });
  const { status } = sync;

  return (
    <div className="cd-sync">
      <button
        type="button"
        className="cd-button cd-button--quiet cd-sync-button"
        aria-label="Sync"
        aria-busy={sync.isRunning}
        title={`Commit, fetch, merge and push this workspace with git (${SHORTCUT})`}
        onClick={start}
      >
        <span aria-hidden="true" className={sync.isRunning ? 'cd-sync-icon is-spinning' : 'cd-sync-icon'}>
          ⟳
        </span>
        {sync.isRunning ? 'Syncing…' : 'Sync'}
      </button>
      {isShown && status && (
        <section className={`cd-sync-panel cd-sync-panel--${status.state}`} aria-label="Sync status">
          <div className="cd-sync-panel-head">
            <h2 className="cd-sync-panel-title">{status.state === 'running' ? 'Syncing' : status.state === 'failed' ? 'Sync failed' : 'Sync'}</h2>
            <button type="button" className="cd-icon-button cd-icon-button--small" aria-label="Close sync status" onClick={() => setShown(false)}>
              ×
            </button>
          </div>
          {status.state === 'running' && <SyncSteps step={status.step} />}
          {status.state === 'failed' ? (
            <p role="alert" className="cd-sync-message cd-sync-message--failed">
              {status.message}
            </p>
          ) : (
            <p role="status" className="cd-sync-message">
              {status.state === 'done' ? syncOutcome(status) : status.message}
            </p>
          )}
          {status.state === 'done' && status.message && status.message !== syncOutcome(status) && <p className="cd-sync-detail">{status.message}</p>}
        </section>
      )}
    </div>
  );
}

/** The steps of a running sync, the current one marked. */
function SyncSteps({ step }: Readonly<{ step: SyncStatus['step'] }>) {
  const at = STEPS.findIndex(([s]) => s === step);
  return (
    <ol className="cd-sync-steps" aria-label="Sync steps">
      {STEPS.map(([s, name], i) => (
        <li key={s} className={i < at ? 'is-done' : i === at ? 'is-current' : ''} aria-current={i === at ? 'step' : undefined}>
          {name}
        </li>
      ))}
    </ol>
  );
}
