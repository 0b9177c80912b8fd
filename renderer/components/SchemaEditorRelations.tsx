/**
 * The schema editor's Relation types tab: each type's name and the labels it links from and to,
 * with its problems, and "+ Add relation type".
 */
import type { LabelDraft, RelationTypeDraft } from '../../shared/model/schema-edit';
import { invalidProps, type IssueAt, type SchemaEditorIds } from './schema-editor-dom';
import { SchemaEditorIssue } from './SchemaEditorIssue';
import { SchemaEditorLabelChecks } from './SchemaEditorLabelChecks';
import './SchemaEditorRelations.css';

export type SchemaEditorRelationsProps = Readonly<{
  relationTypes: readonly RelationTypeDraft[];
  labels: readonly LabelDraft[];
  ids: SchemaEditorIds;
  issueAt: IssueAt;
  onEdit: (key: string, change: Partial<RelationTypeDraft>) => void;
  onRemove: (key: string) => void;
  onAdd: () => void;
}>;

/** Renders one group per relation type and the add button. */
export function SchemaEditorRelations({ relationTypes, labels, ids, issueAt, onEdit, onRemove, onAdd }: SchemaEditorRelationsProps) {
  return (
    <div className="cd-schema-section">
      <p className="cd-field-hint cd-schema-intro">
        A relation type links an annotation of a “from” label to one of a “to” label (e.g. a Claim attributed to a Source).
      </p>
      {relationTypes.map((t) => {
        const shownName = t.name.trim() || '(unnamed)';
        const end = (side: 'from' | 'to') => (
          <div>
            <SchemaEditorLabelChecks
              relationType={t}
              end={side}
              labels={labels}
              ids={ids}
              issueAt={issueAt}
              onChange={(keys) => onEdit(t.key, { [side]: keys })}
            />
            <SchemaEditorIssue ids={ids} issueAt={issueAt} itemKey={t.key} field={side} />
          </div>
        );
        return (
          <div key={t.key} className="cd-schema-relation" role="group" aria-label={`Relation type ${shownName}`}>
            <div className="cd-schema-relation-head">
              <div className="cd-schema-field cd-schema-field--grow">
                <label className="cd-field-label" htmlFor={ids.field(t.key, 'name')}>
                  Relation type name
                </label>
                <input
                  id={ids.field(t.key, 'name')}
                  className="cd-input"
                  value={t.name}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) => onEdit(t.key, { name: e.target.value })}
                  {...invalidProps(ids, issueAt, t.key, 'name')}
                />
              </div>
              <button
                type="button"
                className="cd-icon-button cd-schema-remove"
                aria-label={`Remove relation type ${shownName}`}
                title="Remove relation type"
                onClick={() => onRemove(t.key)}
              >
                ×
              </button>
            </div>
            <SchemaEditorIssue ids={ids} issueAt={issueAt} itemKey={t.key} field="name" />
            <div className="cd-schema-relation-ends">
              {end('from')}
              <span className="cd-schema-arrow" aria-hidden="true">
                →
              </span>
              {end('to')}
            </div>
          </div>
        );
      })}
      <button type="button" className="cd-button cd-button--small cd-schema-add" onClick={onAdd}>
        + Add relation type
      </button>
    </div>
  );
}
