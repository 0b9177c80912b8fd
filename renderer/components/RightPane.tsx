/**
 * The window's right column: the selected annotation's details, or, with none selected, the open
 * document's details (status, attributes, encoding, history). Every change goes through the
 * annotator's `apply` (saved by the session, undoable); what a restore or a deletion means for the
 * window is the window's.
 */
import { useCallback, type RefObject } from 'react';
import type { ClaimdeskApi } from '../../shared/api';
import { setDocumentAttribute, setStatus } from '../../shared/model/commands';
import type { DocStatus, DocumentData, Schema } from '../../shared/model/types';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import type { Annotator } from '../hooks/use-annotator';
import type { DocumentSession } from '../state/document-session';
import { AnnotationDetails } from './AnnotationDetails';
import { DetailsPanel } from './DetailsPanel';
import { DocumentHistory } from './DocumentHistory';
import { DocumentPanel } from './DocumentPanel';
import { EncodingPanel } from './EncodingPanel';

export type RightPaneProps = Readonly<{
  api: ClaimdeskApi;
  /** The open session and its current document, or null. */
  session: DocumentSession | null;
  doc: DocumentData | null;
  schema: Schema | null;
  annotator: Annotator;
  editorRef: RefObject<DocumentEditorHandle | null>;
  /** True when the shown layer cannot be changed here (another annotator's). */
  isReadOnly: boolean;
  /** Reads the open document afresh (a restored version or a re-import replaced it). */
  onReload: () => void;
  onDeleted: () => void;
  onInfo: (message: string) => void;
  onError: (message: string) => void;
}>;

/** The right column of the window. */
export function RightPane({ api, session, doc, schema, annotator, editorRef, isReadOnly, onReload, onDeleted, onInfo, onError }: RightPaneProps) {
  const { apply } = annotator;
  // The status is a document operation like any other: saved through the session, undoable.
  const onStatusChange = useCallback((next: DocStatus) => void apply(doc ? setStatus(doc, next) : null), [apply, doc]);
  const startLink = useCallback(() => {
    annotator.startLink();
    editorRef.current?.focus();
  }, [annotator, editorRef]);
  const selectFromPanel = useCallback((id: string | null) => annotator.select(id, true), [annotator]);
  return annotator.selected && doc && schema ? (
    <AnnotationDetails
      key={annotator.selected.id}
      annotation={annotator.selected}
      doc={doc}
      schema={schema}
      linkTypes={annotator.linkTypes}
      onApply={apply}
      onInfo={onInfo}
      onSelect={selectFromPanel}
      onStartLink={startLink}
      onDelete={annotator.deleteSelected}
      onKeySequence={annotator.dismissOffer}
      isReadOnly={isReadOnly}
    />
  ) : (
    <DetailsPanel doc={doc} onStatusChange={onStatusChange} isReadOnly={isReadOnly}>
      {doc && schema && (
        <DocumentPanel doc={doc} schema={schema} isReadOnly={isReadOnly} onChange={(name, value) => apply(setDocumentAttribute(doc, name, value))} />
      )}
      {doc && (
        <EncodingPanel
          api={api}
          doc={doc}
          onError={onError}
          onReimported={(message) => {
            onInfo(message);
            onReload();
          }}
        />
      )}
      {doc && session && <DocumentHistory api={api} doc={doc} session={session} onRestored={onReload} onDeleted={onDeleted} onError={onError} />}
    </DetailsPanel>
  );
}
