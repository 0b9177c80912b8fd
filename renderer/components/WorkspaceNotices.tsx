/**
 * The notices across the window under the top bar: a read-only workspace, a problem with its git
 * repository, and the workspace-level changes a sync merged differently (#11). Each renders
 * nothing when there is nothing to say.
 */
import { memo } from 'react';
import type { WorkspaceInfo } from '../../shared/api';
import type { DocumentRow } from '../../shared/model/types';
import { MergeNotice } from './MergeNotice';
import { WorkspaceNotice } from './WorkspaceNotice';

export type WorkspaceNoticesProps = Readonly<{
  /** The workspace, or null until the first answer. */
  info: WorkspaceInfo | null;
  /** The document list (titles for the merge notice), or null. */
  rows: readonly DocumentRow[] | null;
  onOpenSchema: () => void;
}>;

/** The workspace's notices, in the order shown. Re-rendered only when its props change, not on every render of the window (#14). */
export const WorkspaceNotices = memo(function WorkspaceNotices({ info, rows, onOpenSchema }: WorkspaceNoticesProps) {
  return (
    <>
      <WorkspaceNotice reason={info?.readOnlyReason ?? null} />
      {info?.repositoryProblem && (
        <div className="cd-notice" role="alert" aria-label="Git repository">
          {info.repositoryProblem}.
        </div>
      )}
      <MergeNotice
        conflicts={info?.schemaConflicts ?? []}
        titleOf={(docId) => rows?.find((r) => r.id === docId)?.title}
        onOpenSchema={onOpenSchema}
      />
    </>
  );
});
