/**
 * The attribute rows of the schema editor, for a label or for documents: name, kind, values (for
 * the choice kinds), default (a suggestion, never stored by itself), required (a label's
 * attributes only: an annotation is flagged until it is set) and remove, each row with its
 * problems, and "+ Add attribute". Edits go to the owner through `onChange` as a change of the
 * whole list.
 */
import { ATTRIBUTE_KINDS, parseValues, withKind, type AttributeDraft } from '../../shared/model/schema-edit';
import type { AttributeKind } from '../../shared/model/types';
import { AttributeInput } from './AttributeInput';
import { invalidProps, type IssueAt, type SchemaEditorIds } from './schema-editor-dom';
import { SchemaEditorIssue } from './SchemaEditorIssue';
import './SchemaEditorAttributes.css';

const KIND_NAMES: Readonly<Record<AttributeKind, string>> = {
  choice: 'Choice',
  multi: 'Multiple choice',
  boolean: 'Yes / no',
  number: 'Number',
  text: 'Free text',
};

export type SchemaEditorAttributesProps = Readonly<{
  attributes: readonly AttributeDraft[];
  ids: SchemaEditorIds;
  issueAt: IssueAt;
  /** Applies a change to the owner's attribute list. */
  onChange: (change: (attributes: readonly AttributeDraft[]) => readonly AttributeDraft[]) => void;
  onAdd: () => void;
  /** True for a label's attributes: offers the Required checkbox. */
  canRequire?: boolean;
}>;

/** Renders the rows (with a column head when there are any) and the add button. */
export function SchemaEditorAttributes({ attributes, ids, issueAt, onChange, onAdd, canRequire = false }: SchemaEditorAttributesProps) {
  const editOne = (key: string, change: (a: AttributeDraft) => AttributeDraft) =>
    onChange((list) => list.map((x) => (x.key === key ? change(x) : x)));
  return (
    <div className={`cd-schema-attrs${canRequire ? ' cd-schema-attrs--required' : ''}`}>
      {attributes.length > 0 && (
        <div className="cd-schema-attr cd-schema-attr--head" aria-hidden="true">
          <span>Name</span>
          <span>Kind</span>
          <span>Values</span>
          <span>Default</span>
          {canRequire && <span>Required</span>}
          <span />
        </div>
      )}
      {attributes.map((a) => {
        const hasValues = a.kind === 'choice' || a.kind === 'multi';
        const set = (change: Partial<AttributeDraft>) => editOne(a.key, (x) => ({ ...x, ...change }));
        const shownName = a.name.trim() || '(unnamed)';
        return (
          <div key={a.key} role="group" aria-label={`Attribute ${shownName}`} className="cd-schema-attr-block">
            <div className="cd-schema-attr">
              <input
                id={ids.field(a.key, 'name')}
                className="cd-input"
                aria-label="Attribute name"
                value={a.name}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => set({ name: e.target.value })}
                {...invalidProps(ids, issueAt, a.key, 'name')}
              />
              <select
                id={ids.field(a.key, 'kind')}
                className="cd-input"
                aria-label="Kind"
                value={a.kind}
                onChange={(e) => editOne(a.key, (x) => withKind(x, e.target.value as AttributeKind))}
              >
                {ATTRIBUTE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_NAMES[k]}
                  </option>
                ))}
              </select>
              {hasValues ? (
                <input
                  id={ids.field(a.key, 'values')}
                  className="cd-input"
                  aria-label="Values"
                  placeholder="yes, no, unsure"
                  value={a.valuesText}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) => set({ valuesText: e.target.value })}
                  {...invalidProps(ids, issueAt, a.key, 'values')}
                />
              ) : (
                <span className="cd-schema-na">—</span>
              )}
              <div id={ids.field(a.key, 'default')} className="cd-schema-default" tabIndex={-1}>
                <AttributeInput
                  def={{ name: 'Default', kind: a.kind, values: parseValues(a.valuesText), default: null }}
                  value={a.default}
                  onChange={(v) => set({ default: v })}
                />
              </div>
              {canRequire && (
                <label className="cd-schema-required" title="Flag annotations that leave it unset">
                  <input type="checkbox" aria-label="Required" checked={a.isRequired} onChange={(e) => set({ isRequired: e.target.checked })} />
                </label>
              )}
              <button
                type="button"
                className="cd-icon-button cd-schema-remove"
                aria-label={`Remove attribute ${shownName}`}
                title="Remove attribute"
                onClick={() => onChange((list) => list.filter((x) => x.key !== a.key))}
              >
                ×
              </button>
            </div>
            <SchemaEditorIssue ids={ids} issueAt={issueAt} itemKey={a.key} field="name" />
            <SchemaEditorIssue ids={ids} issueAt={issueAt} itemKey={a.key} field="values" />
            <SchemaEditorIssue ids={ids} issueAt={issueAt} itemKey={a.key} field="default" />
          </div>
        );
      })}
      <button type="button" className="cd-button cd-button--small cd-schema-add" onClick={onAdd}>
        + Add attribute
      </button>
    </div>
  );
}
