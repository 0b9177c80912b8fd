/**
 * The candidates the curator rejected in one document (#11). The curated layer holds what is
 * accepted and, in its `rejected` field, the keys of what was rejected, so every curator of the
 * workspace sees them (they travel through git with the layer), and taking one back or rejecting
 * one is an operation like any other: saved, and undone by Undo.
 */
import { useMemo } from 'react';
import type { Operation } from '../../shared/model/operations';
import type { DocumentData } from '../../shared/model/types';

export type Rejections = Readonly<{
  /** The rejected candidates' keys. */
  rejected: ReadonlySet<string>;
  /**
   * The operations that reject (true) or take back the rejection of (false) the candidate with
   * `key` in the curated layer `curated`: [] when it is so already.
   */
  rejectOps: (curated: DocumentData, key: string, isRejected: boolean) => Operation[];
}>;

const NONE: ReadonlySet<string> = new Set();

/** The operations that set a candidate's rejection in the curated layer. */
function rejectOps(curated: DocumentData, key: string, isRejected: boolean): Operation[] {
  const before = curated.rejected ?? [];
  if (before.includes(key) === isRejected) return [];
  const after = isRejected ? [...before, key].sort() : before.filter((k) => k !== key);
  return [{ op: 'updateDocument', before: { rejected: before }, after: { rejected: after } }];
}

/** @param curated the curated layer being curated, or null */
export function useCurationRejections(curated: DocumentData | null): Rejections {
  const list = curated?.rejected;
  const rejected = useMemo(() => (list && list.length > 0 ? new Set(list) : NONE), [list]);
  return { rejected, rejectOps };
}
