/**
 * The candidates the curator rejected in one document (#11). The curated layer holds what is
 * accepted; a rejection is the curator's note that a candidate stays out, kept in this window's
 * localStorage under the workspace's path and the document's id, so it survives a reload (not
 * another machine: it is not part of the workspace). A storage that refuses the write keeps the
 * rejection for this window's lifetime.
 */
import { useCallback, useState } from 'react';
import type { DocId } from '../../shared/model/types';

export type Rejections = Readonly<{
  /** The rejected candidates' keys. */
  rejected: ReadonlySet<string>;
  /** Rejects (true) or takes back the rejection of (false) the candidate with `key`. */
  setRejected: (key: string, isRejected: boolean) => void;
}>;

/** The localStorage key of a document's rejections (NUL cannot be in a path or an id). */
export const rejectionsStorageKey = (workspacePath: string, docId: DocId): string =>
  `claimdesk.curation.rejected\u0000${workspacePath}\u0000${docId}`;

const NONE: ReadonlySet<string> = new Set();

function read(storageKey: string | null): ReadonlySet<string> {
  if (storageKey === null) return NONE;
  try {
    const raw = window.localStorage.getItem(storageKey);
    const keys: unknown = raw === null ? [] : JSON.parse(raw);
    return Array.isArray(keys) ? new Set(keys.filter((k): k is string => typeof k === 'string')) : NONE;
  } catch {
    return NONE; // unreadable (storage disabled, or text another program wrote): nothing rejected yet
  }
}

/**
 * @param workspacePath the open workspace's folder, or null before it is known
 * @param docId the document being curated, or null
 */
export function useCurationRejections(workspacePath: string | null, docId: DocId | null): Rejections {
  const storageKey = workspacePath === null || docId === null ? null : rejectionsStorageKey(workspacePath, docId);
  const [state, setState] = useState(() => ({ storageKey, rejected: read(storageKey) }));
  // Another document (or workspace) starts from what is stored for it.
  const current = state.storageKey === storageKey ? state : { storageKey, rejected: read(storageKey) };
  if (current !== state) setState(current);

  const setRejected = useCallback(
    (key: string, isRejected: boolean) => {
      setState((s) => {
        if (s.storageKey !== storageKey || s.rejected.has(key) === isRejected) return s;
        const next = new Set(s.rejected);
        if (isRejected) next.add(key);
        else next.delete(key);
        if (storageKey !== null) {
          try {
            if (next.size === 0) window.localStorage.removeItem(storageKey);
            else window.localStorage.setItem(storageKey, JSON.stringify([...next]));
          } catch {
            // Storage full or disabled: the rejection holds in this window until it closes.
          }
        }
        return { storageKey, rejected: next };
      });
    },
    [storageKey],
  );

  return { rejected: current.rejected, setRejected };
}
