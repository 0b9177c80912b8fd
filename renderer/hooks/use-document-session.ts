/**
 * The editing session of the open document, from the window's SessionRegistry (loaded the
 * first time a document is opened, kept afterwards), and the document and save state it
 * holds, re-rendered on every change. Answers for a document that is no longer wanted are
 * dropped, so quick clicks through the list never show a stale article.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { DocId, DocumentData } from '../../shared/model/types';
import type { DocumentSession, SaveState } from '../state/document-session';
import type { SessionRegistry } from '../state/session-registry';
import { describeError } from '../util/format';
import { useLatest } from './use-latest';

export type OpenSession = Readonly<{
  /** The open document's session, or null while none is open or it is loading. */
  session: DocumentSession | null;
  /** True while the wanted document is being fetched. */
  isLoading: boolean;
  /** Why it could not be opened, or null. */
  error: string | null;
}>;

/**
 * @param docId the document to open, or null for none
 * @param onError told about every failure, for the status bar
 * @param generation bump it after SessionRegistry.drop to read a dropped document afresh
 */
export function useDocumentSession(registry: SessionRegistry, docId: DocId | null, onError: (message: string) => void, generation = 0): OpenSession {
  const onErrorRef = useLatest(onError);
  const [loaded, setLoaded] = useState<{ id: DocId; session: DocumentSession | null; error: string | null } | null>(null);

  useEffect(() => {
    if (docId === null || registry.get(docId)) return;
    let wanted = true;
    registry.open(docId).then(
      (session) => {
        if (wanted) setLoaded({ id: docId, session, error: null });
      },
      (err: unknown) => {
        if (!wanted) return;
        const message = describeError('Could not open the document', err);
        setLoaded({ id: docId, session: null, error: message });
        onErrorRef.current(message);
      },
    );
    return () => {
      wanted = false;
    };
  }, [registry, docId, onErrorRef, generation]);

  if (docId === null) return { session: null, isLoading: false, error: null };
  const session = registry.get(docId) ?? null;
  if (session) return { session, isLoading: false, error: null };
  const error = loaded?.id === docId ? loaded.error : null;
  return { session: null, isLoading: error === null, error };
}

/**
 * A value of the session, re-rendering when it changes. The update takes the priority of the
 * event that made the change: the article's own keys apply their changes inside a transition
 * (the article draws a change itself, at once; see DocumentEditor), so the panels follow it
 * after that event without delaying it; a change made in a panel re-renders at once.
 */
function useSessionValue<T>(session: DocumentSession | null, read: (s: DocumentSession) => T, subscribe: (s: DocumentSession, cb: () => void) => () => void): T | null {
  const [seen, setSeen] = useState<{ session: DocumentSession | null; value: T | null }>(() => ({ session, value: session ? read(session) : null }));
  const readRef = useLatest(read);
  const subscribeRef = useLatest(subscribe);
  useEffect(() => {
    if (!session) return;
    const sync = () => {
      const value = readRef.current(session);
      setSeen((s) => (s.session === session && s.value === value ? s : { session, value }));
    };
    sync(); // catches up on changes made between the render and this subscription
    return subscribeRef.current(session, sync);
  }, [session, readRef, subscribeRef]);
  if (seen.session === session) return seen.value;
  return session ? read(session) : null;
}

const readDoc = (s: DocumentSession) => s.doc;
const subscribeDoc = (s: DocumentSession, cb: () => void) => s.subscribe(cb);
const readState = (s: DocumentSession) => s.state;
const subscribeState = (s: DocumentSession, cb: () => void) => s.subscribeState(cb);

/** The session's current document (null without a session), re-rendering on every change. */
export function useSessionDoc(session: DocumentSession | null): DocumentData | null {
  return useSessionValue(session, readDoc, subscribeDoc);
}

/** The session's save state (null without a session), re-rendering when it changes. */
export function useSaveState(session: DocumentSession | null): SaveState | null {
  return useSessionValue(session, readState, subscribeState);
}

/**
 * The session's save state for the status bar, re-rendering at once (not as a transition):
 * "Saving…" must show in the event that made the change, never a stale "Saved". Only the small
 * component using it re-renders.
 */
export function useSaveStateNow(session: DocumentSession | null): SaveState | null {
  const subscribe = useCallback((cb: () => void) => (session ? session.subscribeState(cb) : () => undefined), [session]);
  return useSyncExternalStore(subscribe, () => session?.state ?? null);
}
