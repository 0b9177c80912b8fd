/**
 * Loads the document with a given id (`getDocument`) whenever the id changes. Answers for
 * an id that is no longer wanted are dropped, so quick clicks through the list never show a
 * stale article.
 */
import { useEffect, useState } from 'react';
import type { ClaimdeskApi } from '../../shared/api';
import type { DocId, DocumentData } from '../../shared/model/types';
import { describeError } from '../util/format';
import { useLatest } from './use-latest';

export type OpenDocument = Readonly<{
  /** The loaded document, or null while none is open or it is loading. */
  doc: DocumentData | null;
  /** True while the wanted document is being fetched. */
  isLoading: boolean;
  /** Why it could not be opened, or null. */
  error: string | null;
}>;

/**
 * @param docId the document to show, or null for none
 * @param onError told about every failure, for the status bar
 */
export function useDocument(api: ClaimdeskApi, docId: DocId | null, onError: (message: string) => void): OpenDocument {
  const onErrorRef = useLatest(onError);
  const [state, setState] = useState<OpenDocument & { id: DocId | null }>({ id: null, doc: null, isLoading: false, error: null });

  useEffect(() => {
    if (docId === null) {
      setState({ id: null, doc: null, isLoading: false, error: null });
      return;
    }
    let wanted = true;
    setState((prev) => ({ id: docId, doc: prev.id === docId ? prev.doc : null, isLoading: true, error: null }));
    api.getDocument({ docId }).then(
      (doc) => {
        if (wanted) setState({ id: docId, doc, isLoading: false, error: null });
      },
      (err: unknown) => {
        if (!wanted) return;
        const message = describeError('Could not open the document', err);
        setState({ id: docId, doc: null, isLoading: false, error: message });
        onErrorRef.current(message);
      },
    );
    return () => {
      wanted = false;
    };
  }, [api, docId, onErrorRef]);

  return { doc: state.doc, isLoading: state.isLoading, error: state.error };
}
