/**
 * The status of every layer of a document in its list row (#11): while the analyst's own layer is
 * the only one, its status badge (New, In progress, Done); once others annotated it too, one chip
 * per layer instead, the analyst's own first (ringed), then the other annotators by name, then the
 * curated layer, each named "ann: done" for assistive technology and in its tooltip. A count of
 * merge conflicts in the analyst's own layer follows.
 */
import type { DocumentRow } from '../../shared/model/types';
import { layerEntries } from '../state/layer-access';
import { formatQuantity } from '../util/format';
import { LayerChip } from './LayerChip';
import { StatusBadge } from './StatusBadge';
import './LayerChips.css';

/** Renders the row's layers' statuses. */
export function LayerChips({ row }: Readonly<{ row: DocumentRow }>) {
  const entries = layerEntries(row.layers, row.layer);
  const conflicts = entries[0]?.summary?.conflictCount ?? 0;
  const conflictBadge = conflicts > 0 && (
    <span className="cd-layerchips-conflicts" role="img" aria-label={`${formatQuantity(conflicts, 'merge conflict')} in your layer`}>
      <span aria-hidden="true">⚠ {conflicts}</span>
    </span>
  );
  if (entries.length === 1)
    return (
      <span className="cd-layerchips">
        <StatusBadge status={row.status} />
        {conflictBadge}
      </span>
    );
  return (
    <span className="cd-layerchips">
      {entries.map((e) => (
        <LayerChip
          key={e.name}
          name={e.name}
          status={e.isOwn ? row.status : (e.summary?.status ?? 'new')}
          isOwn={e.isOwn}
          isCurated={e.isCurated}
          detail={formatQuantity(e.isOwn ? row.annotationCount : (e.summary?.annotationCount ?? 0), 'annotation')}
        />
      ))}
      {conflictBadge}
    </span>
  );
}
