/**
 * The Claimdesk window: top bar, document list, reading pane, details panel and status bar,
 * wired to the API. Owns which document is open and routes every API error to the status
 * bar. Knows nothing about the transport (IPC or HTTP).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ClaimdeskApi, ImportReport } from '../shared/api';
import type { DocId, DocStatus } from '../shared/model/types';
import { DetailsPanel } from './components/DetailsPanel';
import { DocumentList } from './components/DocumentList';
import { DropOverlay } from './components/DropOverlay';
import { ImportInput } from './components/ImportInput';
import { ImportReportPanel } from './components/ImportReportPanel';
import { ReaderPane } from './components/ReaderPane';
import { StatusBar } from './components/StatusBar';
import { TopBar } from './components/TopBar';
import type { DocumentEditorHandle, TextSelectionSnapshot } from './editor/DocumentEditor';
import { useDocument } from './hooks/use-document';
import { useDocumentTitle } from './hooks/use-document-title';
import { useFileDrop } from './hooks/use-file-drop';
import { useImport } from './hooks/use-import';
import { useStatusMessage } from './hooks/use-status-message';
import { useWorkspace } from './hooks/use-workspace';
import { describeError, statusLabel } from './util/format';

export type AppProps = Readonly<{ api: ClaimdeskApi }>;

/** The whole application for one connected API. */
export function App({ api }: AppProps) {
  const status = useStatusMessage();
  const { showInfo, showError } = status;
  const workspace = useWorkspace(api);
  const { rows, refresh } = workspace;
  const [openId, setOpenId] = useState<DocId | null>(null);
  const opened = useDocument(api, openId, showError);
  const [selection, setSelection] = useState<TextSelectionSnapshot | null>(null);
  const editorRef = useRef<DocumentEditorHandle>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);

  const openDocument = useCallback((id: DocId) => {
    setOpenId(id);
    setSelection(null);
  }, []);

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

  const openRow = useMemo(() => rows?.find((r) => r.id === openId) ?? null, [rows, openId]);
  useDocumentTitle(opened.doc?.title ?? null);

  // A status change shows at once and is undone if the service refuses it.
  const [pendingStatus, setPendingStatus] = useState<Readonly<{ id: DocId; status: DocStatus }> | null>(null);
  const onStatusChange = useCallback(
    (next: DocStatus) => {
      if (openId === null) return;
      const change = { id: openId, status: next };
      setPendingStatus(change);
      const settle = () => setPendingStatus((p) => (p === change ? null : p));
      api
        .updateDocument({ docId: openId, status: next })
        .then(
          async (row) => {
            showInfo(`Marked “${row.title}” as ${statusLabel(row.status).toLowerCase()}`);
            await refresh().catch((err: unknown) => showError(describeError('Could not reload the document list', err)));
          },
          (err: unknown) => showError(describeError('Could not change the status', err)),
        )
        .finally(settle);
    },
    [api, openId, refresh, showInfo, showError],
  );
  const shownStatus = pendingStatus && pendingStatus.id === openId ? pendingStatus.status : (openRow?.status ?? null);

  return (
    <div className="cd-app">
      <TopBar workspace={workspace.info} isImporting={importer.isImporting} onImport={chooseFiles} />
      <ImportInput ref={fileInputRef} onFiles={onFiles} />
      <div className="cd-body">
        <DocumentList rows={rows} openId={openId} onOpen={openDocument} />
        <ReaderPane
          doc={opened.doc}
          isLoading={opened.isLoading}
          error={opened.error}
          isWorkspaceEmpty={rows !== null && rows.length === 0}
          isWorkspaceLoading={rows === null}
          workspaceError={workspace.error}
          editorRef={editorRef}
          onSelectionChange={setSelection}
          onChooseFiles={chooseFiles}
        />
        <DetailsPanel doc={opened.doc} status={shownStatus} onStatusChange={onStatusChange} />
      </div>
      <StatusBar
        documentCount={rows?.length ?? null}
        message={status.message}
        connectionError={workspace.error}
        selection={selection}
        onDismiss={status.clear}
      />
      {importer.report && <ImportReportPanel report={importer.report} onOpen={openDocument} onDismiss={importer.dismissReport} />}
      {isDragging && <DropOverlay />}
    </div>
  );
}
