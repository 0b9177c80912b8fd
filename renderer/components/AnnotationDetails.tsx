/**
 * The details of the selected annotation, in the right-hand panel: its label (changeable),
 * quote, attributes (an editor per kind: choice -> select, multi -> checkboxes, boolean ->
 * checkbox, number and text -> inputs that commit on blur or Enter), note (commits on blur),
 * its links in both directions (the other end clickable, each removable), Link… and Delete,
 * and who made it when. Every edit is handed to `onApply` as the operations of
 * shared/model/commands, so it is saved and undoable like any other change. Inputs show the
 * stored value and reset when it changes (undo, another edit), so they never show stale text.
 * Merge conflicts (#11) are listed under the quote with a button per value. In a read-only layer
 * (another annotator's) every control that would change the annotation is disabled.
 */
import type { CSSProperties, KeyboardEvent } from 'react';
import { relabel, setAttribute, setNote, unlink } from '../../shared/model/commands';
import { isUnsourcedClaim } from '../../shared/model/vocabulary';
import type { Operation } from '../../shared/model/operations';
import type { Annotation, AttributeDef, AttributeValue, DocumentData, Relation, Schema } from '../../shared/model/types';
import { excerpt, formatAttributeValue } from '../editor/annotation-text';
import { labelColor } from '../editor/annotation-views';
import { formatDateTime } from '../util/format';
import { ConflictList } from './ConflictList';
import { Fact } from './Fact';
import './AnnotationDetails.css';

export type AnnotationDetailsProps = Readonly<{
  annotation: Annotation;
  doc: DocumentData;
  schema: Schema;
  /** Relation types that may start at this annotation's label (Link… is offered when there is one). */
  linkTypes: readonly string[];
  onApply: (change: readonly Operation[] | string | null) => void;
  onSelect: (id: string | null) => void;
  onStartLink: () => void;
  onDelete: () => void;
  /** True in another annotator's layer: shown, not changeable. */
  isReadOnly?: boolean;
}>;

const now = () => new Date().toISOString();

/** Renders the panel for `annotation`. */
export function AnnotationDetails(props: AnnotationDetailsProps) {
  const { annotation: a, doc, schema, linkTypes, onApply, onSelect, onStartLink, onDelete, isReadOnly = false } = props;
  const def = schema.labels.find((l) => l.name === a.label);
  const defined = new Set(def?.attributes.map((d) => d.name));
  // Attributes the schema no longer defines are still shown (read-only), never hidden.
  const orphans = Object.keys(a.attributes).filter((name) => !defined.has(name));
  const relations = doc.relations.filter((r) => r.from === a.id || r.to === a.id);
  const setValue = (name: string, value: AttributeValue) => onApply(setAttribute(doc, a.id, name, value, now()));
  const unsourced = isUnsourcedClaim(a, doc.relations);

  return (
    <aside
      className="cd-details cd-annotation"
      aria-label="Annotation details"
      style={{ '--hl-color': labelColor(schema, a.label) } as CSSProperties}
    >
      <div className="cd-annotation-head">
        <h2 className="cd-panel-title">Annotation</h2>
        <button
          type="button"
          className="cd-icon-button cd-icon-button--small"
          aria-label="Close annotation details"
          title="Close (Esc)"
          onClick={() => onSelect(null)}
        >
          ×
        </button>
      </div>

      <label className="cd-field">
        <span className="cd-field-label">Label</span>
        <span className="cd-label-select">
          <span className="cd-swatch" aria-hidden="true" />
          <select className="cd-input" value={a.label} disabled={isReadOnly} onChange={(e) => onApply(relabel(doc, a.id, e.target.value, now()))}>
            {!def && <option value={a.label}>{a.label} (not in the schema)</option>}
            {schema.labels.map((l) => (
              <option key={l.name} value={l.name}>
                {l.name}
              </option>
            ))}
          </select>
        </span>
      </label>

      <figure className="cd-field cd-quote">
        <figcaption className="cd-field-label">Quote</figcaption>
        <blockquote aria-label="Quote">{excerpt(a.quote, 600)}</blockquote>
      </figure>

      <ConflictList annotation={a} doc={doc} isReadOnly={isReadOnly} onApply={onApply} />

      {unsourced && (
        <p className="cd-flag" role="note">
          No source linked yet.{' '}
          <button type="button" className="cd-link-button" onClick={onStartLink} disabled={isReadOnly}>
            Link a source…
          </button>
        </p>
      )}

      {(def?.attributes.length ?? 0) + orphans.length > 0 && (
        <fieldset className="cd-attributes" disabled={isReadOnly}>
          <legend className="cd-field-label">Attributes</legend>
          {def?.attributes.map((attr) => attributeField(a, attr, a.attributes[attr.name] ?? null, setValue))}
          {orphans.map((name) => (
            <div key={name} className="cd-attribute cd-attribute--orphan" title="Not in the schema any more">
              <span className="cd-attribute-name">{name}</span>
              <span>{formatAttributeValue(a.attributes[name] ?? null)}</span>
            </div>
          ))}
        </fieldset>
      )}

      <label className="cd-field">
        <span className="cd-field-label">Note</span>
        <textarea
          key={`${a.id}:${a.note ?? ''}`}
          className="cd-input cd-textarea"
          defaultValue={a.note ?? ''}
          readOnly={isReadOnly}
          rows={3}
          placeholder="Why this matters, what to check…"
          onBlur={(e) => onApply(setNote(doc, a.id, e.target.value.trim() === '' ? '' : e.target.value, now()))}
        />
      </label>

      <section className="cd-field" aria-labelledby={`links-${a.id}`}>
        <h3 className="cd-field-label" id={`links-${a.id}`}>
          Links
        </h3>
        {relations.length === 0 ? (
          <p className="cd-muted cd-links-none">No links.</p>
        ) : (
          <ul className="cd-links" aria-label="Links">
            {relations.map((r) => linkItem(doc, schema, a, r, onSelect, () => onApply(unlink(doc, r.id)), isReadOnly))}
          </ul>
        )}
      </section>

      <div className="cd-annotation-actions">
        <button type="button" className="cd-button" onClick={onStartLink} disabled={isReadOnly || linkTypes.length === 0} title="Link (L)">
          Link…
        </button>
        <button type="button" className="cd-button cd-button--danger" onClick={onDelete} disabled={isReadOnly} title="Delete (Del)">
          Delete
        </button>
      </div>

      <dl className="cd-facts cd-annotation-facts">
        <Fact label="Author">{a.author || '—'}</Fact>
        <Fact label="Created">{formatDateTime(a.createdAt)}</Fact>
        <Fact label="Updated">{formatDateTime(a.updatedAt)}</Fact>
        <Fact label="Offsets">
          {a.start}–{a.end}
        </Fact>
      </dl>
    </aside>
  );
}

