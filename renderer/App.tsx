/**
 * The Claimdesk window: top bar, document list, reading pane, details panel and status bar,
 * wired to the API. Owns which document is open, keeps one DocumentSession per document for
 * the window's lifetime (so unsaved changes keep saving and undo survives switching), and
 * routes every API error to the status bar. The annotating flow itself (selection, link mode,
 * keys, actions) lives in useAnnotator; the columns, top bar buttons and dialogs are LeftPane,
 * CenterPane, RightPane, TopBarActions and AppDialogs. Knows nothing about the transport (IPC or HTTP).
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimdeskApi } from '../shared/api';
import { linkOfferQuestion } from '../shared/model/link-kinds';
import type { DocId } from '../shared/model/types';
import { AppDialogs, type AppDialog } from './components/AppDialogs';
import { CenterPane, type CenterView } from './components/CenterPane';
import { CurationStartDialog } from './components/CurationStartDialog';
import { LeftPane } from './components/LeftPane';
import { RightPane } from './components/RightPane';
import { TopBarActions } from './components/TopBarActions';
import { useCuration } from './hooks/use-curation';
import { useLayerView } from './hooks/use-layer-view';
import { WorkspaceNotices } from './components/WorkspaceNotices';
import { DropOverlay } from './components/DropOverlay';
import { HoverCard } from './components/HoverCard';
import { ImportInput } from './components/ImportInput';
import { ImportReportPanel } from './components/ImportReportPanel';
import { StatusBar } from './components/StatusBar';
import { TopBar } from './components/TopBar';
import type { AnnotationHover, DocumentEditorHandle, TextSelectionSnapshot } from './editor/DocumentEditor';
import { useAnnotator } from './hooks/use-annotator';
import { useClaimJump } from './hooks/use-claim-jump';
import { useChangeFeed } from './hooks/use-change-feed';
import { useDocumentReloads } from './hooks/use-document-reloads';
import { useDocumentSession, useSessionDoc } from './hooks/use-document-session';
import { useDocumentTitle } from './hooks/use-document-title';
import { useExternalChanges } from './hooks/use-external-changes';
import { useHotkeys } from './hooks/use-hotkeys';
import { useImportFlow } from './hooks/use-import-flow';
import { useLatest } from './hooks/use-latest';
import { useListOpen } from './hooks/use-list-open';
import { useNeighbourPrefetch } from './hooks/use-neighbour-prefetch';
import { useArticleWarmUp } from './hooks/use-article-warm-up';
import { useSpanKeys } from './hooks/use-span-keys';
import { suggestKeyFirst, useSuggestionKeys } from './hooks/use-suggestion-keys';
import { useSuggestions } from './hooks/use-suggestions';
import { usePreferences } from './hooks/use-preferences';
import { useReadingPlace } from './hooks/use-reading-place';
import { useStatusMessage } from './hooks/use-status-message';
import { useWorkspace } from './hooks/use-workspace';
import { SessionRegistry } from './state/session-registry';

export type AppProps = Readonly<{ api: ClaimdeskApi }>;

/** The whole application for one connected API. */
export function App({ api }: AppProps) {
  const status = useStatusMessage();
  const { showInfo, showError } = status;
  const workspace = useWorkspace(api);
  const { rows, refresh, applyRow } = workspace;
  const schema = workspace.info?.schema ?? null;
  const preferences = usePreferences(api, showError);

  const events = useLatest({ applyRow, showError });
  const [registry] = useState(
    () =>
      new SessionRegistry(api, window.localStorage, {
        onSaved: (row) => events.current.applyRow(row),
        onRefused: (message) => events.current.showError(message),
      }),
  );

  const [openId, setOpenId] = useState<DocId | null>(null);
  const [generation, setGeneration] = useState(0);
  // The layer of the open document shown (#11): the analyst's own unless they switch.
  const layerView = useLayerView(openId, workspace.info, rows, workspace.patches);
  // Changes other windows save show here at once (#12).
  useChangeFeed(api, registry, { shown: openId, onSchemaChanged: () => setGeneration((g) => g + 1), onInfo: showInfo, onError: showError });
  const isReadOnlyLayer = layerView.readOnlyReason !== null;
  const opened = useDocumentSession(registry, layerView.ref, showError, generation);
  const session = opened.session;
  const doc = useSessionDoc(session);
  const [selection, setSelectionNow] = useState<TextSelectionSnapshot | null>(null);
  // The status bar follows the article's selection as a transition (it never delays the article).
  const setSelection = useCallback((next: TextSelectionSnapshot | null) => startTransition(() => setSelectionNow(next)), []);
  const [hover, setHover] = useState<AnnotationHover | null>(null);
  const editorRef = useRef<DocumentEditorHandle>(null);

  const annotator = useAnnotator({
    session,
    doc,
    schema,
    author: preferences.author,
    editorRef,
    onInfo: showInfo,
    onError: showError,
    isReloading: session !== null && opened.isLoading,
  });
  const { apply } = annotator;

  const rowOf = (id: DocId) => workspace.patches.get(id) ?? rows?.find((r) => r.id === id) ?? null;
  // The list's neighbours of the open document load ahead, so going through the list draws at once (#14).
  const prefetch = useNeighbourPrefetch(api, registry, layerView.annotator, rowOf, opened.isLoading);
  useArticleWarmUp(schema, openId);

  const { loadNow } = prefetch;
  const openDocument = useCallback(
    (id: DocId) => {
      loadNow(id); // from the event: the service reads it while the window renders the change (#14)
      setOpenId(id);
      setSelectionNow(null); // in the open's own render, not a transition of its own after it (#14)
      setHover(null);
    },
    [loadNow],
  );
  // From the list, the window switches once the document has arrived (#14).
  const openFromList = useListOpen(openId, loadNow, openDocument, prefetch.isLoaded);

  // Curation mode (#11): the curated layer shown with every annotator's candidates beside it.
  const curation = useCuration({
    api,
    registry,
    generation,
    viewer: layerView.annotator,
    openId,
    layer: layerView.ref?.layer ?? null,
    setLayer: layerView.setLayer,
    openDocument,
    row: layerView.row,
    rowOf,
    doc,
    author: preferences.author,
    apply,
    editorRef,
    isLinking: annotator.ui.linking !== null,
    fallbackArticleKey: annotator.onArticleKey,
    onStarted: applyRow,
    onInfo: showInfo,
    onError: showError,
  });
  // Suggestions (#15) for the open layer, outside curation; their keys go in front of the annotator's.
  const suggestions = useSuggestions({
    api,
    session,
    doc,
    schema,
    author: preferences.author,
    isEnabled: !curation.isActive,
    editorRef,
    selection,
    apply,
    onInfo: showInfo,
    onError: showError,
  });
  const suggestionKeys = useSuggestionKeys({ suggestions, annotator, schema, editorRef });
  // The boundary keys in front of the article's keys, in curation mode too (the curated layer is edited like any other).
  const onArticleKey = useSpanKeys({
    doc,
    selected: annotator.selected,
    isLinking: annotator.ui.linking !== null,
    editorRef,
    apply,
    fallback: curation.isActive ? suggestKeyFirst(suggestionKeys, curation.onArticleKey) : suggestionKeys,
  });
  /** Opens a document in curation mode: the Curate button, and the Agreement view's documents. */
  const openInCuration = curation.openInCuration;

  // The open document, its layer, selection and scroll survive a reload and a restart (per workspace, #12).
  useReadingPlace({
    storage: window.localStorage,
    workspacePath: workspace.info?.path ?? null,
    annotator: layerView.annotator,
    openId,
    layer: layerView.ref?.layer ?? null,
    doc,
    selectedId: annotator.ui.selectedId,
    editorRef,
    openDocument,
    setLayer: layerView.setLayer,
    select: annotator.select,
  });

  // A workspace switch (or a deletion elsewhere) can remove the open document. Checked only
  // when a new list arrives: a document opened right after an import is not in the old list yet.
  useEffect(() => {
    if (rows !== null) setOpenId((id) => (id !== null && !rows.some((r) => r.id === id) ? null : id));
  }, [rows]);

  const { importer, fileInputRef, onFiles, isDragging, chooseFiles } = useImportFlow(api, {
    refresh,
    openDocument,
    onInfo: showInfo,
    onError: showError,
  });

  useDocumentTitle(doc?.title ?? null);

  // Undo and redo say in the status bar what they undid (useAnnotator).
  const { undo, redo } = annotator;
  useHotkeys({ 'Mod+Z': undo, 'Mod+Shift+Z': redo, 'Mod+Y': redo, 'Ctrl+Y': redo });

  const hovered = hover && doc ? doc.annotations.find((a) => a.id === hover.id) : undefined;

  const [dialog, setDialog] = useState<AppDialog | null>(null);
  const closeDialog = useCallback(() => setDialog(null), []);
  // Stable callbacks: the top bar's buttons, notices, status bar and dialogs are memoised and skip the window's renders on open (#14).
  const openSchema = useCallback(() => setDialog('schema'), []);
  const { isActive: isCurating, exit: exitCuration } = curation;
  const toggleCuration = useCallback(
    () => (isCurating ? exitCuration() : openId !== null && openInCuration(openId)),
    [isCurating, exitCuration, openId, openInCuration],
  );
  const retrySave = useCallback(() => session?.retryNow(), [session]);
  const unsavedCount = useCallback(() => registry.unsavedCount(), [registry]);
  const [view, setView] = useState<CenterView>('article');
  const showArticle = useCallback(() => setView('article'), []);
  const jumpToClaim = useClaimJump({
    openId,
    layer: layerView.ref?.layer ?? null,
    session,
    doc,
    isArticleShown: view === 'article',
    editorRef,
    openDocument,
    setLayer: layerView.setLayer,
    showArticle,
    select: annotator.select,
    onInfo: showInfo,
  });

  // A schema edit, a restored version or a trashed document: read what was replaced afresh.
  const { saveSchema, reloadOpen, onDeleted } = useDocumentReloads({ api, registry, openId, setOpenId, setGeneration, refresh, onInfo: showInfo });

  // Documents (and layers, #11) another program or a sync changed: read them afresh, unless this window has unsaved changes in them.
  const info = workspace.info;
  useExternalChanges({ info, registry, openId, setGeneration, onInfo: showInfo, onError: showError });

  return (
    <div className="cd-app">
      <TopBar
        workspace={workspace.info}
        isImporting={importer.isImporting}
        onImport={chooseFiles}
        canUndo={session?.canUndo ?? false}
        canRedo={session?.canRedo ?? false}
        onUndo={undo}
        onRedo={redo}
      >
        <TopBarActions
          api={api}
          hasSchema={schema !== null}
          hasDocuments={!!rows?.length}
          hasDocument={openId !== null}
          isCurating={curation.isActive}
          isCurationStarting={curation.isStarting}
          onSynced={refresh}
          onDialog={setDialog}
          onToggleCuration={toggleCuration}
        />
      </TopBar>
      <WorkspaceNotices info={info} rows={rows} onOpenSchema={openSchema} />
      <ImportInput ref={fileInputRef} onFiles={onFiles} />
      <div className="cd-body">
        <LeftPane
          curation={curation}
          doc={doc}
          schema={schema}
          rows={rows}
          patches={workspace.patches}
          openId={openId}
          selectedId={annotator.ui.selectedId}
          onOpen={openFromList}
          onNeighbours={prefetch.onNeighbours}
          onSelect={(id) => annotator.select(id, true)}
        />
        <CenterPane
          api={api}
          openId={openId}
          view={view}
          onViewChange={setView}
          schema={schema}
          rows={rows}
          revision={info?.revision ?? null}
          workspaceError={workspace.error}
          layerView={layerView}
          opened={opened}
          doc={doc}
          annotator={annotator}
          suggestions={suggestions}
          editorRef={editorRef}
          selection={selection}
          onSelectionChange={setSelection}
          onArticleKey={onArticleKey}
          onHover={setHover}
          onJump={jumpToClaim}
          onChooseFiles={chooseFiles}
        />
        <RightPane
          api={api}
          session={session}
          doc={doc}
          schema={schema}
          annotator={annotator}
          editorRef={editorRef}
          isReadOnly={isReadOnlyLayer}
          onReload={reloadOpen}
          onDeleted={onDeleted}
          onInfo={showInfo}
          onError={showError}
        />
      </div>
      <StatusBar
        documentCount={rows?.length ?? null}
        message={status.message}
        connectionError={workspace.error}
        offer={annotator.offer && linkOfferQuestion(annotator.offer)}
        selection={selection}
        onDismiss={status.clear}
        session={session}
        onRetry={retrySave}
      />
      {hovered && schema && doc && hover && <HoverCard annotation={hovered} doc={doc} schema={schema} rect={hover.rect} />}
      {importer.report && <ImportReportPanel report={importer.report} onOpen={openDocument} onDismiss={importer.dismissReport} />}
      {isDragging && <DropOverlay />}
      <AppDialogs
        api={api}
        dialog={dialog}
        schema={schema}
        openId={openId}
        rows={rows}
        patches={workspace.patches}
        hasMergeConflicts={(info?.schemaConflicts.length ?? 0) > 0}
        preferences={preferences}
        unsavedCount={unsavedCount}
        onSaveSchema={saveSchema}
        onSavePreferences={preferences.save}
        onOpenInCuration={openInCuration}
        refresh={refresh}
        onInfo={showInfo}
        onClose={closeDialog}
      />
      {curation.pending && (
        <CurationStartDialog pending={curation.pending} isStarting={curation.isStarting} onStart={curation.confirm} onClose={curation.cancel} />
      )}
    </div>
  );
}
