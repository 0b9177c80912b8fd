/**
 * Annotations per label over the whole workspace, from the index rows (and this window's patches),
 * for the schema editor: every layer's counts (the summaries in each row's `layers`), since saving
 * the schema renames or deletes a label's annotations in every layer, not only the analyst's own.
 * Computed only while wanted; reads no document.
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
    for (const listed of rows) {
      const row = patches.get(listed.id) ?? listed;
      for (const summary of Object.values(row.layers)) for (const [label, n] of Object.entries(summary.labelCounts)) bump(counts, label, n);
    }
    return counts;
  }, [rows, patches, isWanted]);
}
