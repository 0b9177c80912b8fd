/**
 * The claims table of one document: one row per Claim with its text, its attributes (one column
 * each, in schema order; "unset" where nobody set one), the text of its linked sources and its
 * cue, in the shared grid (ClaimsTableGrid: sorting, selection, TSV copy). A click (or an arrow
 * key) selects the claim for the details panel; double-click or Enter jumps to it in the article.
 */
import { useCallback, useMemo, type ReactNode } from 'react';
import { claimColumns, claimRows, type ClaimColumn } from '../../shared/model/claims-table';
import { CLAIM_LABEL, unsourcedClaimIds } from '../../shared/model/vocabulary';
import type { DocumentData, Schema } from '../../shared/model/types';
import { ClaimsTableGrid, type ColumnTrack } from './ClaimsTableGrid';

/** The document whose claims are listed and its schema; the table fills its container. */
export type ClaimsTableProps = Readonly<{
  doc: DocumentData;
  schema: Schema;
  /** Selects the claim (the details panel shows it): a click on its row, or the arrow keys reaching it. */
  onSelect: (id: string) => void;
  /** Jumps to the claim in the article: double-click or Enter. */
  onJump: (id: string) => void;
  /** Controls for the toolbar (the This document / All documents switch). */
  toolbar?: ReactNode;
}>;

/** The minimum and flexible width of a claims column (the claim, an attribute, sources, cue), as a CSS grid track. */
export function claimTrack(column: ClaimColumn, schema: Schema): ColumnTrack {
  if (column.id === 'claim') return [300, 'minmax(300px, 3fr)'];
  if (column.id === 'sources') return [160, 'minmax(160px, 1.4fr)'];
  if (column.id === 'cue') return [96, 'minmax(96px, 0.8fr)'];
  const name = column.id.slice('attr:'.length);
  const def = schema.labels.find((l) => l.name === CLAIM_LABEL)?.attributes.find((a) => a.name === name);
  const min = Math.max(def?.kind === 'text' || def?.kind === 'multi' ? 140 : 92, Math.round(column.title.length * 7.2) + 30);
  return [min, `minmax(${min}px, 1fr)`];
}

/** Renders the table for the claims of `doc`. */
export function ClaimsTable({ doc, schema, onSelect, onJump, toolbar }: ClaimsTableProps) {
  const columns = useMemo(() => claimColumns(schema), [schema]);
  const rows = useMemo(() => claimRows(doc, schema), [doc, schema]);
  const unsourced = useMemo(() => unsourcedClaimIds(doc), [doc]);
  const tracks = useMemo(() => columns.map((c) => claimTrack(c, schema)), [columns, schema]);
  const isMissingSource = useCallback((id: string) => unsourced.has(id), [unsourced]);
  return (
    <ClaimsTableGrid
      title="Claims"
      columns={columns}
      rows={rows}
      tracks={tracks}
      labelColor={schema.labels.find((l) => l.name === CLAIM_LABEL)?.color}
      isMissingSource={isMissingSource}
      onSelect={onSelect}
      onJump={onJump}
      toolbar={toolbar}
      emptyText="No claims yet. Tag a passage as Claim and it appears here."
    />
  );
}
