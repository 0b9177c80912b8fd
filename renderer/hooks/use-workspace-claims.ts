/**
 * The workspace claims table's rows (#12): asked of the service (listClaims) for one layer, and
 * again as the workspace changes, at most once a second (CLAIMS_REFRESH_MS): a colleague typing
 * saves every few keystrokes, and a whole re-read scans every document's layer. A change the change
 * feed names a document for re-reads only that document's claims (listClaims with `docIds`) and
 * merges them in; the whole list is read again after a schema edit, an import, a restore or a
 * deletion, when the feed's stream (re)opens, and when the workspace's revision passes what the feed
 * reported (a change by another program, or a window without a feed). The rows shown stay until the
 * new ones arrive; one read runs at a time (changes made meanwhile wait for the next). The service
 * reads the layers and builds the rows; nothing is computed here.
 */
import { useEffect, useRef, useState } from 'react';
import type { ClaimdeskApi, ClaimList } from '../../shared/api';
import type { DocId } from '../../shared/model/types';
import { changeSourceOf } from '../api/change-stream';
import { mergeClaimList } from '../state/claim-list-merge';
import { describeError } from '../util/format';

/** How long changes are gathered before the claims are read again. */
export const CLAIMS_REFRESH_MS = 1000;

export type WorkspaceClaimsState = Readonly<{
  /** The last list that arrived, or null before the first. */
  list: ClaimList | null;
  /** True while a list is being read. */
  isLoading: boolean;
  /** Why the last request failed, or null. */
  error: string | null;
}>;

/**
 * What the next read must cover: everything (`isFull`: a schema edit, an import, the stream (re)opened),
 * the documents the feed named, and a revision the poll saw (read in full unless the feed reports it by then).
 */
type Wanted = { isFull: boolean; docIds: Set<DocId>; revision: number };

/**
 * @param layer the layer whose claims are listed
 * @param revision the workspace's revision: one the change feed does not report reads the list again
 */
export function useWorkspaceClaims(api: ClaimdeskApi, layer: string, revision: number | null): WorkspaceClaimsState {
  const [state, setState] = useState<WorkspaceClaimsState>({ list: null, isLoading: true, error: null });
  /** The latest revision whose changes are read or asked for (by the feed's events, or a whole read). */
  const covered = useRef(revision ?? 0);
  /** Asks for a read of what the change names (set while the layer's effect runs). */
  const request = useRef<(change: Partial<Wanted>) => void>(() => undefined);

  useEffect(() => {
    let isCurrent = true;
    let list: ClaimList | null = null;
    let wanted: Wanted | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isReading = false;
    const read = async (isFull: boolean, docIds: ReadonlySet<DocId>): Promise<void> => {
      isReading = true;
      setState((s) => ({ ...s, isLoading: true }));
      try {
        const fresh = await api.listClaims(isFull ? { layer } : { layer, docIds: [...docIds] });
        if (!isCurrent) return;
        const merged = isFull || list === null ? fresh : mergeClaimList(list, fresh, docIds);
        if (merged === null) return await read(true, docIds);
        list = merged;
        setState({ list, isLoading: false, error: null });
      } catch (err) {
        if (isCurrent) setState((s) => ({ ...s, isLoading: false, error: describeError('Could not list the claims', err) }));
      } finally {
        isReading = false;
      }
    };
    const flush = () => {
      // One read at a time, so that the answer to one document's read never overtakes another's: the next waits.
      if (isReading) return void (timer = setTimeout(flush, CLAIMS_REFRESH_MS));
      timer = undefined;
      const want = wanted!;
      wanted = null;
      // A revision the feed has reported meanwhile is read by document.
      const isFull = want.isFull || want.revision > covered.current || list === null;
      covered.current = Math.max(covered.current, want.revision);
      if (isFull || want.docIds.size > 0) void read(isFull, want.docIds);
    };
    request.current = (change) => {
      wanted ??= { isFull: false, docIds: new Set(), revision: 0 };
      if (change.isFull) wanted.isFull = true;
      change.docIds?.forEach((d) => wanted!.docIds.add(d));
      wanted.revision = Math.max(wanted.revision, change.revision ?? 0);
      timer ??= setTimeout(flush, CLAIMS_REFRESH_MS);
    };
    void read(true, new Set());
    const source = changeSourceOf(api);
    const unsubscribe = source?.subscribe({
      onOpen: () => request.current({ isFull: true }),
      onChange: (event) => {
        covered.current = Math.max(covered.current, event.revision);
        if (event.kind !== 'changes' || event.docId === undefined) request.current({ isFull: true });
        // Another layer's change leaves this layer's claims as they are; an article change (no layer) may not.
        else if (event.layer === undefined || event.layer === layer) request.current({ docIds: new Set([event.docId]) });
      },
    });
    return () => {
      isCurrent = false;
      clearTimeout(timer);
      unsubscribe?.();
      request.current = () => undefined;
    };
  }, [api, layer]);

  useEffect(() => {
    if (revision !== null && revision > covered.current) request.current({ revision });
  }, [revision]);
  return state;
}