/** Commits a text or number input on Enter (blur commits too). */
const commitOnEnter = (e: KeyboardEvent<HTMLInputElement>) => {
  if (e.key === 'Enter') e.currentTarget.blur();
};

/** One attribute's editor, chosen by its kind; the control's accessible name is the attribute's name. */
function attributeField(a: Annotation, attr: AttributeDef, value: AttributeValue, set: (name: string, value: AttributeValue) => void) {
  const key = `${a.id}:${attr.name}`;
  const name = attr.name;
  switch (attr.kind) {
    case 'choice': {
      const values = attr.values ?? [];
      const current = typeof value === 'string' ? value : '';
      return (
        <label key={key} className="cd-attribute">
          <span className="cd-attribute-name">{name}</span>
          <select className="cd-input" value={current} onChange={(e) => set(name, e.target.value === '' ? null : e.target.value)}>
            {!values.includes(current) && <option value={current}>{current === '' ? '—' : `${current} (not in the schema)`}</option>}
            {values.map((v) => (
              <option key={v} value={v}>
                {v.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </label>
      );
    }
    case 'multi': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset key={key} className="cd-attribute cd-attribute--multi" aria-label={name}>
          <legend className="cd-attribute-name">{name}</legend>
          {(attr.values ?? []).map((v) => (
            <label key={v} className="cd-check">
              <input
                type="checkbox"
                checked={chosen.includes(v)}
                onChange={(e) => set(name, e.target.checked ? [...chosen, v] : chosen.filter((x) => x !== v))}
              />
              {v.replace(/_/g, ' ')}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'boolean':
      return (
        <label key={key} className="cd-attribute cd-check">
          <input type="checkbox" checked={value === true} onChange={(e) => set(name, e.target.checked)} />
          <span className="cd-attribute-name">{name}</span>
        </label>
      );
    case 'number':
      return (
        <label key={`${key}:${String(value)}`} className="cd-attribute">
          <span className="cd-attribute-name">{name}</span>
          <input
            type="number"
            className="cd-input"
            defaultValue={typeof value === 'number' ? value : ''}
            onKeyDown={commitOnEnter}
            onBlur={(e) => set(name, e.target.value === '' || !Number.isFinite(e.target.valueAsNumber) ? null : e.target.valueAsNumber)}
          />
        </label>
      );
    case 'text':
      return (
        <label key={`${key}:${String(value)}`} className="cd-attribute">
          <span className="cd-attribute-name">{name}</span>
          <input
            type="text"
            className="cd-input"
            defaultValue={typeof value === 'string' ? value : ''}
            onKeyDown={commitOnEnter}
            onBlur={(e) => set(name, e.target.value.trim() === '' ? null : e.target.value)}
          />
        </label>
      );
    default:
      return attr.kind satisfies never;
  }
}

/** One link: its type and direction, the other end (click to select it), and a remove button. */
function linkItem(
  doc: DocumentData,
  schema: Schema,
  a: Annotation,
  r: Relation,
  onSelect: (id: string) => void,
  onRemove: () => void,
  isReadOnly: boolean,
) {
  const outgoing = r.from === a.id;
  const otherId = outgoing ? r.to : r.from;
  const other = doc.annotations.find((x) => x.id === otherId);
  const text = other ? excerpt(other.quote, 60) : '(missing)';
  const direction = outgoing ? '→' : '←';
  return (
    <li key={r.id} className="cd-link-item" style={{ '--hl-color': labelColor(schema, other?.label ?? '') } as CSSProperties}>
      <span className="cd-link-type">
        {outgoing ? '' : `${direction} `}
        {r.type}
        {outgoing ? ` ${direction}` : ''}
      </span>
      <button
        type="button"
        className="cd-link-end"
        disabled={!other}
        onClick={() => onSelect(otherId)}
        title={other ? `Select this ${other.label}` : undefined}
      >
        {other && <span className="cd-chip cd-chip--small">{other.label}</span>}
        <span className="cd-link-end-text">“{text}”</span>
      </button>
      <button
        type="button"
        className="cd-icon-button cd-icon-button--small"
        aria-label={`Remove link ${r.type} ${outgoing ? 'to' : 'from'} “${text}”`}
        disabled={isReadOnly}
        onClick={onRemove}
      >
        ×
      </button>
    </li>
  );
}
