/**
 * The grid both claims tables show (#12: one document's, and the whole workspace's): rows of
 * claims with one column each, sortable by a click on a header (ascending, descending, as
 * given), selected like a desktop list (click, Shift+click range, Ctrl/Cmd+click toggle, arrows,
 * Ctrl/Cmd+A) and copied as TSV with the button or Ctrl/Cmd+C. A click or an arrow key on a row
 * selects its claim (onSelect); double-click or Enter jumps to it (onJump). Rows are windowed, so
 * thousands of claims cost the same as twenty. Knows nothing about where the rows come from.
 */
import { useEffect, useId, useMemo, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { claimsTsv, isUnsetCell, nextSort, sortClaimRows, type ClaimColumn, type ClaimRow, type ClaimSort } from '../../shared/model/claims-table';
import { UNSET } from '../../shared/model/schema-rules';
import { useWindowedList } from '../hooks/use-windowed-list';
import { copyToClipboard } from '../util/clipboard';
import { formatCount, formatQuantity } from '../util/format';
import './ClaimsTable.css';

/** Row and header heights in CSS pixels; ClaimsTable.css sizes them to match. */
const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 32;
/** How long "Copied ..." stays in the toolbar. */
const NOTICE_MS = 4000;

/** A column's minimum width in pixels and its CSS grid track. */
export type ColumnTrack = readonly [number, string];

export type ClaimsTableGridProps = Readonly<{
  /** The toolbar's heading. */
  title: string;
  columns: readonly ClaimColumn[];
  /** The rows in their unsorted order; ids unique among them. */
  rows: readonly ClaimRow[];
  /** One track per column. */
  tracks: readonly ColumnTrack[];
  /** The Claim label's colour (the claim column's edge). */
  labelColor?: string;
  /** True for a row whose claim needs a source and has none (its empty Sources cell says so). */
  isMissingSource: (rowId: string) => boolean;
  /** Selects the row's claim (the details panel shows it): a click on the row, or the arrow keys reaching it. */
  onSelect: (rowId: string) => void;
  /** Jumps to the row's claim in the article: double-click or Enter. */
  onJump: (rowId: string) => void;
  /** Controls shown in the toolbar after the heading. */
  toolbar?: ReactNode;
  /** What an empty grid says. */
  emptyText: string;
}>;

/** Renders the grid with its toolbar. */
export function ClaimsTableGrid(props: ClaimsTableGridProps) {
  const { title, columns, rows: baseRows, tracks, labelColor, isMissingSource, onSelect, onJump, toolbar, emptyText } = props;
  const baseId = useId();
  const rowId = (id: string) => `${baseId}-claim-${id}`;
  const [sort, setSort] = useState<ClaimSort | null>(null);
  const rows = useMemo(() => sortClaimRows(baseRows, columns, sort), [baseRows, columns, sort]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [anchorId, setAnchorId] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Readonly<{ text: string; isError: boolean }> | null>(null);

  const list = useWindowedList(rows.length, ROW_HEIGHT);
  const gridRef = list.ref;
  const minWidth = tracks.reduce((sum, [min]) => sum + min, 0);
  const gridStyle = {
    '--claims-columns': tracks.map(([, t]) => t).join(' '),
    '--claims-min-width': `${minWidth}px`,
    ...(labelColor ? { '--label-color': labelColor } : {}),
  } as CSSProperties;

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const positionOf = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  const selectedRows = rows.filter((r) => selected.has(r.id));
  let activeIndex = activeId === null ? -1 : (positionOf.get(activeId) ?? -1);
  if (activeIndex < 0 && rows.length > 0) activeIndex = 0;

  /** Scrolls just enough to show row `i` below the sticky header. */
  const revealRow = (i: number) => {
    const el = gridRef.current;
    if (!el) return;
    if (i * ROW_HEIGHT < el.scrollTop) el.scrollTop = i * ROW_HEIGHT;
    else if (HEADER_HEIGHT + (i + 1) * ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = HEADER_HEIGHT + (i + 1) * ROW_HEIGHT - el.clientHeight;
  };

  const rangeIds = (from: number, to: number) => rows.slice(Math.min(from, to), Math.max(from, to) + 1).map((r) => r.id);

  const onRowClick = (e: MouseEvent, row: ClaimRow, i: number) => {
    const anchor = anchorId === null ? -1 : (positionOf.get(anchorId) ?? -1);
    if (e.shiftKey && anchor >= 0) {
      const range = rangeIds(anchor, i);
      setSelected(e.ctrlKey || e.metaKey ? new Set([...selected, ...range]) : new Set(range));
    } else if (e.ctrlKey || e.metaKey) {
      const next = new Set(selected);
      if (!next.delete(row.id)) next.add(row.id);
      setSelected(next);
      setAnchorId(row.id);
    } else {
      setSelected(new Set([row.id]));
      setAnchorId(row.id);
    }
    setActiveId(row.id);
    onSelect(row.id);
  };

  const copy = (which: readonly ClaimRow[]) => {
    const chosen = which.length > 0 ? which : rows;
    if (chosen.length === 0) return;
    const what = which.length > 0 ? formatQuantity(chosen.length, 'row') : `all ${formatQuantity(chosen.length, 'row')}`;
    copyToClipboard(claimsTsv(columns, chosen)).then(
      () => setNotice({ text: `Copied ${what} as TSV`, isError: false }),
      (err: unknown) => setNotice({ text: `Could not copy: ${err instanceof Error ? err.message : String(err)}`, isError: true }),
    );
  };

  const moveTo = (target: number, extend: boolean) => {
    if (rows.length === 0) return;
    const i = Math.max(0, Math.min(rows.length - 1, target));
    const row = rows[i]!;
    setActiveId(row.id);
    onSelect(row.id);
    revealRow(i);
    if (extend) {
      const anchor = anchorId === null ? activeIndex : (positionOf.get(anchorId) ?? activeIndex);
      setSelected(new Set(rangeIds(anchor, i)));
      if (anchorId === null) setAnchorId(rows[anchor]?.id ?? null);
    } else {
      setSelected(new Set([row.id]));
      setAnchorId(row.id);
    }
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // keys on a header button are the button's
    const mod = e.ctrlKey || e.metaKey;
    const active = rows[activeIndex];
    if (mod && !e.altKey && (e.key === 'a' || e.key === 'A')) {
      e.preventDefault();
      setSelected(new Set(rows.map((r) => r.id)));
      return;
    }
    if (mod && !e.altKey && (e.key === 'c' || e.key === 'C')) {
      e.preventDefault();
      copy(selectedRows);
      return;
    }
    if (e.altKey || (mod && e.key !== ' ')) return;
    const page = Math.max(1, Math.floor((e.currentTarget.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1, e.shiftKey),
      ArrowUp: () => moveTo(activeIndex - 1, e.shiftKey),
      Home: () => moveTo(0, e.shiftKey),
      End: () => moveTo(rows.length - 1, e.shiftKey),
      PageDown: () => moveTo(activeIndex + page, e.shiftKey),
      PageUp: () => moveTo(activeIndex - page, e.shiftKey),
      ' ': () => {
        if (!active) return;
        const next = new Set(selected);
        if (!next.delete(active.id)) next.add(active.id);
        setSelected(next);
        setAnchorId(active.id);
      },
      Enter: () => active && onJump(active.id),
      Escape: () => setSelected(new Set()),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const rendered: number[] = [];
  for (let i = list.first; i < list.last; i++) rendered.push(i);
  // The active row stays in the DOM (for aria-activedescendant) even when scrolled away.
  if (activeIndex >= 0 && (activeIndex < list.first || activeIndex >= list.last)) rendered.push(activeIndex);

  const claimCount = rows.length;
  const selectionText =
    selectedRows.length === 0
      ? formatQuantity(claimCount, 'claim')
      : `${formatCount(selectedRows.length)} of ${formatQuantity(claimCount, 'claim')} selected`;
  const activeRow = rows[activeIndex];

  return (
    <div className="cd-claims">
      <div className="cd-claims-toolbar">
        <h2 className="cd-panel-title cd-claims-title">{title}</h2>
        {toolbar}
        <span className="cd-claims-count">{selectionText}</span>
        <span className="cd-claims-spacer" />
        <span className={notice?.isError ? 'cd-claims-notice is-error' : 'cd-claims-notice'} role="status">
          {notice?.text ?? ''}
        </span>
        <button
          type="button"
          className="cd-button cd-button--small"
          disabled={claimCount === 0}
          title={selectedRows.length > 0 ? 'Copy the selected rows, with the header, as tab-separated text' : 'Nothing selected: copies every row'}
          onClick={() => copy(selectedRows)}
        >
          Copy as TSV
        </button>
      </div>
      <div className="cd-claims-frame">
        <div
          ref={gridRef}
          role="grid"
          aria-label="Claims"
          aria-multiselectable="true"
          aria-rowcount={claimCount + 1}
          aria-colcount={columns.length}
          aria-activedescendant={activeRow ? rowId(activeRow.id) : undefined}
          tabIndex={0}
          className="cd-claims-grid"
          style={gridStyle}
          onScroll={list.onScroll}
          onKeyDown={onGridKey}
        >
          <div role="rowgroup" className="cd-claims-head">
            <div role="row" aria-rowindex={1} className="cd-claims-row cd-claims-row--head" style={{ height: HEADER_HEIGHT }}>
              {columns.map((c, ci) => {
                const direction = sort?.columnId === c.id ? sort.direction : undefined;
                return (
                  <div
                    key={c.id}
                    role="columnheader"
                    aria-colindex={ci + 1}
                    aria-sort={direction ?? 'none'}
                    className={c.isNumeric ? 'cd-claims-th is-numeric' : 'cd-claims-th'}
                  >
                    <button type="button" className="cd-claims-sort" title={`Sort by ${c.title}`} onClick={() => setSort((s) => nextSort(s, c.id))}>
                      <span className="cd-ellipsis">{c.title}</span>
                      <span className="cd-claims-sort-mark" aria-hidden="true">
                        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}
                      </span>
                    </button>
                  </div>
                );
              })}
            </div>
          </div>
          <div role="rowgroup" className="cd-claims-body" style={{ height: list.totalHeight }}>
            {rendered.map((i) => {
              const row = rows[i]!;
              const isSelected = selected.has(row.id);
              const classes = ['cd-claims-row', isSelected ? 'is-selected' : '', i === activeIndex ? 'is-active' : ''].filter(Boolean).join(' ');
              return (
                <div
                  key={row.id}
                  id={rowId(row.id)}
                  role="row"
                  aria-rowindex={i + 2}
                  aria-selected={isSelected}
                  className={classes}
                  style={{ top: i * ROW_HEIGHT, height: ROW_HEIGHT }}
                  onClick={(e) => onRowClick(e, row, i)}
                  onDoubleClick={() => onJump(row.id)}
                >
                  {columns.map((c, ci) => {
                    const text = row.cells[ci] ?? '';
                    const isClaim = c.id === 'claim';
                    const isMissing = c.id === 'sources' && text === '' && isMissingSource(row.id);
                    return (
                      <div
                        key={c.id}
                        role="gridcell"
                        aria-colindex={ci + 1}
                        className={`cd-claims-td${isClaim ? ' is-claim' : ''}${c.isNumeric ? ' is-numeric' : ''}`}
                        title={text.length > 24 ? text : undefined}
                      >
                        {isMissing ? (
                          <span className="cd-claims-missing">
                            <span className="cd-warn-mark" aria-hidden="true">
                              !
                            </span>
                            No source linked
                          </span>
                        ) : isUnsetCell(c, text) ? (
                          <span className="cd-claims-unset" title="Nobody set this attribute">
                            {UNSET}
                          </span>
                        ) : (
                          <span className="cd-claims-text">{text}</span>
                        )}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
        {claimCount === 0 && <p className="cd-claims-empty">{emptyText}</p>}
      </div>
    </div>
  );
}
