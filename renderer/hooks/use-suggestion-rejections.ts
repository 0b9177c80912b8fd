/**
 * Rejecting suggestions (#15) through the service (rejectSuggestions): the keys rejected here
 * whose answer has not come yet (so a rejected suggestion goes at once), the last one rejected
 * (Shift+X takes it back), and the calls, one at a time in the order asked (x, Shift+X, x must
 * end rejected). A refusal (a damaged suggestions file, another's layer) shows the suggestion
 * again and says why. The last rejection is kept with its document and layer, and forgotten
 * (with what is pending) when another document or layer is opened. No DOM.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimdeskApi, SuggestionsReply } from '../../shared/api';
import type { DocId } from '../../shared/model/types';
import type { Suggestion, SuggestionKey } from '../../shared/suggest/types';
import type { DocumentSession } from '../state/document-session';
import { describeError } from '../util/format';
import { useLatest } from './use-latest';

/** A rejection, with the document and layer it was made in. */
export type Rejection = Readonly<{ docId: DocId; layer: string | undefined; suggestion: Suggestion }>;

export type SuggestionRejections = Readonly<{
  /** Keys rejected here whose answer has not come yet. */
  pending: ReadonlySet<SuggestionKey>;
  /** The last rejection in the open document and layer, until taken back. */
  last: Rejection | null;
  /** Rejects `s` in the session's layer, or (undo) takes its rejection back. */
  send: (s: Suggestion, undo: boolean) => void;
}>;

/** The layer argument of a call: absent for the service's default layer. */
export const layerArg = (layer: string | undefined) => (layer === undefined ? {} : { layer });

const NO_KEYS: ReadonlySet<SuggestionKey> = new Set();

/**
 * @param session the open layer's session (its document and layer are the ones rejected in)
 * @param onReply the service's answer to each call, for the document and layer it was made in
 * @param onError told when a call is refused or fails
 */
export function useSuggestionRejections(
  api: ClaimdeskApi,
  session: DocumentSession | null,
  onReply: (docId: DocId, layer: string | undefined, reply: SuggestionsReply) => void,
  onError: (message: string) => void,
): SuggestionRejections {
  const [pending, setPending] = useState<ReadonlySet<SuggestionKey>>(NO_KEYS);
  const [last, setLast] = useState<Rejection | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const latest = useLatest({ session, onReply, onError });
  const docId = session?.doc.id ?? null;
  const layer = session?.layer;
  // Another document or layer: what was rejected in the last one is not this one's to take back.
  useEffect(() => {
    setLast(null);
    setPending(NO_KEYS);
  }, [docId, layer]);

  const send = useCallback(
    (s: Suggestion, undo: boolean) => {
      const { session: target } = latest.current;
      if (!target) return;
      const id = target.doc.id;
      const name = target.layer;
      if (undo) setLast(null);
      else {
        setPending((p) => new Set([...p, s.key]));
        setLast({ docId: id, layer: name, suggestion: s });
      }
      const forget = () =>
        setPending((p) => {
          const next = new Set(p);
          next.delete(s.key);
          return next;
        });
      queue.current = queue.current.then(() =>
        api.rejectSuggestions({ docId: id, ...layerArg(name), keys: [s.key], ...(undo ? { undo: true } : {}) }).then(
          (reply) => {
            latest.current.onReply(id, name, reply);
            forget();
          },
          (err: unknown) => {
            forget();
            latest.current.onError(
              describeError(undo ? 'Could not take the rejection back' : 'Could not reject the suggestion (it is shown again)', err),
            );
          },
        ),
      );
    },
    [api, latest],
  );

  return { pending, last, send };
}
