/**
 * The window's center pane: the Article / Claims table tabs, the layer switcher, the label bar
 * (with the Suggest button, and under it the suggestions bar while suggestions are shown, #15),
 * and the view shown: the article (ReaderPane), this document's claims (ClaimsTable) or every
 * document's (WorkspaceClaims, #12). Holds which claims table is wanted; which view is shown, the
 * open document and its session stay with the window.
 */
import { useCallback, useState, type Ref, type RefObject } from 'react';
import type { ClaimdeskApi } from '../../shared/api';
import type { DocId, DocumentData, DocumentRow, Schema } from '../../shared/model/types';
import type { AnnotationHover, DocumentEditorHandle, TextSelectionSnapshot } from '../editor/DocumentEditor';
import type { Annotator } from '../hooks/use-annotator';
import type { ClaimJumpTarget } from '../hooks/use-claim-jump';
import type { OpenSession } from '../hooks/use-document-session';
import type { LayerView } from '../hooks/use-layer-view';
import type { Suggestions } from '../hooks/use-suggestions';
import { layerEntries } from '../state/layer-access';
import { ClaimsTable } from './ClaimsTable';
import { LabelBar } from './LabelBar';
import { LayerSwitcher } from './LayerSwitcher';
import { ReaderPane } from './ReaderPane';
import { SuggestButton } from './SuggestButton';
import { SuggestionsBar } from './SuggestionsBar';
import { WorkspaceClaims } from './WorkspaceClaims';
import { WorkspaceClaimsScope, type ClaimsScope } from './WorkspaceClaimsScope';

/** The center pane's views. */
export type CenterView = 'article' | 'claims';

export type CenterPaneProps = Readonly<{
  api: ClaimdeskApi;
  /** The open document, or null. */
  openId: DocId | null;
  view: CenterView;
  onViewChange: (view: CenterView) => void;
  schema: Schema | null;
  /** The document list, or null until it arrives. */
  rows: readonly DocumentRow[] | null;
  /** The workspace's revision (the workspace claims table reloads when it moves), or null. */
  revision: number | null;
  /** Why the workspace cannot be reached, or null. */
  workspaceError: string | null;
  layerView: LayerView;
  opened: OpenSession;
  /** The open session's current document. */
  doc: DocumentData | null;
  annotator: Annotator;
  suggestions: Suggestions;
  editorRef: Ref<DocumentEditorHandle> & RefObject<DocumentEditorHandle | null>;
  selection: TextSelectionSnapshot | null;
  onSelectionChange: (selection: TextSelectionSnapshot) => void;
  /** The article's keys (the boundary keys in front of the annotator's or curation's). */
  onArticleKey: (event: KeyboardEvent) => boolean;
  onHover: (hover: AnnotationHover | null) => void;
  onJump: (target: ClaimJumpTarget) => void;
  onChooseFiles: () => void;
}>;

/** The center pane for the open document (or the workspace, with none open). */
export function CenterPane(props: CenterPaneProps) {
  const {
    api,
    openId,
    view,
    onViewChange,
    schema,
    rows,
    revision,
    workspaceError,
    layerView,
    opened,
    doc,
    annotator,
    suggestions,
    editorRef,
    selection,
  } = props;
  const { onSelectionChange, onArticleKey, onHover, onJump, onChooseFiles } = props;
  const session = opened.session;
  const onSuggestion = suggestions.activeAt(selection);
  // The Claims table tab: this document's claims or every document's (#12).
  const [claimsScope, setClaimsScope] = useState<ClaimsScope>('document');
  const isWorkspaceClaims = view === 'claims' && (claimsScope === 'workspace' || !doc);
  const scopeSwitch = <WorkspaceClaimsScope scope={doc ? claimsScope : 'workspace'} hasDocument={doc !== null} onChange={setClaimsScope} />;
  // A click in the workspace table selects the claim only where the details panel can show it: the open document and layer.
  const selectAnnotation = annotator.select;
  const selectClaim = useCallback(
    (t: ClaimJumpTarget) => {
      if (t.docId === openId && t.layer === layerView.ref?.layer) selectAnnotation(t.claimId);
    },
    [openId, layerView.ref, selectAnnotation],
  );
  return (
    <div className="cd-center">
      <div className="cd-tabs" role="tablist" aria-label="View">
        {(['article', 'claims'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={view === v}
            className="cd-tab"
            onClick={() => onViewChange(v)}
            disabled={v === 'claims' && !doc && !rows?.length}
          >
            {v === 'article' ? 'Article' : 'Claims table'}
          </button>
        ))}
      </div>
      {layerView.ref && layerView.annotator && (
        <LayerSwitcher
          entries={layerEntries(layerView.row?.layers ?? {}, layerView.annotator)}
          layer={layerView.ref.layer}
          readOnlyReason={layerView.readOnlyReason}
          onChange={layerView.setLayer}
        />
      )}
      {view === 'article' && schema && (
        <LabelBar labels={schema.labels} selectedLabel={annotator.selected?.label ?? null} isEnabled={doc !== null} onTag={annotator.tag}>
          <SuggestButton
            unavailableReason={doc ? suggestions.unavailableReason : 'Open an article first.'}
            isAsking={suggestions.isAsking}
            onAsk={suggestions.ask}
          />
        </LabelBar>
      )}
      {view === 'article' && schema && suggestions.isShown && (
        <SuggestionsBar schema={schema} counts={suggestions.counts} onAcceptAll={suggestions.acceptAll} onHide={suggestions.hide} />
      )}
      {isWorkspaceClaims && schema && rows && layerView.annotator ? (
        <WorkspaceClaims
          api={api}
          schema={schema}
          documents={rows}
          annotator={layerView.annotator}
          initialLayer={layerView.ref?.layer ?? layerView.annotator}
          revision={revision}
          onSelect={selectClaim}
          onJump={onJump}
          toolbar={scopeSwitch}
        />
      ) : view === 'claims' && doc && schema ? (
        <ClaimsTable
          doc={doc}
          schema={schema}
          toolbar={scopeSwitch}
          onSelect={annotator.select}
          onJump={(claimId) => layerView.ref && onJump({ docId: layerView.ref.docId, claimId, layer: layerView.ref.layer })}
        />
      ) : (
        <ReaderPane
          session={session}
          doc={doc}
          schema={schema}
          isLoading={opened.isLoading}
          error={opened.error}
          isWorkspaceEmpty={rows !== null && rows.length === 0}
          isWorkspaceLoading={rows === null}
          workspaceError={workspaceError}
          editorRef={editorRef}
          selection={selection}
          ui={annotator.ui}
          suggestions={suggestions.layer}
          suggestedArcs={suggestions.arcs}
          isSelectionOnSuggestion={onSuggestion !== null && onSuggestion.start === selection?.start && onSuggestion.end === selection.end}
          onSelectionChange={onSelectionChange}
          onArticleKey={onArticleKey}
          onAnnotationClick={annotator.onAnnotationClick}
          onHover={onHover}
          onTag={annotator.tag}
          onLinkTypeChange={annotator.setLinkType}
          onCancelLink={annotator.cancelLink}
          onChooseFiles={onChooseFiles}
        />
      )}
    </div>
  );
}
