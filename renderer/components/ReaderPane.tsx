/**
 * The centre pane: the open article in a readable column, with what is drawn over it (the
 * label menu at a selection, link arcs, and the link-mode bar while a link is being made), or
 * what to do when there is nothing to show (empty workspace, no selection, loading, failed to
 * open). Each document gets a fresh pane (keyed by id) so the scroll position starts at the top.
 * A read-only layer (another annotator's) gets no label menu, nor does a selection that is
 * exactly a suggestion (Tab selects them, #15; its ghost highlight and links are drawn instead).
 */
import type { Ref, RefObject } from 'react';
import { linkKindsFor, otherEndLabels, type LinkKind } from '../../shared/model/link-kinds';
import type { DocumentData, Schema } from '../../shared/model/types';
import { DocumentEditor, type AnnotationHover, type DocumentEditorHandle, type TextSelectionSnapshot } from '../editor/DocumentEditor';
import { excerpt } from '../editor/annotation-text';
import type { AnnotationUi, LinkMode } from '../editor/annotation-views';
import type { SuggestionLayer } from '../editor/suggestion-plugin';
import type { SuggestedArc } from '../state/suggestion-cursor';
import type { DocumentSession } from '../state/document-session';
import { EmptyState } from './EmptyState';
import { LabelMenu } from './LabelMenu';
import { LinkOverlay } from './LinkOverlay';
import './ReaderPane.css';

export type ReaderPaneProps = Readonly<{
  session: DocumentSession | null;
  /** The session's current document (re-rendered on every change). */
  doc: DocumentData | null;
  schema: Schema | null;
  isLoading: boolean;
  error: string | null;
  /** True when the workspace has no documents at all. */
  isWorkspaceEmpty: boolean;
  /** True until the first document list has arrived. */
  isWorkspaceLoading: boolean;
  /** Why the workspace cannot be reached, or null. */
  workspaceError: string | null;
  editorRef: Ref<DocumentEditorHandle> & RefObject<DocumentEditorHandle | null>;
  /** The article's text selection (the label menu shows at a non-empty one). */
  selection: TextSelectionSnapshot | null;
  ui: AnnotationUi;
  /** The ghost highlights (#15), the suggested links of the one under the cursor, and whether the selection is exactly it. */
  suggestions: SuggestionLayer;
  suggestedArcs: readonly SuggestedArc[];
  isSelectionOnSuggestion: boolean;
  onSelectionChange: (selection: TextSelectionSnapshot) => void;
  onArticleKey: (event: KeyboardEvent) => boolean;
  onAnnotationClick: (stack: readonly string[]) => void;
  onHover: (hover: AnnotationHover | null) => void;
  onTag: (label: string, exact: boolean) => void;
  onLinkTypeChange: (kind: LinkKind) => void;
  onCancelLink: () => void;
  onChooseFiles: () => void;
}>;

/** Renders the reading pane. */
export function ReaderPane(props: ReaderPaneProps) {
  const { session, doc, schema, isLoading, error, isWorkspaceEmpty, isWorkspaceLoading, workspaceError, editorRef, onChooseFiles } = props;
  let body;
  if (session && doc && schema) {
    const linking = props.ui.linking;
    const anchor = props.selection && props.selection.end > props.selection.start ? props.selection.anchorBox : undefined;
    body = (
      <>
        {linking && linkBar(doc, schema, linking, props.onLinkTypeChange, props.onCancelLink)}
        <div className="cd-reader-column">
          <div className="cd-article-frame">
            <DocumentEditor
              session={session}
              schema={schema}
              ui={props.ui}
              suggestions={props.suggestions}
              ref={editorRef}
              className={linking ? 'is-linking' : undefined}
              onSelectionChange={props.onSelectionChange}
              onKeyDown={props.onArticleKey}
              onAnnotationClick={props.onAnnotationClick}
              onHover={props.onHover}
            />
            <LinkOverlay
              editorRef={editorRef}
              doc={doc}
              schema={schema}
              selectedId={props.ui.selectedId}
              linking={linking}
              suggested={props.suggestedArcs}
            />
            {anchor && !linking && !props.isSelectionOnSuggestion && session.readOnlyReason === null && (
              <LabelMenu labels={schema.labels} anchor={anchor} onTag={props.onTag} />
            )}
          </div>
        </div>
      </>
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
    <main className="cd-reader" key={doc?.id ?? 'none'} aria-label="Reader" onScroll={() => props.onHover(null)}>
      {body}
    </main>
  );
}

/** The bar shown while a link is being made: from what, which kind (a type from either end), how to finish or cancel. */
function linkBar(doc: DocumentData, schema: Schema, mode: LinkMode, onKind: (kind: LinkKind) => void, onCancel: () => void) {
  const from = doc.annotations.find((a) => a.id === mode.fromId);
  if (!from) return null;
  const kinds = linkKindsFor(schema, from.label);
  const chosen = kinds.findIndex((k) => k.type === mode.type && k.reverse === mode.reverse);
  const targets = otherEndLabels(schema, mode).join(' or ');
  const candidates = mode.candidates.size;
  return (
    <div className="cd-linkbar" role="region" aria-label="Link mode">
      <span className="cd-linkbar-text">
        Linking <strong>{from.label}</strong> “{excerpt(from.quote, 48)}” — click a {targets}, or <kbd className="cd-kbd">Tab</kbd>/
        <kbd className="cd-kbd">J</kbd>/<kbd className="cd-kbd">K</kbd> then <kbd className="cd-kbd">Enter</kbd>
        <span className="cd-muted"> · {candidates} possible</span>
      </span>
      {kinds.length > 1 && (
        <label className="cd-linkbar-type">
          <span>Type</span>
          <select className="cd-input" value={chosen} onChange={(e) => onKind(kinds[Number(e.target.value)]!)}>
            {kinds.map((k, i) => (
              <option key={`${k.type}:${k.reverse}`} value={i}>
                {k.reverse ? `${k.type} (from a ${otherEndLabels(schema, k).join(' or ')})` : k.type}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" className="cd-button" onClick={onCancel}>
        Cancel <kbd className="cd-kbd">Esc</kbd>
      </button>
    </div>
  );
}
