/**
 * Documents (and layers, #11) another program or a sync changed: the window reads them afresh,
 * unless it has unsaved changes in them, and says so in the status bar. Follows the workspace's
 * `externalChanges` from the revision the window first saw; no API calls of its own.
 */
import { useEffect, useRef } from 'react';
import type { WorkspaceInfo } from '../../shared/api';
import type { DocId } from '../../shared/model/types';
import type { SessionRegistry } from '../state/session-registry';

export type ExternalChangesOptions = Readonly<{
  /** The workspace, or null until the first answer. */
  info: WorkspaceInfo | null;
  registry: SessionRegistry;
  /** The open document, told apart when it was reloaded. */
  openId: DocId | null;
  /** Bumps the window's generation, so dropped documents are read afresh (a state setter: stable). */
  setGeneration: (update: (g: number) => number) => void;
  onInfo: (message: string) => void;
  onError: (message: string) => void;
}>;

/** Drops the sessions of externally changed documents (keeping those with unsaved changes) and reports what happened. */
export function useExternalChanges({ info, registry, openId, setGeneration, onInfo, onError }: ExternalChangesOptions): void {
  const seenRevision = useRef<number | null>(null);
  useEffect(() => {
    if (!info) return;
    const since = seenRevision.current ?? info.revision;
    seenRevision.current = info.revision;
    const fresh = info.externalChanges.filter((c) => c.revision > since);
    const changed = fresh.map((c) => c.docId);
    if (changed.length === 0) return;
    const kept = registry.dropChanged(fresh);
    setGeneration((g) => g + 1);
    if (info.externalChanges.some((c) => c.revision > since && c.kind === 'restored'))
      onError(
        'An article’s file was deleted outside Claimdesk. Nothing is lost: Claimdesk wrote it back from the copy it has open (to remove an article, use “Move to trash”).',
      );
    else if (kept.length > 0)
      onError(
        'An article you are editing was changed outside Claimdesk. Your unsaved changes are being saved on top of it; the other version is kept in its backups.',
      );
    else if (changed.includes(openId ?? '')) onInfo('This article was changed outside Claimdesk and has been reloaded.');
  }, [info, registry, openId, setGeneration, onError, onInfo]);
}
