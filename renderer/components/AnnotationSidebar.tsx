/**
 * The annotation overview: counts per label as toggle chips, an "attribute = value" filter,
 * unsourced-claims and required-unset toggles, a text search over quotes and notes, text order or grouped by
 * label, and a windowed listbox of the matching annotations. Click, Enter or Space on a row
 * selects that annotation; the selected row is kept in view. Built for 10,000 annotations:
 * everything derived from the document is computed once per document, a filter is one pass,
 * and only the rows in view are rendered. Reads the document; never changes it.
 */
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { hasValue, indexDocument, keyAttributes, type Entry } from '../../shared/model/annotation-index';
import { FlagChip } from './FlagChip';
import type { DocumentData, Schema } from '../../shared/model/types';
import { useLatest } from '../hooks/use-latest';
import { useWindowedList } from '../hooks/use-windowed-list';
import { formatCount, formatQuantity } from '../util/format';
import './AnnotationSidebar.css';

/** Height of one row (annotation or group heading) in CSS pixels; AnnotationSidebar.css sizes rows to match. */
const ROW_HEIGHT = 48;

/** The document shown, its schema, and the selected annotation; the sidebar fills its container's height. */
export type AnnotationSidebarProps = Readonly<{
  doc: DocumentData;
  schema: Schema;
  selectedId: string | null;
  onSelect: (id: string) => void;
}>;

type Heading = Readonly<{ kind: 'heading'; label: string; color: string; count: number }>;
type Row = Entry | Heading;
type Grouping = 'text' | 'label';

/** The DOM id of an annotation's option (for aria-activedescendant). */
const optionId = (base: string, annotationId: string) => `${base}-ann-${annotationId}`;

