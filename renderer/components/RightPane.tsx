/**
 * The window's right column: the selected annotation's details, or, with none selected, the open
 * document's details (status, attributes, encoding, history). Every change goes through the
 * annotator's `apply` (saved by the session, undoable); what a restore or a deletion means for the
 * window is the window's.
 */
import { useCallback, useMemo, type RefObject } from 'react';
import type { ClaimdeskApi } from '../../shared/api';
import type { DocumentData, Schema } from '../../shared/model/types';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import type { Annotator } from '../hooks/use-annotator';
import type { DocumentSession } from '../state/document-session';
import { useAfterPaint } from '../hooks/use-after-paint';
import { useLatest } from '../hooks/use-latest';
import { AnnotationDetails } from './AnnotationDetails';
import { DocumentDetails } from './DocumentDetails';

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
  // An open draws the article first and the document's details once it is painted (#14); an edit
  // of the open document (its status, an attribute) shows at once.
  const shown = useAfterPaint(
    session,
    useMemo(() => ({ doc, session }), [doc, session]),
  );
  const latestDoc = useLatest(doc);
  const currentDoc = useCallback(() => latestDoc.current, [latestDoc]);
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
    <DocumentDetails
      api={api}
      doc={shown.doc}
      session={shown.session}
      schema={schema}
      current={currentDoc}
      apply={apply}
      isReadOnly={isReadOnly}
      onReload={onReload}
      onDeleted={onDeleted}
      onInfo={onInfo}
      onError={onError}
    />
  );
}
