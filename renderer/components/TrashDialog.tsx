/**
 * The workspace's trash: documents moved there, each restorable into the document list.
 */
import { useEffect, useRef, useState } from 'react';
import type { ClaimdeskApi } from '../../shared/api';
import type { DocumentRow } from '../../shared/model/types';
import { describeError } from '../util/format';
import './DocumentHistory.css';
import { DialogHead } from './DialogHead';

export type TrashDialogProps = Readonly<{
  api: ClaimdeskApi;
  /** Called with the restored document's row. */
  onRestored: (row: DocumentRow) => void;
  onClose: () => void;
}>;

/** A modal list of trashed documents with Restore buttons. */
export function TrashDialog({ api, onRestored, onClose }: TrashDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [rows, setRows] = useState<readonly DocumentRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    dialogRef.current?.showModal();
    api.listTrash().then(setRows, (err: unknown) => setError(describeError('Could not read the trash', err)));
  }, [api]);

  const restore = (row: DocumentRow) =>
    api.restoreDocument({ docId: row.id }).then(
      (restored) => {
        setRows((list) => list?.filter((r) => r.id !== row.id) ?? null);
        onRestored(restored);
      },
      (err: unknown) => setError(describeError('Could not restore the document', err)),
    );

  return (
    <dialog ref={dialogRef} className="cd-dialog cd-trash" aria-modal="true" aria-label="Trash" onCancel={onClose}>
      <DialogHead title="Trash" onClose={onClose} />
      <div className="cd-dialog-body">
        {error && (
          <p className="cd-dialog-error" role="alert">
            {error}
          </p>
        )}
        {rows?.length === 0 && <p className="cd-muted">The trash is empty.</p>}
        <ul className="cd-history-list" aria-label="Documents in the trash">
          {rows?.map((row) => (
            <li key={row.id}>
              <span>
                {row.title} <span className="cd-muted">· {row.annotationCount} annotations</span>
              </span>
              <button type="button" className="cd-button cd-button--small" onClick={() => void restore(row)} aria-label={`Restore ${row.title}`}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      </div>
    </dialog>
  );
}
