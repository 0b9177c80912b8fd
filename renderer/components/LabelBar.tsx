/**
 * The label bar: one compact row above the article with every label of the schema (its colour,
 * name and hotkey), like Label Studio's. Clicking a label tags the article's selection, the
 * same command as its hotkey (with Alt: exactly as selected); the selected annotation's label is
 * shown pressed. Pressing a button takes neither focus nor the selection from the article. It
 * keeps its height whatever it shows, so the article never moves under it. Other article
 * actions (Suggest, #15) go at its right end, outside the Labels toolbar.
 */
import type { CSSProperties, ReactNode } from 'react';
import type { LabelDef } from '../../shared/model/types';
import './LabelBar.css';

export type LabelBarProps = Readonly<{
  labels: readonly LabelDef[];
  /** The label of the selected annotation, shown pressed, or null. */
  selectedLabel: string | null;
  /** False while no document is open: the labels show, but there is nothing to tag. */
  isEnabled: boolean;
  onTag: (label: string, exact: boolean) => void;
  /** Actions shown at the bar's right end. */
  children?: ReactNode;
}>;

/** Renders the bar. */
export function LabelBar({ labels, selectedLabel, isEnabled, onTag, children }: LabelBarProps) {
  return (
    <div className="cd-labelbar" onMouseDown={(e) => e.preventDefault()}>
      <div role="toolbar" aria-label="Labels" className="cd-labelbar-labels">
        {labels.map((label) => (
          <button
            key={label.name}
            type="button"
            className="cd-labelbar-button"
            aria-pressed={label.name === selectedLabel}
            disabled={!isEnabled}
            title={`Tag the selection as ${label.name}${label.hotkey ? ` (${label.hotkey})` : ''} · Alt+click: exact characters`}
            style={{ '--hl-color': label.color } as CSSProperties}
            onClick={(e) => onTag(label.name, e.altKey)}
          >
            <span className="cd-swatch" aria-hidden="true" />
            <span className="cd-labelbar-name">{label.name}</span>
            {label.hotkey && (
              <kbd className="cd-kbd" aria-hidden="true">
                {label.hotkey}
              </kbd>
            )}
          </button>
        ))}
      </div>
      {children && <span className="cd-labelbar-end">{children}</span>}
    </div>
  );
}
