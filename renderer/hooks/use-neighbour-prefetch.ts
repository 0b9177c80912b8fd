/**
 * Loads documents before the window renders their opening (#14): before any is open, those on
 * the list's first screen (the analyst's first pick is one of them); then the documents next to
 * the active row of the list (and that row itself), so that going through the list (Down, Enter;
 * or a click on the next row) draws the next article at once instead of waiting for the service;
 * and the document the analyst just asked for, from the event that asked, so the service reads
 * it while the window renders the change. The neighbours wait for an idle moment with no
 * document being opened, so they never hold up the open the analyst asked for. Long articles are
 * not loaded into the window (each kept session holds its document): the service reads them
 * ahead instead (`readAhead`), so their open does not wait for their files.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { ClaimdeskApi } from '../../shared/api';
import { layerKey } from '../../shared/model/layers';
import type { DocId, DocumentRow } from '../../shared/model/types';
import type { SessionRegistry } from '../state/session-registry';
import { useLatest } from './use-latest';

/** Longest article (characters) loaded ahead: a typical news article is 5 KB; a 1 MB one would hold 20 MB for a visit that may never come. */
const MAX_PREFETCH_CHARS = 200_000;

export type NeighbourPrefetch = Readonly<{
  /** The list's active row and its neighbours changed (ids in list order, the active one included). */
  onNeighbours: (ids: readonly DocId[]) => void;
  /**
   * A document is being opened (in the analyst's own layer, where a newly opened document starts): ask for it now.
   * @returns settles once it is loaded or its load failed (never rejects)
   */
  loadNow: (id: DocId) => Promise<void>;
  /** Whether a document is loaded in the analyst's own layer (its open needs no answer from the service). */
  isLoaded: (id: DocId) => boolean;
}>;

/**
 * @param api where long articles are read ahead
 * @param registry the window's sessions (a prefetched document's session is kept there)
 * @param annotator the analyst's own layer (a document opens in it), or null until known
 * @param rowOf the list row of a document (its length), or null
 * @param isOpening true while the open document is being fetched: loads wait until it is done
 */
export function useNeighbourPrefetch(
  api: ClaimdeskApi,
  registry: SessionRegistry,
  annotator: string | null,
  rowOf: (id: DocId) => DocumentRow | null,
  isOpening: boolean,
): NeighbourPrefetch {
  const latest = useLatest({ annotator, rowOf, isOpening });
  const wanted = useRef<readonly DocId[]>([]);
  const scheduled = useRef<number | null>(null);
  /** Long articles the service was asked to read ahead, per layer (once is enough: it keeps them). */
  const readAhead = useRef(new Set<string>());

  const run = useCallback(() => {
    scheduled.current = null;
    const { annotator: me, rowOf: row, isOpening: busy } = latest.current;
    if (me === null) return;
    if (busy) {
      scheduled.current = requestIdleCallback(run);
      return;
    }
    const long: DocId[] = [];
    for (const docId of wanted.current) {
      const ref = { docId, layer: me, annotator: me };
      if ((row(docId)?.length ?? Infinity) <= MAX_PREFETCH_CHARS) {
        if (!registry.get(ref)) registry.prefetch(ref);
      } else if (!readAhead.current.has(layerKey(docId, me))) long.push(docId);
    }
    if (long.length === 0) return;
    for (const docId of long) readAhead.current.add(layerKey(docId, me));
    // Not waited for, and a failure is not reported: opening the document reads it (again) and says what went wrong.
    api.readAhead({ docIds: long, layer: me }).catch(() => undefined);
  }, [api, latest, registry]);

  useEffect(
    () => () => {
      if (scheduled.current !== null) cancelIdleCallback(scheduled.current);
    },
    [],
  );

  const onNeighbours = useCallback(
    (ids: readonly DocId[]) => {
      wanted.current = ids;
      scheduled.current ??= requestIdleCallback(run);
    },
    [run],
  );
  const loadNow = useCallback(
    (docId: DocId) => {
      const me = latest.current.annotator;
      return me === null ? Promise.resolve() : registry.prefetch({ docId, layer: me, annotator: me });
    },
    [latest, registry],
  );
  const isLoaded = useCallback(
    (docId: DocId) => {
      const me = latest.current.annotator;
      return me !== null && registry.get({ docId, layer: me, annotator: me }) !== undefined;
    },
    [latest, registry],
  );
  return { onNeighbours, loadNow, isLoaded };
}
