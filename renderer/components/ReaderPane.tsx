/**
 * The centre pane: the open article in a readable column, or what to do when there is
 * nothing to show (empty workspace, no selection, loading, failed to open). Each document
 * gets a fresh pane (keyed by id) so the scroll position starts at the top.
 */
import type { Ref } from 'react';
import type { DocumentData } from '../../shared/model/types';
import { DocumentEditor, type DocumentEditorHandle, type TextSelectionSnapshot } from '../editor/DocumentEditor';
import { EmptyState } from './EmptyState';

export type ReaderPaneProps = Readonly<{
  doc: DocumentData | null;
  isLoading: boolean;
  error: string | null;
  /** True when the workspace has no documents at all. */
  isWorkspaceEmpty: boolean;
  /** True until the first document list has arrived. */
  isWorkspaceLoading: boolean;
  /** Why the workspace cannot be reached, or null. */
  workspaceError: string | null;
  editorRef: Ref<DocumentEditorHandle>;
  onSelectionChange: (selection: TextSelectionSnapshot) => void;
  onChooseFiles: () => void;
}>;

/** Renders the reading pane. */
export function ReaderPane(props: ReaderPaneProps) {
  const { doc, isLoading, error, isWorkspaceEmpty, isWorkspaceLoading, workspaceError, editorRef, onSelectionChange, onChooseFiles } =
    props;
  let body;
  if (doc) {
    body = (
      <div className="cd-reader-column">
        <DocumentEditor doc={doc} ref={editorRef} onSelectionChange={onSelectionChange} />
      </div>
    );
  } else if (error) {
    body = (
      <div className="cd-reader-note cd-reader-note--error">
        <p>{error}</p>
      </div>
    );
  } else if (isLoading) {
    body = (
      <div className="cd-reader-note" aria-busy="true">
        <p>Opening…</p>
      </div>
    );
  } else if (isWorkspaceLoading) {
    body = (
      <div className={workspaceError ? 'cd-reader-note cd-reader-note--error' : 'cd-reader-note'}>
        {workspaceError ? (
          <div>
            <p>{workspaceError}</p>
            <p className="cd-muted">If the host was restarted, open the URL it printed (it includes a new access token).</p>
          </div>
        ) : (
          <p>Loading the workspace…</p>
        )}
      </div>
    );
  } else if (isWorkspaceEmpty) {
    body = <EmptyState onChooseFiles={onChooseFiles} />;
  } else {
    body = (
      <div className="cd-reader-note">
        <p>Choose an article from the list to read it.</p>
      </div>
    );
  }
  return (
    <main className="cd-reader" key={doc?.id ?? 'none'} aria-label="Reader">
      {body}
    </main>
  );
}
