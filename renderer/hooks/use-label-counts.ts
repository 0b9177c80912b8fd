/**
 * Annotations per label over the whole workspace, from the index rows (and this window's patches),
 * for the schema editor: each row's counts of the analyst's own layer (its summary in `layers`).
 * Computed only while wanted; reads no document.
 */
import { useMemo } from 'react';
import { bump, counter } from '../../shared/model/keys';
import { summaryIn } from '../../shared/model/layers';
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
    for (const listed of rows) {
      const row = patches.get(listed.id) ?? listed;
      for (const [label, n] of Object.entries(summaryIn(row.layers, row.layer).labelCounts)) bump(counts, label, n);
    }
    return counts;
  }, [rows, patches, isWanted]);
}
