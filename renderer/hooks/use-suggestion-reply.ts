/**
 * The service's suggestions reply (#15) for the open document and layer: read when a document,
 * layer or text is opened (getSuggestions), kept with the document, layer and text it was made
 * for, so a reply is never shown on another (a text re-imported with another encoding is asked
 * again), and Hide remembered per document and layer for the window's life (until asked
 * again). A reply to asking (compute) comes through `store`, which drops it when another
 * document, layer or text is open by then. No DOM.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ClaimdeskApi, SuggestionsReply } from '../../shared/api';
import type { DocId } from '../../shared/model/types';
import type { DocumentSession } from '../state/document-session';
import { describeError } from '../util/format';
import { afterNextPaint } from '../util/next-task';
import { useLatest } from './use-latest';
import { layerArg } from './use-suggestion-rejections';

/** A reply for a document and layer (undefined: the service's default, the analyst's own), and the text it was made on. */
export type LoadedReply = Readonly<{ docId: DocId; layer: string | undefined; text: string; reply: SuggestionsReply }>;

export type SuggestionReply = Readonly<{
  /** The open document's reply (its document, layer and text), or null while there is none. */
  current: LoadedReply | null;
  /** True when the open document's suggestions were hidden. */
  isHidden: boolean;
  /** Keeps `loaded` (and shows it again) if its document, layer and text are still open. @returns whether it was kept */
  store: (loaded: LoadedReply) => boolean;
  /** Replaces the reply of a document and layer with the service's later answer (a rejection's). */
  update: (docId: DocId, layer: string | undefined, reply: SuggestionsReply) => void;
  /** Hides the open document's suggestions. */
  hide: () => void;
}>;

/** A document and layer as one string (what Hide remembers). */
const placeOf = (docId: DocId, layer: string | undefined) => `${docId}\u0000${layer ?? ''}`;

/** Is `loaded` for what `session` has open? */
const isFor = (loaded: LoadedReply, session: DocumentSession | null) =>
  session !== null && loaded.docId === session.doc.id && loaded.layer === session.layer && loaded.text === session.doc.text;

/**
 * @param session the open layer's session
 * @param isOwnLayer false where no suggestions are shown (someone else's layer, curating): nothing is read
 * @param onError told when the reply cannot be read, or names a damaged suggestions file
 */
export function useSuggestionReply(
  api: ClaimdeskApi,
  session: DocumentSession | null,
  isOwnLayer: boolean,
  onError: (message: string) => void,
): SuggestionReply {
  const [loaded, setLoaded] = useState<LoadedReply | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const latest = useLatest({ session, onError });
  const docId = session?.doc.id ?? null;
  const layer = session?.layer;
  const text = session?.doc.text ?? null;

  useEffect(() => {
    if (docId === null || text === null || !isOwnLayer) return;
    let wanted = true;
    // Asked after the frame that shows the article (#14): starting the request took ~3 ms of the open.
    const cancel = afterNextPaint(() =>
      api.getSuggestions({ docId, ...layerArg(layer) }).then(
        (reply) => {
          if (!wanted) return;
          setLoaded({ docId, layer, text, reply });
          if (reply.problem) latest.current.onError(reply.problem);
        },
        (err: unknown) => wanted && latest.current.onError(describeError('Could not read the suggestions for this article', err)),
      ),
    );
    return () => {
      wanted = false;
      cancel();
    };
  }, [api, docId, layer, text, isOwnLayer, latest]);

  const store = useCallback(
    (next: LoadedReply) => {
      if (!isFor(next, latest.current.session)) return false;
      setLoaded(next);
      const place = placeOf(next.docId, next.layer);
      setHidden((h) => (h.has(place) ? new Set([...h].filter((p) => p !== place)) : h));
      return true;
    },
    [latest],
  );
  const update = useCallback(
    (id: DocId, name: string | undefined, reply: SuggestionsReply) =>
      setLoaded((l) => (l && l.docId === id && l.layer === name ? { ...l, reply } : l)),
    [],
  );
  const hide = useCallback(() => {
    const open = latest.current.session;
    if (open) setHidden((h) => new Set([...h, placeOf(open.doc.id, open.layer)]));
  }, [latest]);

  const current = loaded && isOwnLayer && isFor(loaded, session) ? loaded : null;
  return { current, isHidden: current !== null && hidden.has(placeOf(current.docId, current.layer)), store, update, hide };
}
