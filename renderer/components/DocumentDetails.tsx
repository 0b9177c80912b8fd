/**
 * The open document's details in the right column (status, attributes, encoding, versions), as a
 * memoised unit: RightPane gives a newly opened document and session to it once the article is
 * painted (useAfterPaint), and a render in which they did not change skips them (#14). Every change goes through `apply` with the
 * document as it is then (not as this render shows it).
 */
import { memo, useCallback } from 'react';
import type { ClaimdeskApi } from '../../shared/api';
import { setDocumentAttribute, setStatus } from '../../shared/model/commands';
import type { AttributeValue, DocStatus, DocumentData, Schema } from '../../shared/model/types';
import type { Annotator } from '../hooks/use-annotator';
import { useLatest } from '../hooks/use-latest';
import type { DocumentSession } from '../state/document-session';
import { DetailsPanel } from './DetailsPanel';
import { DocumentHistory } from './DocumentHistory';
import { DocumentPanel } from './DocumentPanel';
import { EncodingPanel } from './EncodingPanel';

export type DocumentDetailsProps = Readonly<{
  api: ClaimdeskApi;
  /** The document and its session as shown (a step behind the article while it opens), or null. */
  doc: DocumentData | null;
  session: DocumentSession | null;
  schema: Schema | null;
  /** The open document as it is now: what a change applies to. */
  current: () => DocumentData | null;
  apply: Annotator['apply'];
  isReadOnly: boolean;
  onReload: () => void;
  onDeleted: () => void;
  onInfo: (message: string) => void;
  onError: (message: string) => void;
}>;

/** Renders the details of the shown document. */
export const DocumentDetails = memo(function DocumentDetails(props: DocumentDetailsProps) {
  const { api, doc, session, schema, isReadOnly, onReload, onDeleted, onInfo, onError } = props;
  const latest = useLatest(props);
  // The status is a document operation like any other: saved through the session, undoable.
  const onStatusChange = useCallback(
    (next: DocStatus) => {
      const now = latest.current.current();
      void latest.current.apply(now ? setStatus(now, next) : null);
    },
    [latest],
  );
  const onAttributeChange = useCallback(
    (name: string, value: AttributeValue) => {
      const now = latest.current.current();
      if (now) void latest.current.apply(setDocumentAttribute(now, name, value));
    },
    [latest],
  );
  const onReimported = useCallback(
    (message: string) => {
      onInfo(message);
      onReload();
    },
    [onInfo, onReload],
  );
  return (
    <DetailsPanel doc={doc} onStatusChange={onStatusChange} isReadOnly={isReadOnly}>
      {doc && schema && <DocumentPanel doc={doc} schema={schema} isReadOnly={isReadOnly} onChange={onAttributeChange} />}
      {doc && <EncodingPanel api={api} doc={doc} onError={onError} onReimported={onReimported} />}
      {doc && session && <DocumentHistory api={api} doc={doc} session={session} onRestored={onReload} onDeleted={onDeleted} onError={onError} />}
    </DetailsPanel>
  );
});
