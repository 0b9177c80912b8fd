/**
 * The small label menu that appears at a non-empty selection in the article: one button per
 * label (its colour, name and hotkey), a toolbar named "Tag selection". Clicking tags the
 * selection snapped to whole words; with Alt held, exactly as selected. Pressing a button
 * does not take focus or the selection from the article, so keys keep working there.
 */
import type { CSSProperties } from 'react';
import type { LabelDef } from '../../shared/model/types';
import './LabelMenu.css';

export type LabelMenuProps = Readonly<{
  labels: readonly LabelDef[];
  /** Where the selection's first line starts, relative to the article frame. */
  anchor: Readonly<{ left: number; top: number; bottom: number }>;
  onTag: (label: string, exact: boolean) => void;
}>;

/** Room the menu needs above the line; below it when the selection starts nearer the top. */
const ABOVE_MIN = 48;

/** Renders the menu next to `anchor`. */
export function LabelMenu({ labels, anchor, onTag }: LabelMenuProps) {
  const above = anchor.top > ABOVE_MIN;
  const style = above
    ? { left: Math.max(0, anchor.left - 8), top: anchor.top - 8, transform: 'translateY(-100%)' }
    : { left: Math.max(0, anchor.left - 8), top: anchor.bottom + 8 };
  return (
    <div role="toolbar" aria-label="Tag selection" className="cd-label-menu" style={style} onMouseDown={(e) => e.preventDefault()}>
      {labels.map((label) => (
        <button
          key={label.name}
          type="button"
          className="cd-label-menu-button"
          aria-label={label.name}
          title={`Tag as ${label.name}${label.hotkey ? ` (${label.hotkey})` : ''} · Alt+click: exact characters`}
          style={{ '--hl-color': label.color } as CSSProperties}
          onClick={(e) => onTag(label.name, e.altKey)}
        >
          <span className="cd-swatch" aria-hidden="true" />
          <span>{label.name}</span>
          {label.hotkey && (
            <kbd className="cd-kbd" aria-hidden="true">
              {label.hotkey}
            </kbd>
          )}
        </button>
      ))}
    </div>
  );
}
