/**
 * The workspace claims table (#12): every claim of one layer across the workspace, one row each
 * with its document's title and offsets (code points, as the exports count them) before the
 * per-document table's columns, in the shared grid (sorting, selection, Copy as TSV with the
 * document and offsets). A filter narrows the rows to those whose cells (title included) hold
 * every word typed; a layer choice (the analyst's own first) picks whose claims are listed. A
 * click selects the claim when its document and layer are the ones open; double-click or Enter
 * opens the document there and jumps to the claim. Documents whose layer could not be read are
 * named above the grid. The rows come from the service (listClaims).
 */
import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import type { ClaimdeskApi, WorkspaceClaimRow } from '../../shared/api';
import { claimColumns, type ClaimColumn, type ClaimRow } from '../../shared/model/claims-table';
import type { DocumentRow, LayerSummary, Schema } from '../../shared/model/types';
import { CLAIM_LABEL } from '../../shared/model/vocabulary';
import type { ClaimJumpTarget } from '../hooks/use-claim-jump';
import { useWorkspaceClaims } from '../hooks/use-workspace-claims';
import { layerEntries } from '../state/layer-access';
import { formatQuantity } from '../util/format';
import { claimTrack } from './ClaimsTable';
import { ClaimsTableGrid, type ColumnTrack } from './ClaimsTableGrid';

export type WorkspaceClaimsProps = Readonly<{
  api: ClaimdeskApi;
  schema: Schema;
  /** The document list (the layers it names are the layers offered). */
  documents: readonly DocumentRow[];
  /** The analyst's own layer. */
  annotator: string;
  /** The layer listed first: the one shown for the open document, else the analyst's own. */
  initialLayer: string;
  /** The workspace's revision: a new one reads the claims again. */
  revision: number | null;
  /** A click on a row. */
  onSelect: (target: ClaimJumpTarget) => void;
  /** Double-click or Enter on a row. */
  onJump: (target: ClaimJumpTarget) => void;
  /** Controls for the toolbar (the This document / All documents switch). */
  toolbar?: ReactNode;
}>;

/** The columns before the per-document ones. */
const LEAD_COLUMNS: readonly (readonly [ClaimColumn, ColumnTrack])[] = [
  [{ id: 'document', title: 'Document', isNumeric: false }, [180, 'minmax(180px, 1.5fr)']],
  [{ id: 'start', title: 'Start', isNumeric: true }, [64, '64px']],
  [{ id: 'end', title: 'End', isNumeric: true }, [64, '64px']],
];

/** A grid row's id: document and claim (claim ids repeat across documents). */
const rowIdOf = (row: WorkspaceClaimRow) => `${row.docId}/${row.claimId}`;

/** Renders the workspace claims table. */
export function WorkspaceClaims(props: WorkspaceClaimsProps) {
  const { api, schema, documents, annotator, revision, onSelect, onJump, toolbar } = props;
  const [layer, setLayer] = useState(props.initialLayer);
  const [filter, setFilter] = useState('');
  const layerId = useId();
  const { list, isLoading, error } = useWorkspaceClaims(api, layer, revision);

  const layers = useMemo(() => {
    const all: Record<string, LayerSummary> = {};
    for (const row of documents) Object.assign(all, row.layers);
    return layerEntries(all, annotator).map((e) => e.name);
  }, [documents, annotator]);
  const claimCols = useMemo(() => claimColumns(schema), [schema]);
  const columns = useMemo(() => [...LEAD_COLUMNS.map(([c]) => c), ...claimCols], [claimCols]);
  const tracks = useMemo(() => [...LEAD_COLUMNS.map(([, t]) => t), ...claimCols.map((c) => claimTrack(c, schema))], [claimCols, schema]);

  const byId = useMemo(() => new Map((list?.rows ?? []).map((r) => [rowIdOf(r), r])), [list]);
  const allRows = useMemo(
    () =>
      (list?.rows ?? []).map((r): ClaimRow => ({
        id: rowIdOf(r),
        start: r.startCp,
        end: r.endCp,
        cells: [r.title, String(r.startCp), String(r.endCp), ...r.cells],
      })),
    [list],
  );
  const rows = useMemo(() => {
    const words = filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return allRows;
    return allRows.filter((r) => {
      const text = r.cells.join('\n').toLocaleLowerCase();
      return words.every((w) => text.includes(w));
    });
  }, [allRows, filter]);

  const targetOf = useCallback(
    (rowId: string): ClaimJumpTarget | null => {
      const row = byId.get(rowId);
      return row && list ? { docId: row.docId, claimId: row.claimId, layer: list.layer } : null;
    },
    [byId, list],
  );
  const isMissingSource = useCallback((rowId: string) => byId.get(rowId)?.isUnsourced === true, [byId]);
  const select = useCallback(
    (rowId: string) => {
      const target = targetOf(rowId);
      if (target) onSelect(target);
    },
    [targetOf, onSelect],
  );
  const jump = useCallback(
    (rowId: string) => {
      const target = targetOf(rowId);
      if (target) onJump(target);
    },
    [targetOf, onJump],
  );

  let emptyText = 'No claims in this layer yet. Tag a passage as Claim in any document and it appears here.';
  if (!list && isLoading) emptyText = 'Reading the claims of every document…';
  else if (!list && error) emptyText = error;
  else if (allRows.length > 0) emptyText = 'No claim matches the filter.';

  return (
    <div className="cd-claims-workspace">
      {list && list.problems.length > 0 && (
        <div className="cd-notice cd-claims-problems" role="alert" aria-label="Documents not read">
          {formatQuantity(list.problems.length, 'document')} could not be read, so their claims are not listed:{' '}
          {list.problems.map((p) => `“${p.title}” (${p.message})`).join('; ')}
        </div>
      )}
      {list && error && (
        <div className="cd-notice cd-claims-problems" role="alert">
          {error}. The rows shown are from before.
        </div>
      )}
      <ClaimsTableGrid
        title="Claims"
        columns={columns}
        rows={rows}
        tracks={tracks}
        labelColor={schema.labels.find((l) => l.name === CLAIM_LABEL)?.color}
        isMissingSource={isMissingSource}
        onSelect={select}
        onJump={jump}
        emptyText={emptyText}
        toolbar={
          <>
            {toolbar}
            <label className="cd-claims-layer" htmlFor={layerId}>
              Layer
            </label>
            <select id={layerId} className="cd-input cd-claims-layer-select" value={layer} onChange={(e) => setLayer(e.target.value)}>
              {layers.map((name) => (
                <option key={name} value={name}>
                  {name === annotator ? `${name} (you)` : name}
                </option>
              ))}
            </select>
            <input
              type="search"
              className="cd-input cd-claims-filter"
              placeholder="Filter claims…"
              title="Shows the rows holding every word typed, in any column (document title included)"
              aria-label="Filter claims"
              value={filter}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setFilter(e.target.value)}
            />
            {isLoading && list && <span className="cd-claims-count">Updating…</span>}
          </>
        }
      />
    </div>
  );
}
