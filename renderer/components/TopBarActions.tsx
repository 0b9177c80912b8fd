/**
 * The window's buttons in the top bar, after import and undo/redo: Sync, Schema…, Export…,
 * Agreement…, Curate, Trash… and Preferences…. Only asks for things (a dialog, a sync, curation);
 * the window decides what they do.
 */
import { memo } from 'react';
import type { ClaimdeskApi } from '../../shared/api';
import type { AppDialog } from './AppDialogs';
import { CurationButton } from './CurationButton';
import { SyncButton } from './SyncButton';

export type TopBarActionsProps = Readonly<{
  api: ClaimdeskApi;
  /** True once the workspace's schema is known. */
  hasSchema: boolean;
  /** True when the workspace has documents. */
  hasDocuments: boolean;
  /** True while a document is open (Curate needs one). */
  hasDocument: boolean;
  isCurating: boolean;
  isCurationStarting: boolean;
  onSynced: () => unknown;
  onDialog: (dialog: AppDialog) => void;
  onToggleCuration: () => void;
}>;

/** The top bar's buttons, as TopBar's children; re-rendered only when what they show changes, not on every render of the window (#14). */
export const TopBarActions = memo(function TopBarActions({
  api,
  hasSchema,
  hasDocuments,
  hasDocument,
  isCurating,
  isCurationStarting,
  onSynced,
  onDialog,
  onToggleCuration,
}: TopBarActionsProps) {
  return (
    <>
      <SyncButton api={api} onSynced={onSynced} />
      <button type="button" className="cd-button cd-button--quiet" onClick={() => onDialog('schema')} disabled={!hasSchema}>
        Schema…
      </button>
      <button type="button" className="cd-button cd-button--quiet" onClick={() => onDialog('export')} disabled={!hasSchema || !hasDocuments}>
        Export…
      </button>
      <button type="button" className="cd-button cd-button--quiet" onClick={() => onDialog('agreement')} disabled={!hasSchema || !hasDocuments}>
        Agreement…
      </button>
      <CurationButton hasDocument={hasDocument} isActive={isCurating} isStarting={isCurationStarting} onToggle={onToggleCuration} />
      <button type="button" className="cd-button cd-button--quiet" onClick={() => onDialog('trash')}>
        Trash…
      </button>
      <button type="button" className="cd-button cd-button--quiet" onClick={() => onDialog('preferences')}>
        Preferences…
      </button>
    </>
  );
});
