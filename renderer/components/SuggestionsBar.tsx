/**
 * The suggestions bar (#15), under the label bar while suggestions are shown: how many are left
 * per label, "Accept all <Label> (n)" for each, and Hide suggestions; the keys in its tooltip (the
 * status bar says them when suggestions arrive). Takes neither focus nor the selection from the article.
 */
import type { CSSProperties } from 'react';
import type { Schema } from '../../shared/model/types';
import { labelColor } from '../editor/annotation-views';
import './SuggestionsBar.css';

export type SuggestionsBarProps = Readonly<{
  schema: Schema;
  counts: readonly Readonly<{ label: string; count: number }>[];
  onAcceptAll: (label: string) => void;
  onHide: () => void;
}>;

/** Renders the bar. */
export function SuggestionsBar({ schema, counts, onAcceptAll, onHide }: SuggestionsBarProps) {
  const total = counts.reduce((n, c) => n + c.count, 0);
  return (
    <div
      role="toolbar"
      aria-label="Suggestions"
      className="cd-suggestionsbar"
      title="In the article: Tab / Shift+Tab next / previous suggestion, Enter or A accepts it with its links, X rejects it (Shift+X takes that back)"
      onMouseDown={(e) => e.preventDefault()}
    >
      <span className="cd-suggestionsbar-title">{total === 0 ? 'No suggestions left' : `${total} suggestion${total === 1 ? '' : 's'}`}</span>
      {counts.map(({ label, count }) => (
        <button
          key={label}
          type="button"
          className="cd-suggestionsbar-accept"
          style={{ '--hl-color': labelColor(schema, label) } as CSSProperties}
          title={`Accept every ${label} suggestion in this article, with its links (one Undo takes them back)`}
          onClick={() => onAcceptAll(label)}
        >
          Accept all {label} ({count})
        </button>
      ))}
      <button type="button" className="cd-button cd-button--quiet cd-suggestionsbar-hide" onClick={onHide}>
        Hide suggestions
      </button>
    </div>
  );
}