/** Renders the sidebar for `doc`. */
export function AnnotationSidebar({ doc, schema, selectedId, onSelect }: AnnotationSidebarProps) {
  const baseId = useId();
  const index = useMemo(() => indexDocument(doc, schema), [doc, schema]);
  const [labels, setLabels] = useState<ReadonlySet<string>>(() => new Set());
  const [attributeKey, setAttributeKey] = useState('');
  const [isUnsourcedOnly, setUnsourcedOnly] = useState(false);
  const [isIncompleteOnly, setIncompleteOnly] = useState(false);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [grouping, setGrouping] = useState<Grouping>('text');
  const [activeId, setActiveId] = useState<string | null>(null);

  const attribute = index.attributeOptions.find((o) => o.key === attributeKey) ?? null;
  const { rows, rowOfEntry } = useMemo(() => {
    const q = deferredQuery.trim().toLowerCase();
    const byLabel = labels.size > 0;
    const texts = q !== '' ? index.searchText() : null;
    const groups: Entry[][] | null = grouping === 'label' ? index.chips.map(() => []) : null;
    const out: Row[] = [];
    for (const e of index.entries) {
      if (byLabel && !labels.has(e.a.label)) continue;
      if (isUnsourcedOnly && !e.isUnsourced) continue;
      if (isIncompleteOnly && e.missing.length === 0) continue;
      if (attribute && !hasValue(e.a.attributes[attribute.name], attribute.value)) continue;
      if (texts && !texts[e.order]!.includes(q)) continue;
      if (groups) groups[e.labelOrder]!.push(e);
      else out.push(e);
    }
    if (groups)
      groups.forEach((group, i) => {
        const chip = index.chips[i]!;
        if (group.length === 0) return;
        out.push({ kind: 'heading', label: chip.name, color: chip.color, count: group.length });
        for (const e of group) out.push(e);
      });
    // Row index of each entry (by text order), -1 when filtered out: finding a row is a lookup, not a scan.
    const rowOf = new Int32Array(index.entries.length).fill(-1);
    out.forEach((r, i) => {
      if (r.kind === 'entry') rowOf[r.order] = i;
    });
    return { rows: out as readonly Row[], rowOfEntry: rowOf };
  }, [index, labels, attribute, isUnsourcedOnly, isIncompleteOnly, deferredQuery, grouping]);

  const list = useWindowedList(rows.length, ROW_HEIGHT);
  const { scrollToIndex } = list;
  const indexOfId = useCallback(
    (id: string | null) => {
      const order = id === null ? undefined : index.orderById.get(id);
      return order === undefined ? -1 : (rowOfEntry[order] ?? -1);
    },
    [index, rowOfEntry],
  );

  let activeIndex = indexOfId(activeId);
  if (activeIndex < 0) activeIndex = indexOfId(selectedId);
  if (activeIndex < 0) activeIndex = rows.findIndex((r) => r.kind === 'entry');
  const active = rows[activeIndex];
  const activeEntry = active?.kind === 'entry' ? active : undefined;
  const matched = grouping === 'label' ? rows.length - rows.reduce((n, r) => n + (r.kind === 'heading' ? 1 : 0), 0) : rows.length;

  // A new selection scrolls into view once, even when its row arrives with a later document.
  const pendingScroll = useRef<string | null>(null);
  useLayoutEffect(() => {
    pendingScroll.current = selectedId;
    setActiveId(null);
  }, [selectedId]);
  useLayoutEffect(() => {
    if (pendingScroll.current === null) return;
    const i = indexOfId(pendingScroll.current);
    if (i < 0) return;
    pendingScroll.current = null;
    scrollToIndex(i);
  }, [indexOfId, scrollToIndex, selectedId]);

  // New filters show their matches from the top, or from the selected row when it still matches.
  const selectedRef = useLatest(selectedId);
  const indexOfIdRef = useLatest(indexOfId);
  useEffect(() => {
    const el = list.ref.current;
    if (!el) return;
    el.scrollTop = 0;
    const i = indexOfIdRef.current(selectedRef.current);
    if (i >= 0) scrollToIndex(i);
  }, [labels, attributeKey, isUnsourcedOnly, deferredQuery, grouping, list.ref, scrollToIndex, selectedRef, indexOfIdRef]);

  const moveTo = (target: number, step: 1 | -1) => {
    let i = Math.max(0, Math.min(rows.length - 1, target));
    while (rows[i]?.kind === 'heading') i += step;
    if (!rows[i]) {
      i = Math.max(0, Math.min(rows.length - 1, target));
      while (rows[i]?.kind === 'heading') i -= step;
    }
    const row = rows[i];
    if (row?.kind !== 'entry') return;
    setActiveId(row.a.id);
    scrollToIndex(i);
  };

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const page = Math.max(1, Math.floor(e.currentTarget.clientHeight / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1, 1),
      ArrowUp: () => moveTo(activeIndex - 1, -1),
      Home: () => moveTo(0, 1),
      End: () => moveTo(rows.length - 1, -1),
      PageDown: () => moveTo(activeIndex + page, 1),
      PageUp: () => moveTo(activeIndex - page, -1),
      Enter: () => activeEntry && onSelect(activeEntry.a.id),
      ' ': () => activeEntry && onSelect(activeEntry.a.id),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const toggleLabel = (name: string) =>
    setLabels((current) => {
      const next = new Set(current);
      if (!next.delete(name)) next.add(name);
      return next;
    });
  const isFiltered = labels.size > 0 || attribute !== null || isUnsourcedOnly || isIncompleteOnly || query.trim() !== '';
  const clearFilters = () => {
    setLabels(new Set());
    setAttributeKey('');
    setUnsourcedOnly(false);
    setIncompleteOnly(false);
    setQuery('');
  };

  const rendered: number[] = [];
  for (let i = list.first; i < list.last; i++) rendered.push(i);
  if (activeIndex >= 0 && (activeIndex < list.first || activeIndex >= list.last)) rendered.push(activeIndex);

  const total = index.entries.length;
  const countId = `${baseId}-count`;
  return (
    <aside className="cd-anns" aria-label="Annotations">
      <div className="cd-anns-head">
        <h2 className="cd-panel-title cd-anns-title">
          Annotations <span className="cd-anns-total">{formatCount(total)}</span>
        </h2>
        <div role="radiogroup" aria-label="Order" className="cd-segmented cd-anns-grouping">
          {(
            [
              ['text', 'Text order'],
              ['label', 'By label'],
            ] as const
          ).map(([value, text]) => (
            <label key={value} className="cd-segment">
              <input type="radio" name={`${baseId}-grouping`} value={value} checked={grouping === value} onChange={() => setGrouping(value)} />
              <span>{text}</span>
            </label>
          ))}
        </div>
      </div>

      <div className="cd-anns-chips" role="group" aria-label="Filter by label">
        {index.chips.map((chip) => (
          <button
            key={chip.name}
            type="button"
            className={`cd-filter-chip${chip.count === 0 ? ' is-empty' : ''}`}
            aria-pressed={labels.has(chip.name)}
            style={{ '--label-color': chip.color } as CSSProperties}
            title={chip.isInSchema ? `Filter by ${chip.name}` : `${chip.name} is not in the schema`}
            onClick={() => toggleLabel(chip.name)}
          >
            <span className="cd-panel-swatch" aria-hidden="true" />
            <span className="cd-filter-chip-name">{chip.name}</span>
            <span className="cd-filter-chip-count">{formatCount(chip.count)}</span>
          </button>
        ))}
        {index.unsourcedCount > 0 && (
          <FlagChip
            name="Unsourced"
            count={formatCount(index.unsourcedCount)}
            title="Attributed claims with no attributed_to link"
            isPressed={isUnsourcedOnly}
            onToggle={() => setUnsourcedOnly((v) => !v)}
          />
        )}
        {index.incompleteCount > 0 && (
          <FlagChip
            name="Required unset"
            count={formatCount(index.incompleteCount)}
            title="Annotations that leave a required attribute unset"
            isPressed={isIncompleteOnly}
            onToggle={() => setIncompleteOnly((v) => !v)}
          />
        )}
      </div>

      <div className="cd-anns-filters">
        <input
          type="search"
          className="cd-input"
          placeholder="Search quotes and notes"
          aria-label="Search annotations"
          aria-describedby={countId}
          value={query}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query !== '') {
              e.preventDefault();
              setQuery('');
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              list.ref.current?.focus();
            }
          }}
        />
        <select
          className="cd-input cd-anns-attr"
          aria-label="Filter by attribute"
          value={attribute ? attributeKey : ''}
          onChange={(e) => setAttributeKey(e.target.value)}
        >
          <option value="">Any attribute value</option>
          {index.attributeOptions.map((o) => (
            <option key={o.key} value={o.key}>
              {o.name} = {o.value} ({formatCount(o.count)})
            </option>
          ))}
        </select>
      </div>

      <div className="cd-anns-status" id={countId} aria-live="polite">
        <span>{isFiltered ? `${formatCount(matched)} of ${formatQuantity(total, 'annotation')}` : formatQuantity(total, 'annotation')}</span>
        {isFiltered && (
          <button type="button" className="cd-link-button" onClick={clearFilters}>
            Clear filters
          </button>
        )}
      </div>

      <div className="cd-anns-frame">
        <div
          ref={list.ref}
          role="listbox"
          aria-label="Annotation list"
          tabIndex={0}
          aria-activedescendant={activeEntry ? optionId(baseId, activeEntry.a.id) : undefined}
          className="cd-anns-list"
          onScroll={list.onScroll}
          onKeyDown={onListKey}
        >
          <div role="none" className="cd-anns-spacer" style={{ height: list.totalHeight }}>
            {rendered.map((i) => {
              const row = rows[i]!;
              const top = i * ROW_HEIGHT;
              if (row.kind === 'heading')
                return (
                  <div
                    key={`h:${row.label}`}
                    role="presentation"
                    className="cd-anns-heading"
                    style={{ top, height: ROW_HEIGHT, '--label-color': row.color } as CSSProperties}
                  >
                    <span className="cd-panel-swatch" />
                    <span className="cd-anns-heading-name">{row.label}</span>
                    <span className="cd-anns-heading-count">{formatCount(row.count)}</span>
                  </div>
                );
              const { a } = row;
              const details = keyAttributes(a, index.labelDefs.get(a.label));
              const classes = ['cd-annrow', i === activeIndex ? 'is-active' : '', a.id === selectedId ? 'is-selected' : ''].filter(Boolean).join(' ');
              return (
                <div
                  key={a.id}
                  id={optionId(baseId, a.id)}
                  role="option"
                  aria-selected={a.id === selectedId}
                  className={classes}
                  style={{ top, height: ROW_HEIGHT, '--label-color': row.color } as CSSProperties}
                  onClick={() => {
                    setActiveId(a.id);
                    onSelect(a.id);
                  }}
                >
                  <div className="cd-annrow-line">
                    <span className="cd-annrow-quote" title={a.quote}>
                      {a.quote}
                    </span>
                    {row.missing.length > 0 && (
                      <span
                        className="cd-warn-mark"
                        role="img"
                        aria-label="Required attributes unset"
                        title={`Required, not set yet: ${row.missing.join(', ')}`}
                      >
                        !
                      </span>
                    )}
                    {row.isUnsourced && (
                      <span className="cd-warn-mark" role="img" aria-label="Unsourced claim" title="Attributed claim with no source linked">
                        !
                      </span>
                    )}
                    {a.conflicts && a.conflicts.length > 0 && (
                      <span
                        className="cd-warn-mark cd-conflict-mark"
                        role="img"
                        aria-label="Merge conflict"
                        title="Changed on two machines: select it to settle"
                      >
                        ⇄
                      </span>
                    )}
                  </div>
                  <div className="cd-annrow-meta">
                    <span className="cd-annrow-label">{a.label}</span>
                    {details && <span className="cd-annrow-attrs">{details}</span>}
                    {a.note && (
                      <span className="cd-annrow-note" title={a.note}>
                        {a.note}
                      </span>
                    )}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
        {rows.length === 0 && (
          <p className="cd-anns-empty">
            {total === 0 ? 'No annotations yet. Select text in the article and press a label’s hotkey.' : 'No annotations match these filters.'}
          </p>
        )}
      </div>
    </aside>
  );
}
