/**
 * The Claimdesk window: top bar, document list, reading pane, details panel and status bar,
 * wired to the API. Owns which document is open, keeps one DocumentSession per document for
 * the window's lifetime (so unsaved changes keep saving and undo survives switching), and
 * routes every API error to the status bar. The annotating flow itself (selection, link mode,
 * keys, actions) lives in useAnnotator. Knows nothing about the transport (IPC or HTTP).
 */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImportReport, ClaimdeskApi } from '../shared/api';
import { setDocumentAttribute, setStatus } from '../shared/model/commands';
import { bump, counter } from '../shared/model/keys';
import type { SchemaMigration } from '../shared/model/schema-rules';
import { linkOfferQuestion } from '../shared/model/link-kinds';
import type { Schema } from '../shared/model/types';
import type { DocId, DocStatus, DocumentRow } from '../shared/model/types';
import { AgreementDialog } from './components/AgreementDialog';
import { CurationButton } from './components/CurationButton';
import { CurationPanel } from './components/CurationPanel';
import { CurationStartDialog } from './components/CurationStartDialog';
import { useCuration } from './hooks/use-curation';
import { AnnotationDetails } from './components/AnnotationDetails';
import { LayerSwitcher } from './components/LayerSwitcher';
import { SyncButton } from './components/SyncButton';
import { useLayerView } from './hooks/use-layer-view';
import { layerEntries } from './state/layer-access';
import { AnnotationSidebar } from './components/AnnotationSidebar';
import { ClaimsTable } from './components/ClaimsTable';
import { WorkspaceClaims } from './components/WorkspaceClaims';
import { WorkspaceClaimsScope, type ClaimsScope } from './components/WorkspaceClaimsScope';
import { DocumentHistory } from './components/DocumentHistory';
import { EncodingPanel } from './components/EncodingPanel';
import { DocumentPanel } from './components/DocumentPanel';
import { TrashDialog } from './components/TrashDialog';
import { ExportDialog } from './components/ExportDialog';
import { PreferencesDialog } from './components/PreferencesDialog';
import { SchemaEditor } from './components/SchemaEditor';
import { MergeNotice } from './components/MergeNotice';
import { WorkspaceNotice } from './components/WorkspaceNotice';
import { DetailsPanel } from './components/DetailsPanel';
import { DocumentList } from './components/DocumentList';
import { DropOverlay } from './components/DropOverlay';
import { HoverCard } from './components/HoverCard';
import { ImportInput } from './components/ImportInput';
import { ImportReportPanel } from './components/ImportReportPanel';
import { LabelBar } from './components/LabelBar';
import { ReaderPane } from './components/ReaderPane';
import { StatusBar } from './components/StatusBar';
import { TopBar } from './components/TopBar';
import type { AnnotationHover, DocumentEditorHandle, TextSelectionSnapshot } from './editor/DocumentEditor';
import { useAnnotator } from './hooks/use-annotator';
import { useClaimJump, type ClaimJumpTarget } from './hooks/use-claim-jump';
import { useChangeFeed } from './hooks/use-change-feed';
import { useDocumentSession, useSessionDoc } from './hooks/use-document-session';
import { useDocumentTitle } from './hooks/use-document-title';
import { useFileDrop } from './hooks/use-file-drop';
import { useHotkeys } from './hooks/use-hotkeys';
import { useImport } from './hooks/use-import';
import { useLatest } from './hooks/use-latest';
import { useListOpen } from './hooks/use-list-open';
import { useNeighbourPrefetch } from './hooks/use-neighbour-prefetch';
import { useSpanKeys } from './hooks/use-span-keys';
import { usePreferences } from './hooks/use-preferences';
import { useReadingPlace } from './hooks/use-reading-place';
import { useStatusMessage } from './hooks/use-status-message';
import { useWorkspace } from './hooks/use-workspace';
import { SessionRegistry } from './state/session-registry';
import { describeError } from './util/format';

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
  const fileInputRef = useRef<HTMLInputElement>(null);

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
  const prefetch = useNeighbourPrefetch(registry, layerView.annotator, rowOf, opened.isLoading);

  const { loadNow } = prefetch;
  const openDocument = useCallback(
    (id: DocId) => {
      loadNow(id); // from the event: the service reads it while the window renders the change (#14)
      setOpenId(id);
      setSelection(null);
      setHover(null);
    },
    [loadNow],
  );
  // From the list, the window switches once the document has arrived (#14).
  const openFromList = useListOpen(openId, loadNow, openDocument);

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
  // The boundary keys in front of the article's keys, in curation mode too (the curated layer is edited like any other).
  const onArticleKey = useSpanKeys({
    doc,
    selected: annotator.selected,
    isLinking: annotator.ui.linking !== null,
    editorRef,
    apply,
    fallback: curation.isActive ? curation.onArticleKey : annotator.onArticleKey,
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

  const onImported = useCallback(
    (report: ImportReport) => {
      void refresh().catch((err: unknown) => showError(describeError('Could not reload the document list', err)));
      const first = report.imported[0]?.row.id ?? report.duplicates[0]?.existing.id;
      if (first !== undefined) openDocument(first);
    },
    [refresh, openDocument, showError],
  );
  const importer = useImport(api, { onStatus: showInfo, onError: showError, onDone: onImported });
  const { importFiles } = importer;
  const onFiles = useCallback((files: readonly File[]) => void importFiles(files), [importFiles]);
  const isDragging = useFileDrop(onFiles);
  const chooseFiles = useCallback(() => fileInputRef.current?.click(), []);

  useDocumentTitle(doc?.title ?? null);

  // Undo and redo say in the status bar what they undid (useAnnotator).
  const { undo, redo } = annotator;
  useHotkeys({ 'Mod+Z': undo, 'Mod+Shift+Z': redo, 'Mod+Y': redo, 'Ctrl+Y': redo });

  // The status is a document operation like any other: saved through the session, undoable.
  const onStatusChange = useCallback((next: DocStatus) => void apply(doc ? setStatus(doc, next) : null), [apply, doc]);
  const startLink = useCallback(() => {
    annotator.startLink();
    editorRef.current?.focus();
  }, [annotator]);
  const selectFromPanel = useCallback((id: string | null) => annotator.select(id, true), [annotator]);
  const hovered = hover && doc ? doc.annotations.find((a) => a.id === hover.id) : undefined;

  const [dialog, setDialog] = useState<'schema' | 'preferences' | 'export' | 'trash' | 'agreement' | null>(null);
  const closeDialog = useCallback(() => setDialog(null), []);
  const [leftTab, setLeftTab] = useState<'documents' | 'annotations'>('documents');
  const [view, setView] = useState<'article' | 'claims'>('article');
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
  const labelCounts = useLabelCounts(rows, workspace.patches, dialog === 'schema');

  // A schema edit rewrites stored annotations: read every open document afresh.
  const saveSchema = useCallback(
    async (next: Schema, migration: SchemaMigration) => {
      await api.updateSchema({ schema: next, ...migration });
      registry.drop();
      setGeneration((g) => g + 1);
      await refresh();
    },
    [api, registry, refresh],
  );

  // A restored version replaces the stored document: read it afresh.
  const reloadOpen = useCallback(() => {
    if (openId !== null) registry.drop([openId]);
    setGeneration((g) => g + 1);
    void refresh();
  }, [openId, registry, refresh]);
  const onDeleted = useCallback(() => {
    setOpenId(null);
    void refresh();
    showInfo('Moved to the trash (Trash… brings it back).');
  }, [refresh, showInfo]);

  // Documents (and layers, #11) another program or a sync changed: read them afresh, unless this window has unsaved changes in them.
  const seenRevision = useRef<number | null>(null);
  const info = workspace.info;
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
      showError(
        'An article’s file was deleted outside Claimdesk. Nothing is lost: Claimdesk wrote it back from the copy it has open (to remove an article, use “Move to trash”).',
      );
    else if (kept.length > 0)
      showError(
        'An article you are editing was changed outside Claimdesk. Your unsaved changes are being saved on top of it; the other version is kept in its backups.',
      );
    else if (changed.includes(openId ?? '')) showInfo('This article was changed outside Claimdesk and has been reloaded.');
  }, [info, registry, openId, showError, showInfo]);

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
        <SyncButton api={api} onSynced={refresh} />
        <button type="button" className="cd-button cd-button--quiet" onClick={() => setDialog('schema')} disabled={!schema}>
          Schema…
        </button>
        <button type="button" className="cd-button cd-button--quiet" onClick={() => setDialog('export')} disabled={!schema || !rows?.length}>
          Export…
        </button>
        <button type="button" className="cd-button cd-button--quiet" onClick={() => setDialog('agreement')} disabled={!schema || !rows?.length}>
          Agreement…
        </button>
        <CurationButton
          hasDocument={openId !== null}
          isActive={curation.isActive}
          isStarting={curation.isStarting}
          onToggle={() => (curation.isActive ? curation.exit() : openId !== null && openInCuration(openId))}
        />
        <button type="button" className="cd-button cd-button--quiet" onClick={() => setDialog('trash')}>
          Trash…
        </button>
        <button type="button" className="cd-button cd-button--quiet" onClick={() => setDialog('preferences')}>
          Preferences…
        </button>
      </TopBar>
      <WorkspaceNotice reason={info?.readOnlyReason ?? null} />
      {info?.repositoryProblem && (
        <div className="cd-notice" role="alert" aria-label="Git repository">
          {info.repositoryProblem}.
        </div>
      )}
      <MergeNotice
        conflicts={info?.schemaConflicts ?? []}
        titleOf={(docId) => rows?.find((r) => r.id === docId)?.title}
        onOpenSchema={() => setDialog('schema')}
      />
      <ImportInput ref={fileInputRef} onFiles={onFiles} />
      <div className="cd-body">
        <div className="cd-left">
          {curation.isActive && doc && schema ? (
            <CurationPanel curation={curation} title={doc.title} schema={schema} />
          ) : (
            <>
              <div className="cd-tabs" role="tablist" aria-label="Left panel">
                {(['documents', 'annotations'] as const).map((tab) => (
                  <button key={tab} type="button" role="tab" aria-selected={leftTab === tab} className="cd-tab" onClick={() => setLeftTab(tab)}>
                    {tab === 'documents' ? 'Documents' : 'Annotations'}
                  </button>
                ))}
              </div>
              {leftTab === 'documents' || !doc || !schema ? (
                <DocumentList rows={rows} patches={workspace.patches} openId={openId} onOpen={openFromList} onNeighbours={prefetch.onNeighbours} />
              ) : (
                <AnnotationSidebar doc={doc} schema={schema} selectedId={annotator.ui.selectedId} onSelect={(id) => annotator.select(id, true)} />
              )}
            </>
          )}
        </div>
        <div className="cd-center">
          <div className="cd-tabs" role="tablist" aria-label="View">
            {(['article', 'claims'] as const).map((v) => (
              <button
                key={v}
                type="button"
                role="tab"
                aria-selected={view === v}
                className="cd-tab"
                onClick={() => setView(v)}
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
            <LabelBar labels={schema.labels} selectedLabel={annotator.selected?.label ?? null} isEnabled={doc !== null} onTag={annotator.tag} />
          )}
          {isWorkspaceClaims && schema && rows && layerView.annotator ? (
            <WorkspaceClaims
              api={api}
              schema={schema}
              documents={rows}
              annotator={layerView.annotator}
              initialLayer={layerView.ref?.layer ?? layerView.annotator}
              revision={info?.revision ?? null}
              onSelect={selectClaim}
              onJump={jumpToClaim}
              toolbar={scopeSwitch}
            />
          ) : view === 'claims' && doc && schema ? (
            <ClaimsTable
              doc={doc}
              schema={schema}
              toolbar={scopeSwitch}
              onSelect={annotator.select}
              onJump={(claimId) => layerView.ref && jumpToClaim({ docId: layerView.ref.docId, claimId, layer: layerView.ref.layer })}
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
              workspaceError={workspace.error}
              editorRef={editorRef}
              selection={selection}
              ui={annotator.ui}
              onSelectionChange={setSelection}
              onArticleKey={onArticleKey}
              onAnnotationClick={annotator.onAnnotationClick}
              onHover={setHover}
              onTag={annotator.tag}
              onLinkTypeChange={annotator.setLinkType}
              onCancelLink={annotator.cancelLink}
              onChooseFiles={chooseFiles}
            />
          )}
        </div>
        {annotator.selected && doc && schema ? (
          <AnnotationDetails
            key={annotator.selected.id}
            annotation={annotator.selected}
            doc={doc}
            schema={schema}
            linkTypes={annotator.linkTypes}
            onApply={apply}
            onInfo={showInfo}
            onSelect={selectFromPanel}
            onStartLink={startLink}
            onDelete={annotator.deleteSelected}
            onKeySequence={annotator.dismissOffer}
            isReadOnly={isReadOnlyLayer}
          />
        ) : (
          <DetailsPanel doc={doc} onStatusChange={onStatusChange} isReadOnly={isReadOnlyLayer}>
            {doc && schema && (
              <DocumentPanel
                doc={doc}
                schema={schema}
                isReadOnly={isReadOnlyLayer}
                onChange={(name, value) => apply(setDocumentAttribute(doc, name, value))}
              />
            )}
            {doc && (
              <EncodingPanel
                api={api}
                doc={doc}
                onError={showError}
                onReimported={(message) => {
                  showInfo(message);
                  reloadOpen();
                }}
              />
            )}
            {doc && session && (
              <DocumentHistory api={api} doc={doc} session={session} onRestored={reloadOpen} onDeleted={onDeleted} onError={showError} />
            )}
          </DetailsPanel>
        )}
      </div>
      <StatusBar
        documentCount={rows?.length ?? null}
        message={status.message}
        connectionError={workspace.error}
        offer={annotator.offer && linkOfferQuestion(annotator.offer)}
        selection={selection}
        onDismiss={status.clear}
        session={session}
        onRetry={() => session?.retryNow()}
      />
      {hovered && schema && doc && hover && <HoverCard annotation={hovered} doc={doc} schema={schema} rect={hover.rect} />}
      {importer.report && <ImportReportPanel report={importer.report} onOpen={openDocument} onDismiss={importer.dismissReport} />}
      {isDragging && <DropOverlay />}
      {dialog === 'schema' && schema && (
        <SchemaEditor
          schema={schema}
          labelCounts={labelCounts}
          onSave={saveSchema}
          onClose={closeDialog}
          hasMergeConflicts={(info?.schemaConflicts.length ?? 0) > 0}
        />
      )}
      {dialog === 'export' && schema && (
        <ExportDialog api={api} schema={schema} currentDocId={openId} selectedDocIds={openId ? [openId] : []} onClose={closeDialog} />
      )}
      {dialog === 'agreement' && schema && <AgreementDialog api={api} schema={schema} onOpenInCuration={openInCuration} onClose={closeDialog} />}
      {dialog === 'trash' && (
        <TrashDialog
          api={api}
          onRestored={(row) => {
            void refresh();
            showInfo(`Restored “${row.title}”`);
          }}
          onClose={closeDialog}
        />
      )}
      {dialog === 'preferences' && (
        <PreferencesDialog
          author={preferences.author}
          onSave={(author) => {
            // Your name names your layer: changes still on their way to it would go to another one.
            const unsaved = registry.unsavedCount();
            if (unsaved > 0)
              return Promise.reject(
                new Error(
                  `${unsaved} change${unsaved === 1 ? ' is' : 's are'} still being saved to your layer; wait until the status bar says Saved, then change your name`,
                ),
              );
            return preferences.saveAuthor(author);
          }}
          onClose={closeDialog}
        />
      )}
      {curation.pending && (
        <CurationStartDialog pending={curation.pending} isStarting={curation.isStarting} onStart={curation.confirm} onClose={curation.cancel} />
      )}
    </div>
  );
}

/** Annotations per label over the whole workspace (from the index rows), computed when `isWanted`. */
function useLabelCounts(rows: readonly DocumentRow[] | null, patches: ReadonlyMap<DocId, DocumentRow>, isWanted: boolean): Record<string, number> {
  return useMemo(() => {
    const counts = counter();
    if (!isWanted || !rows) return counts;
    for (const row of rows) for (const [label, n] of Object.entries((patches.get(row.id) ?? row).labelCounts ?? {})) bump(counts, label, n);
    return counts;
  }, [rows, patches, isWanted]);
}
