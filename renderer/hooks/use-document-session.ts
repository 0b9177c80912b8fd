/**
 * The editing session of the open document's shown layer, from the window's SessionRegistry
 * (loaded the first time that layer is opened, kept afterwards), and the document and save state
 * it holds, re-rendered on every change. Answers for a document or layer that is no longer
 * wanted are dropped, so quick clicks through the list never show a stale article.
 */
import { layerKey } from '../../shared/model/layers';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { DocumentData } from '../../shared/model/types';
import type { DocumentSession, SaveState } from '../state/document-session';
import type { LayerRef } from '../state/layer-access';
import type { SessionRegistry } from '../state/session-registry';
import { describeError } from '../util/format';
import { useLatest } from './use-latest';

export type OpenSession = Readonly<{
  /** The open document's session, or null while none is open or it is loading (a layer being read afresh keeps its old session until then). */
  session: DocumentSession | null;
  /** True while the wanted document is being fetched. */
  isLoading: boolean;
  /** Why it could not be opened, or null. */
  error: string | null;
}>;

/**
 * @param ref the document and layer to open (and the analyst looking), or null for none
 * @param onError told about every failure, for the status bar
 * @param generation bump it after SessionRegistry.drop to read a dropped document afresh
 */
export function useDocumentSession(registry: SessionRegistry, ref: LayerRef | null, onError: (message: string) => void, generation = 0): OpenSession {
  const onErrorRef = useLatest(onError);
  const [loaded, setLoaded] = useState<{ key: string; session: DocumentSession | null; error: string | null } | null>(null);
  const docId = ref?.docId ?? null;
  const layer = ref?.layer ?? null;
  const annotator = ref?.annotator ?? null;
  const key = ref === null ? null : layerKey(ref.docId, ref.layer);
  // The last session shown, kept on screen while its layer is read afresh.
  const [shown, setShown] = useState<{ key: string; session: DocumentSession } | null>(null);

  useEffect(() => {
    if (docId === null || layer === null || annotator === null) return;
    const wantedRef = { docId, layer, annotator };
    if (registry.get(wantedRef)) return;
    const wantedKey = layerKey(docId, layer);
    let wanted = true;
    registry.open(wantedRef).then(
      (session) => {
        if (wanted) setLoaded({ key: wantedKey, session, error: null });
      },
      (err: unknown) => {
        if (!wanted) return;
        const message = describeError('Could not open the document', err);
        setLoaded({ key: wantedKey, session: null, error: message });
        onErrorRef.current(message);
      },
    );
    return () => {
      wanted = false;
    };
  }, [registry, docId, layer, annotator, onErrorRef, generation]);

  if (ref === null) return { session: null, isLoading: false, error: null };
  const session = registry.get(ref) ?? null;
  if (session) {
    if (shown?.session !== session) setShown({ key: key!, session });
    return { session, isLoading: false, error: null };
  }
  const error = loaded?.key === key ? loaded.error : null;
  // A layer being read afresh (after a schema edit) stays on screen until its new copy is there,
  // so the article keeps its scroll position and selection (#12).
  if (error === null && shown?.key === key) return { session: shown.session, isLoading: true, error: null };
  return { session: null, isLoading: error === null, error };
}

/**
 * The session's current document (null without a session), re-rendering on every change. The
 * update takes the priority of the event that made the change: the article's own keys apply
 * their changes inside a transition (the article draws a change itself, at once; see
 * DocumentEditor), so the panels follow it after that event without delaying it; a change made
 * in a panel re-renders at once. (useSyncExternalStore would make every update urgent.)
 */
export function useSessionDoc(session: DocumentSession | null): DocumentData | null {
  const [seen, setSeen] = useState<{ session: DocumentSession | null; doc: DocumentData | null }>(() => ({ session, doc: session?.doc ?? null }));
  useEffect(() => {
    if (!session) return;
    const sync = () => setSeen((s) => (s.session === session && s.doc === session.doc ? s : { session, doc: session.doc }));
    sync(); // catches up on changes made between the render and this subscription
    return session.subscribe(sync);
  }, [session]);
  return seen.session === session ? seen.doc : (session?.doc ?? null);
}

/**
 * The session's save state (null without a session), re-rendering at once, even inside a
 * transition: "Saving…" must show in the event that made the change, never a stale "Saved".
 * Used by the small components that show it, so only they re-render.
 */
export function useSaveState(session: DocumentSession | null): SaveState | null {
  const subscribe = useCallback((cb: () => void) => (session ? session.subscribeState(cb) : () => undefined), [session]);
  return useSyncExternalStore(subscribe, () => session?.state ?? null);
}
