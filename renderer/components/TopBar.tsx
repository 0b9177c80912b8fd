/** The top bar: app name, the open workspace, and the Import… button. */
import type { WorkspaceInfo } from '../../shared/api';

export type TopBarProps = Readonly<{
  workspace: WorkspaceInfo | null;
  isImporting: boolean;
  onImport: () => void;
}>;

/** Renders the top bar. */
export function TopBar({ workspace, isImporting, onImport }: TopBarProps) {
  return (
    <header className="cd-topbar">
      <div className="cd-brand">
        <span className="cd-brand-mark" aria-hidden="true" />
        <span className="cd-brand-name">Claimdesk</span>
      </div>
      {workspace && (
        <div className="cd-workspace" title={workspace.path}>
          <span className="cd-workspace-label">Workspace</span>
          <span className="cd-workspace-name">{workspace.name}</span>
        </div>
      )}
      <div className="cd-topbar-spacer" />
      <button type="button" className="cd-button cd-button--primary" onClick={onImport} disabled={isImporting} aria-busy={isImporting}>
        {isImporting ? 'Importing…' : 'Import…'}
      </button>
    </header>
  );
}
