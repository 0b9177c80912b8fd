/**
 * The top bar: app name, the open workspace, Undo / Redo for the open document, room for
 * more workspace buttons (`children`), and the Import… button.
 */
import type { ReactNode } from 'react';
import type { WorkspaceInfo } from '../../shared/api';
import './TopBar.css';
import { IS_MAC } from '../util/platform';

const MOD = IS_MAC ? '⌘' : 'Ctrl+';

export type TopBarProps = Readonly<{
  workspace: WorkspaceInfo | null;
  isImporting: boolean;
  onImport: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  /** Extra buttons, shown before Import…. */
  children?: ReactNode;
}>;

/** Renders the top bar. */
export function TopBar({ workspace, isImporting, onImport, canUndo, canRedo, onUndo, onRedo, children }: TopBarProps) {
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
      <div className="cd-undo-redo" role="group" aria-label="History">
        <button type="button" className="cd-button cd-button--quiet" onClick={onUndo} disabled={!canUndo} aria-label="Undo" title={`Undo (${MOD}Z)`}>
          <span aria-hidden="true">↶</span> Undo
        </button>
        <button
          type="button"
          className="cd-button cd-button--quiet"
          onClick={onRedo}
          disabled={!canRedo}
          aria-label="Redo"
          title={`Redo (${MOD}Shift+Z)`}
        >
          <span aria-hidden="true">↷</span> Redo
        </button>
      </div>
      <div className="cd-topbar-spacer" />
      {children}
      <button type="button" className="cd-button cd-button--primary" onClick={onImport} disabled={isImporting} aria-busy={isImporting}>
        {isImporting ? 'Importing…' : 'Import…'}
      </button>
    </header>
  );
}
