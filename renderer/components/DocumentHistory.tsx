/**
 * A document's history in the details panel: its earlier saved versions (restorable; the
 * current version becomes a backup in turn) and moving it to the workspace's trash (asked
 * once more before it happens). Reads and writes only through the API. The versions are those of
 * the layer the session shows (#11); another annotator's layer lists them but cannot restore them.
 */
import { useEffect, useMemo, useState } from 'react';
import type { BackupEntry, ClaimdeskApi } from '../../shared/api';
import type { DocumentData } from '../../shared/model/types';
import { useSaveState } from '../hooks/use-document-session';
import type { DocumentSession } from '../state/document-session';
import { describeError } from '../util/format';
import { afterNextPaint } from '../util/next-task';
import './DocumentHistory.css';

export type DocumentHistoryProps = Readonly<{
  api: ClaimdeskApi;
  doc: DocumentData;
  /** The document's session: the list is read again each time every change is saved. */
  session: DocumentSession;
  /** Called after a version was restored, so the document is read afresh. */
  onRestored: () => void;
  /** Called after the document went to the trash. */
  onDeleted: () => void;
  onError: (message: string) => void;
}>;

/** Versions and trash for one document. */
export function DocumentHistory({ api, doc, session, onRestored, onDeleted, onError }: DocumentHistoryProps) {
  const save = useSaveState(session);
  const isSaved = save?.status !== 'saving' && save?.pending === 0;
  const [backups, setBackups] = useState<readonly BackupEntry[] | null>(null);
  const [isConfirming, setConfirming] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const layer = session.layer;
  const layerArg = useMemo(() => (layer === undefined ? {} : { layer }), [layer]);

  // Re-read the list once each change is saved (each save adds a version), after the frame that
  // shows the document or the change: an open does not wait for its versions (#14).
  useEffect(() => {
    if (!isSaved) return;
    let wanted = true;
    const cancel = afterNextPaint(() =>
      api.listBackups({ docId: doc.id, ...layerArg }).then(
        (list) => wanted && setBackups(list),
        () => wanted && setBackups([]),
      ),
    );
    return () => {
      wanted = false;
      cancel();
    };
  }, [api, doc, isSaved, layerArg]);

  const run = (action: () => Promise<unknown>, done: () => void, what: string) => {
    setBusy(true);
    action()
      .then(done, (err: unknown) => onError(describeError(what, err)))
      .finally(() => setBusy(false));
  };

  return (
    <section className="cd-history" aria-label="Versions and trash">
      <h2 className="cd-panel-title">Versions</h2>
      {backups === null ? null : backups.length === 0 ? (
        <p className="cd-muted cd-history-none">No earlier versions yet: each save keeps the one before.</p>
      ) : (
        <ul className="cd-history-list" aria-label="Earlier versions">
          {backups.slice(0, 5).map((b) => (
            <li key={b.id}>
              <span>{new Date(b.savedAt).toLocaleString()}</span>
              <button
                type="button"
                className="cd-button cd-button--small"
                disabled={isBusy || session.readOnlyReason !== null}
                aria-label={`Restore the version saved ${new Date(b.savedAt).toLocaleString()}`}
                onClick={() =>
                  run(() => api.restoreBackup({ docId: doc.id, backupId: b.id, ...layerArg }), onRestored, 'Could not restore that version')
                }
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      {isConfirming ? (
        <div className="cd-history-confirm" role="group" aria-label="Confirm moving to the trash">
          <span>Move “{doc.title}” to the trash?</span>
          <button
            type="button"
            className="cd-button cd-button--small cd-button--destructive"
            disabled={isBusy}
            onClick={() => run(() => api.deleteDocument({ docId: doc.id }), onDeleted, 'Could not move the document to the trash')}
          >
            Move to trash
          </button>
          <button type="button" className="cd-button cd-button--small" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      ) : (
        <button type="button" className="cd-button cd-button--small cd-button--danger-quiet" onClick={() => setConfirming(true)}>
          Move to trash…
        </button>
      )}
    </section>
  );
}
