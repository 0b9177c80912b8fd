/**
 * Opening a document from the list (#14): one loaded already (ahead, see use-neighbour-prefetch)
 * opens in the click (or Enter) itself, in the same render as the list's; otherwise its load
 * starts there, and the window switches to it once it has arrived, in one render, instead of first rendering the
 * whole window around "Opening…" (that render held back the handling of the answer by 10-20 ms
 * for a typical article). The list's active row moves at once; a document that takes longer
 * than OPEN_WAIT_MS shows "Opening…" meanwhile; an open made meanwhile (from the list or
 * anywhere else) wins over one still on its way.
 */
import { useCallback, useRef } from 'react';
import type { DocId } from '../../shared/model/types';
import { useLatest } from './use-latest';

/** How long the window keeps showing what it showed while the next document loads (RAIL: a response within 100 ms feels immediate). */
const OPEN_WAIT_MS = 50;

/**
 * @param openId the open document
 * @param load starts loading a document; settles once it is loaded or failed
 * @param open switches the window to a document (what any open does)
 * @param isLoaded whether a document is loaded already (then it opens in the event itself, in the list's own render)
 * @returns what the list calls to open a document
 */
export function useListOpen(
  openId: DocId | null,
  load: (id: DocId) => Promise<void>,
  open: (id: DocId) => void,
  isLoaded: (id: DocId) => boolean,
): (id: DocId) => void {
  const latest = useLatest({ openId, load, open, isLoaded });
  const wanted = useRef<{ id: DocId; from: DocId | null } | null>(null);
  return useCallback(
    (id: DocId) => {
      if (latest.current.isLoaded(id)) {
        wanted.current = null; // an earlier open still on its way loses
        latest.current.open(id);
        return;
      }
      const from = latest.current.openId;
      const target = { id, from };
      wanted.current = target;
      const finish = () => {
        // Only the latest list open, and only while no other open changed the document meanwhile.
        if (wanted.current !== target || latest.current.openId !== from) return;
        wanted.current = null;
        latest.current.open(id);
      };
      void latest.current.load(id).then(finish);
      setTimeout(finish, OPEN_WAIT_MS);
    },
    [latest, wanted],
  );
}
