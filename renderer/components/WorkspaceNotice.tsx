/**
 * A notice across the window when the workspace cannot be edited here (another Claimdesk holds
 * its lock): says who holds it and what to do. Renders nothing otherwise.
 */

export type WorkspaceNoticeProps = Readonly<{ reason: string | null }>;

/** The read-only notice, or nothing. */
export function WorkspaceNotice({ reason }: WorkspaceNoticeProps) {
  if (!reason) return null;
  return (
    <div className="cd-notice" role="alert" aria-label="Read-only workspace">
      <strong>Read-only.</strong> {reason}.
    </div>
  );
}
