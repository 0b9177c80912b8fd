/**
 * Annotations per label over the whole workspace, from the index rows (and this window's patches),
 * for the schema editor. Computed only while wanted; reads no document.
 */
import { useMemo } from 'react';
import { bump, counter } from '../../shared/model/keys';
import type { DocId, DocumentRow } from '../../shared/model/types';

/** Annotations per label over the whole workspace (from the index rows), computed when `isWanted`. */
export function useLabelCounts(
  rows: readonly DocumentRow[] | null,
  patches: ReadonlyMap<DocId, DocumentRow>,
  isWanted: boolean,
): Record<string, number> {
  return useMemo(() => {
    const counts = counter();
    if (!isWanted || !rows) return counts;
    for (const row of rows) for (const [label, n] of Object.entries((patches.get(row.id) ?? row).labelCounts ?? {})) bump(counts, label, n);
    return counts;
  }, [rows, patches, isWanted]);
}
