/**
 * The document list: a filter box and a windowed listbox of documents. Up/Down/Home/End/
 * PageUp/PageDown move the active row (the listbox keeps focus and points at it with
 * aria-activedescendant); Enter, Space or a click opens it. Filtering matches titles as you
 * type; the sort menu orders them as imported, by the date each row shows (newest or oldest
 * first) or by title. Only visible rows are rendered, so thousands of documents stay fast. Rows changed by
 * saves since the list was loaded (`patches`) are shown in place of the listed ones.
 */
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { DocId, DocumentRow } from '../../shared/model/types';
import { useLatest } from '../hooks/use-latest';
import { useWindowedList } from '../hooks/use-windowed-list';
import { formatCount, formatQuantity } from '../util/format';
import { DOCUMENT_ORDERS, sortRows, type DocumentOrder } from './document-list-order';
import { DocumentListItem, optionId } from './DocumentListItem';
import './DocumentList.css';

/** Height of one row in CSS pixels (the CSS sizes rows to match). */
const ROW_HEIGHT = 74;
/** Rows loaded ahead before any document is open: about the list's first screen (not following its scrolling, so that going through the list without opening anything loads nothing more). */
const FIRST_PICKS = 10;

export type DocumentListProps = Readonly<{
  /** All documents, or null while loading. */
  rows: readonly DocumentRow[] | null;
  /** Rows changed since `rows` was loaded (by saves in this window); shown instead of theirs. */
  patches?: ReadonlyMap<DocId, DocumentRow>;
  /** The open document. */
  openId: DocId | null;
  onOpen: (id: DocId) => void;
  /** The rows to load ahead (#14), told whenever they change: while a document is open, the active row and the rows either side of it (active first); before, the list's first rows. */
  onNeighbours?: (ids: readonly DocId[]) => void;
}>;

/** Renders the filter and the list. */
export function DocumentList({ rows, patches, openId, onOpen, onNeighbours }: DocumentListProps) {
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [activeId, setActiveId] = useState<DocId | null>(null);
  const [order, setOrder] = useState<DocumentOrder>('imported');
  const countId = useId();

  const sorted = useMemo(() => sortRows(rows ?? [], order), [rows, order]);
  const lowerTitles = useMemo(() => sorted.map((r) => r.title.toLowerCase()), [sorted]);
  const visible = useMemo(() => {
    const q = deferredQuery.trim().toLowerCase();
    return q === '' ? sorted : sorted.filter((_, i) => (lowerTitles[i] as string).includes(q));
  }, [sorted, lowerTitles, deferredQuery]);

  const list = useWindowedList(visible.length, ROW_HEIGHT);
  const { scrollToIndex } = list;

  const indexOf = (id: DocId | null) => (id === null ? -1 : visible.findIndex((r) => r.id === id));
  let activeIndex = indexOf(activeId);
  if (activeIndex < 0) activeIndex = indexOf(openId);
  if (activeIndex < 0 && visible.length > 0) activeIndex = 0;
  const active = activeIndex >= 0 ? visible[activeIndex] : undefined;

  // With a document open: the active row and its neighbours; before any is open, the list's first rows (what it shows first: the analyst's first pick is likely one of them).
  const near = openId !== null ? [activeIndex, activeIndex + 1, activeIndex - 1] : Array.from({ length: FIRST_PICKS }, (_, i) => i);
  const neighbours = near.flatMap((i) => (visible[i] ? [visible[i].id] : []));
  const neighboursKey = neighbours.join(' ');
  const latestNeighbours = useLatest({ neighbours, onNeighbours });
  useEffect(() => {
    const { neighbours: ids, onNeighbours: tell } = latestNeighbours.current;
    if (ids.length > 0) tell?.(ids);
  }, [neighboursKey, latestNeighbours]);

  const moveTo = (index: number) => {
    const clamped = Math.max(0, Math.min(visible.length - 1, index));
    const row = visible[clamped];
    if (!row) return;
    setActiveId(row.id);
    scrollToIndex(clamped);
  };

  const onPick = useCallback(
    (id: DocId, index: number) => {
      setActiveId(id);
      scrollToIndex(index);
      onOpen(id);
    },
    [onOpen, scrollToIndex],
  );

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(e.currentTarget.clientHeight / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex - 1),
      Home: () => moveTo(0),
      End: () => moveTo(visible.length - 1),
      PageDown: () => moveTo(activeIndex + page),
      PageUp: () => moveTo(activeIndex - page),
      Enter: () => active && onOpen(active.id),
      ' ': () => active && onOpen(active.id),
    };
    const action = keys[e.key];
    if (!action || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    action();
  };

  const onFilterKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      list.ref.current?.focus();
      moveTo(activeIndex);
    } else if (e.key === 'Enter' && visible[0]) {
      e.preventDefault();
      onPick(visible[0].id, 0);
    } else if (e.key === 'Escape' && query !== '') {
      e.preventDefault();
      setQuery('');
    }
  };

  // A new filter shows its matches from the top, or from the active row when it still matches.
  const activeIndexRef = useLatest(activeIndex);
  useEffect(() => {
    const el = list.ref.current;
    if (!el) return;
    el.scrollTop = 0;
    scrollToIndex(activeIndexRef.current);
  }, [deferredQuery, order, list.ref, scrollToIndex, activeIndexRef]);

  const rendered: number[] = [];
  for (let i = list.first; i < list.last; i++) rendered.push(i);
  if (activeIndex >= 0 && (activeIndex < list.first || activeIndex >= list.last)) rendered.push(activeIndex);

  const total = rows?.length ?? 0;
  const countText =
    rows === null
      ? 'Loading…'
      : visible.length === total
        ? formatQuantity(total, 'document')
        : `${formatCount(visible.length)} of ${formatQuantity(total, 'document')}`;

  return (
    <nav className="cd-sidebar" aria-label="Document list">
      <div className="cd-filter">
        <div className="cd-filter-row">
          <input
            type="search"
            className="cd-input"
            placeholder="Filter by title"
            aria-label="Filter documents"
            aria-describedby={countId}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onFilterKey}
            spellCheck={false}
            autoComplete="off"
          />
          <select
            className="cd-input cd-doclist-sort"
            aria-label="Sort documents"
            value={order}
            onChange={(e) => setOrder(e.target.value as DocumentOrder)}
          >
            {DOCUMENT_ORDERS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="cd-filter-count" id={countId} hidden={deferredQuery.trim() === '' && rows !== null}>
          {countText}
        </div>
      </div>
      <div className="cd-doclist-frame">
        <div
          ref={list.ref}
          role="listbox"
          aria-label="Documents"
          tabIndex={0}
          aria-activedescendant={active ? optionId(active.id) : undefined}
          className="cd-doclist"
          onScroll={list.onScroll}
          onKeyDown={onListKey}
        >
          <div role="none" className="cd-doclist-spacer" style={{ height: list.totalHeight }}>
            {rendered.map((i) => {
              const listed = visible[i] as DocumentRow;
              const row = patches?.get(listed.id) ?? listed;
              return (
                <DocumentListItem
                  key={row.id}
                  row={row}
                  index={i}
                  setSize={visible.length}
                  top={i * ROW_HEIGHT}
                  height={ROW_HEIGHT}
                  isActive={i === activeIndex}
                  isSelected={row.id === openId}
                  onPick={onPick}
                />
              );
            })}
          </div>
        </div>
        {rows !== null && visible.length === 0 && (
          <p className="cd-doclist-empty">{total === 0 ? 'No documents yet' : `No titles match “${deferredQuery.trim()}”`}</p>
        )}
      </div>
    </nav>
  );
}
