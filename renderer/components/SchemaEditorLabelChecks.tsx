/** One end of a relation type in the schema editor: a checkbox chip per label, under "From" or "To". */
import type { CSSProperties } from 'react';
import type { LabelDraft, RelationTypeDraft } from '../../shared/model/schema-edit';
import { invalidProps, type IssueAt, type SchemaEditorIds } from './schema-editor-dom';

export type SchemaEditorLabelChecksProps = Readonly<{
  relationType: RelationTypeDraft;
  end: 'from' | 'to';
  labels: readonly LabelDraft[];
  ids: SchemaEditorIds;
  issueAt: IssueAt;
  /** The label keys now checked at this end. */
  onChange: (labelKeys: readonly string[]) => void;
}>;

/** Renders the fieldset of label chips. */
export function SchemaEditorLabelChecks({ relationType: t, end, labels, ids, issueAt, onChange }: SchemaEditorLabelChecksProps) {
  return (
    <fieldset className="cd-schema-ends" {...invalidProps(ids, issueAt, t.key, end)}>
      <legend className="cd-field-label">{end === 'from' ? 'From' : 'To'}</legend>
      <div className="cd-schema-checks" id={ids.field(t.key, end)} tabIndex={-1}>
        {labels.map((l) => {
          const isOn = t[end].includes(l.key);
          return (
            <label key={l.key} className={isOn ? 'cd-schema-check is-on' : 'cd-schema-check'} style={{ '--label-color': l.color } as CSSProperties}>
              <input
                type="checkbox"
                checked={isOn}
                onChange={(e) => onChange(e.target.checked ? [...t[end], l.key] : t[end].filter((k) => k !== l.key))}
              />
              <span className="cd-panel-swatch" aria-hidden="true" />
              <span>{l.name.trim() || '(unnamed)'}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
