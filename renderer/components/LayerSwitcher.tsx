/**
 * The document toolbar's layer switcher (#11): a button "Layer: <name> ▾" that opens a listbox of
 * the open document's layers (yours first, then the other annotators, then the curated layer),
 * each with its status, annotation count and merge conflicts; choosing one shows that layer.
 * Beside it, while another annotator's layer is shown, a badge says it is read-only. Keyboard:
 * the listbox takes focus when it opens; arrows, Home and End move, Enter or Space chooses, Escape
 * closes and gives focus back to the button.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { LayerEntry } from '../state/layer-access';
import { layerTitle } from '../state/layer-access';
import { formatQuantity, statusLabel } from '../util/format';
import { LayerChip } from './LayerChip';
import './LayerSwitcher.css';

export type LayerSwitcherProps = Readonly<{
  /** The document's layers in listing order (see layerEntries). */
  entries: readonly LayerEntry[];
  /** The layer shown. */
  layer: string;
  /** Why the shown layer is read-only, or null. */
  readOnlyReason: string | null;
  onChange: (layer: string) => void;
}>;

/** The text an option shows after its name. */
function describe(entry: LayerEntry): string {
  if (!entry.summary) return 'not started';
  const parts = [statusLabel(entry.summary.status), formatQuantity(entry.summary.annotationCount, 'annotation')];
  if (entry.summary.conflictCount > 0) parts.push(formatQuantity(entry.summary.conflictCount, 'conflict'));
  return parts.join(' · ');
}

/** Renders the toolbar with the switcher and, for a read-only layer, its badge. */
export function LayerSwitcher({ entries, layer, readOnlyReason, onChange }: LayerSwitcherProps) {
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const optionId = (i: number) => `${baseId}-option-${i}`;
  const shown = entries.find((e) => e.name === layer);

  const open = () => {
    setActive(
      Math.max(
        0,
        entries.findIndex((e) => e.name === layer),
      ),
    );
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const choose = (i: number) => {
    const entry = entries[i];
    close(true);
    if (entry && entry.name !== layer) onChange(entry.name);
  };

  useEffect(() => {
    if (!isOpen) return;
    listRef.current?.focus();
    // A press anywhere else closes the list, as a native select's does.
    const onDown = (e: MouseEvent) => {
      if (!frameRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [isOpen]);

  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const moves: Record<string, () => void> = {
      ArrowDown: () => setActive((i) => Math.min(entries.length - 1, i + 1)),
      ArrowUp: () => setActive((i) => Math.max(0, i - 1)),
      Home: () => setActive(0),
      End: () => setActive(entries.length - 1),
      Enter: () => choose(active),
      ' ': () => choose(active),
      Escape: () => close(true),
      Tab: () => close(false),
    };
    const action = moves[e.key];
    if (!action) return;
    if (e.key !== 'Tab') e.preventDefault();
    // Escape must not also clear the article's selection behind the list.
    e.stopPropagation();
    action();
  };

  return (
    <div className="cd-layerbar" role="toolbar" aria-label="Document layer">
      <div className="cd-layerswitch" ref={frameRef}>
        <button
          ref={buttonRef}
          type="button"
          className="cd-button cd-button--quiet cd-layerswitch-button"
          aria-haspopup="listbox"
          aria-expanded={isOpen}
          aria-label={`Layer: ${layer}`}
          title="Show another annotator's layer of this document"
          onClick={() => (isOpen ? close(false) : open())}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && !isOpen) {
              e.preventDefault();
              open();
            }
          }}
        >
          <span className="cd-layerswitch-label">Layer:</span> <strong>{layer}</strong>
          {shown?.isOwn && <span className="cd-muted"> (you)</span>}
          <span aria-hidden="true" className="cd-layerswitch-caret">
            ▾
          </span>
        </button>
        {isOpen && (
          <ul
            ref={listRef}
            role="listbox"
            aria-label="Layers"
            tabIndex={-1}
            className="cd-layerswitch-list"
            aria-activedescendant={optionId(active)}
            onKeyDown={onListKey}
          >
            {entries.map((entry, i) => (
              <li
                key={entry.name}
                id={optionId(i)}
                role="option"
                aria-selected={entry.name === layer}
                className={i === active ? 'cd-layerswitch-option is-active' : 'cd-layerswitch-option'}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(i)}
              >
                <LayerChip name={entry.name} status={entry.summary?.status ?? 'new'} isCurated={entry.isCurated} decorative />
                <span className="cd-layerswitch-name">
                  {entry.isCurated ? 'Curated' : entry.name}
                  {entry.isOwn && <span className="cd-muted"> (you)</span>}
                </span>
                <span className="cd-layerswitch-desc">{describe(entry)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {readOnlyReason !== null && (
        <span className="cd-readonly-badge" title={readOnlyReason}>
          Read-only: {layerTitle(layer)}
        </span>
      )}
      {shown?.summary && shown.summary.conflictCount > 0 && (
        <span className="cd-conflict-badge" title="Annotations changed on two machines: select one to settle it">
          {formatQuantity(shown.summary.conflictCount, 'merge conflict')} to settle
        </span>
      )}
    </div>
  );
}
