/**
 * One label in the schema editor: its name, colour and hotkey, what saving does to the
 * annotations that use it, the question before removing a label in use, and its attributes.
 */
import { removalQuestion, type AttributeDraft, type LabelDraft } from '../../shared/model/schema-edit';
import { formatCount, formatQuantity } from '../util/format';
import { invalidProps, type IssueAt, type SchemaEditorIds } from './schema-editor-dom';
import { SchemaEditorAttributes } from './SchemaEditorAttributes';
import { SchemaEditorIssue } from './SchemaEditorIssue';

export type SchemaEditorLabelPanelProps = Readonly<{
  label: LabelDraft;
  /** Annotations in the workspace with this label's saved name (0 for a new label). */
  count: number;
  /** Whether the removal question is open for this label. */
  isRemovalPending: boolean;
  ids: SchemaEditorIds;
  issueAt: IssueAt;
  onEdit: (change: Partial<LabelDraft>) => void;
  onEditAttributes: (change: (attributes: readonly AttributeDraft[]) => readonly AttributeDraft[]) => void;
  onAddAttribute: () => void;
  /** "Remove label": removes it, or asks first when annotations use it. */
  onRemove: () => void;
  onConfirmRemove: () => void;
  onCancelRemove: () => void;
}>;

/** What saving does to the annotations with this label. */
function usageHint(label: LabelDraft, count: number): string {
  if (label.originalName === null) return 'New label: added when you save.';
  if (count === 0) return 'Not used by any annotation yet.';
  const name = label.name.trim();
  const isRenamed = label.originalName !== name && name !== '';
  return `Used by ${formatQuantity(count, 'annotation')}${isRenamed ? `; they will be relabelled “${name}”` : ''}.`;
}

/** Renders the label's fields as a group named after it. */
export function SchemaEditorLabelPanel(props: SchemaEditorLabelPanelProps) {
  const { label: l, count, isRemovalPending, ids, issueAt, onEdit } = props;
  const shownName = l.name.trim() || l.originalName || 'this label';
  const issue = (field: string) => <SchemaEditorIssue ids={ids} issueAt={issueAt} itemKey={l.key} field={field} />;
  return (
    <div className="cd-schema-detail" role="group" aria-label={`Label ${l.name.trim() || '(unnamed)'}`}>
      <div className="cd-schema-labelhead">
        <div className="cd-schema-field cd-schema-field--grow">
          <label className="cd-field-label" htmlFor={ids.field(l.key, 'name')}>
            Label name
          </label>
          <input
            id={ids.field(l.key, 'name')}
            className="cd-input"
            value={l.name}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => onEdit({ name: e.target.value })}
            {...invalidProps(ids, issueAt, l.key, 'name')}
          />
        </div>
        <div className="cd-schema-field">
          <label className="cd-field-label" htmlFor={ids.field(l.key, 'color')}>
            Colour
          </label>
          <div className="cd-schema-color">
            <input
              id={ids.field(l.key, 'color')}
              type="color"
              value={l.color}
              onChange={(e) => onEdit({ color: e.target.value })}
              {...invalidProps(ids, issueAt, l.key, 'color')}
            />
            <code>{l.color}</code>
          </div>
        </div>
        <div className="cd-schema-field">
          <label className="cd-field-label" htmlFor={ids.field(l.key, 'hotkey')}>
            Hotkey
          </label>
          <input
            id={ids.field(l.key, 'hotkey')}
            className="cd-input cd-schema-hotkey"
            value={l.hotkey}
            maxLength={1}
            spellCheck={false}
            autoComplete="off"
            onFocus={(e) => e.currentTarget.select()}
            onChange={(e) => onEdit({ hotkey: e.target.value })}
            {...invalidProps(ids, issueAt, l.key, 'hotkey')}
          />
        </div>
        <button id={ids.removeLabel(l.key)} type="button" className="cd-button cd-button--small cd-button--danger-quiet" onClick={props.onRemove}>
          Remove label
        </button>
      </div>
      {issue('name')}
      {issue('color')}
      {issue('hotkey')}
      <p className="cd-field-hint">{usageHint(l, count)}</p>
      {isRemovalPending && (
        <div className="cd-confirm" role="alert">
          <p className="cd-confirm-text">{removalQuestion(shownName, count, formatCount)}</p>
          <div className="cd-confirm-actions">
            <button type="button" className="cd-button cd-button--small cd-button--destructive" onClick={props.onConfirmRemove}>
              Remove
            </button>
            <button id={ids.confirmCancel} type="button" className="cd-button cd-button--small" onClick={props.onCancelRemove}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <h3 className="cd-schema-subtitle">Attributes</h3>
      {l.attributes.length === 0 && (
        <p className="cd-field-hint">No attributes. Add one to record, for example, a claim’s type or a source’s role.</p>
      )}
      <SchemaEditorAttributes
        attributes={l.attributes}
        ids={ids}
        issueAt={issueAt}
        onChange={props.onEditAttributes}
        onAdd={props.onAddAttribute}
        canRequire
      />
    </div>
  );
}
