/**
 * The schema editor's Labels tab: the list of labels (swatch, name, a dot when it has problems,
 * hotkey and how many annotations use it) with "+ Add label", beside the current label's panel.
 */
import type { CSSProperties, ReactNode } from 'react';
import type { LabelDraft } from '../../shared/model/schema-edit';
import { formatCount } from '../util/format';
import type { SchemaEditorIds } from './schema-editor-dom';

export type SchemaEditorLabelsProps = Readonly<{
  labels: readonly LabelDraft[];
  currentKey: string | null;
  ids: SchemaEditorIds;
  /** Annotations in the workspace with a label's saved name. */
  countOf: (label: LabelDraft) => number;
  hasIssue: (label: LabelDraft) => boolean;
  onSelect: (key: string) => void;
  onAdd: () => void;
  /** The current label's panel, or what to show when there are no labels. */
  children: ReactNode;
}>;

/** Renders the list and the panel side by side. */
export function SchemaEditorLabels({ labels, currentKey, ids, countOf, hasIssue, onSelect, onAdd, children }: SchemaEditorLabelsProps) {
  return (
    <div className="cd-schema-labels">
      <div className="cd-schema-master">
        <ul className="cd-schema-labellist" aria-label="Labels">
          {labels.map((l) => (
            <li key={l.key}>
              <button
                id={ids.labelItem(l.key)}
                type="button"
                className="cd-schema-labelitem"
                aria-current={l.key === currentKey ? 'true' : undefined}
                style={{ '--label-color': l.color } as CSSProperties}
                onClick={() => onSelect(l.key)}
              >
                <span className="cd-panel-swatch" aria-hidden="true" />
                <span className="cd-schema-labelitem-name">{l.name.trim() || '(unnamed)'}</span>
                {hasIssue(l) && <span className="cd-schema-dot" role="img" aria-label="has problems" />}
                {l.hotkey && <kbd className="cd-schema-kbd">{l.hotkey}</kbd>}
                <span className="cd-schema-labelitem-count" title="Annotations in the workspace">
                  {l.originalName === null ? 'new' : formatCount(countOf(l))}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <button id={ids.addLabel} type="button" className="cd-button cd-button--small cd-schema-add" onClick={onAdd}>
          + Add label
        </button>
      </div>
      {children}
    </div>
  );
}
