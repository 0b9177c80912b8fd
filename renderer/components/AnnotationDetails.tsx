/**
 * The details of the selected annotation, in the right-hand panel: its label (changeable: the
 * schema is applied with the change, and what it removed is said in the status bar), quote,
 * attributes (AnnotationAttributes: unset shown as unset, required ones flagged, attribute
 * keys), note (commits on blur), its links in both directions (the other end clickable, each
 * removable), Link… and Delete, and who made it when. Every edit is handed to `onApply` as the
 * operations of shared/model/commands, so it is saved and undoable like any other change.
 * Inputs show the stored value and reset when it changes (undo, another edit), so they never
 * show stale text. Merge conflicts (#11) are listed under the quote with a button per value. In
 * a read-only layer (another annotator's) every control that would change the annotation is
 * disabled.
 */
import type { CSSProperties } from 'react';
import { relabel, setAttribute, setNote, unlink } from '../../shared/model/commands';
import { isUnsourcedClaim } from '../../shared/model/vocabulary';
import type { Operation } from '../../shared/model/operations';
import type { Annotation, AttributeValue, DocumentData, Relation, Schema } from '../../shared/model/types';
import { excerpt } from '../editor/annotation-text';
import { labelColor } from '../editor/annotation-views';
import { formatDateTime } from '../util/format';
import { AnnotationAttributes } from './AnnotationAttributes';
import { ConflictList } from './ConflictList';
import { Fact } from './Fact';
import './AnnotationDetails.css';

export type AnnotationDetailsProps = Readonly<{
  annotation: Annotation;
  doc: DocumentData;
  schema: Schema;
  /** Relation types that may start at this annotation's label (Link… is offered when there is one). */
  linkTypes: readonly string[];
  /** Applies a change; false when it was not applied (refused, or nothing to do). */
  onApply: (change: readonly Operation[] | string | null) => boolean;
  /** Shows an information message in the status bar (what a label change removed). */
  onInfo: (text: string) => void;
  onSelect: (id: string | null) => void;
  onStartLink: () => void;
  onDelete: () => void;
  /** An attribute key sequence started: keys the article never sees (the annotator dismisses its link offer). */
  onKeySequence: () => void;
  /** True in another annotator's layer: shown, not changeable. */
  isReadOnly?: boolean;
}>;

const now = () => new Date().toISOString();

/** Renders the panel for `annotation`. */
export function AnnotationDetails(props: AnnotationDetailsProps) {
  const { annotation: a, doc, schema, linkTypes, onApply, onInfo, onSelect, onStartLink, onDelete, onKeySequence, isReadOnly = false } = props;
  const def = schema.labels.find((l) => l.name === a.label);
  const relations = doc.relations.filter((r) => r.from === a.id || r.to === a.id);
  const setValue = (name: string, value: AttributeValue) => void onApply(setAttribute(doc, a.id, name, value, now()));
  const unsourced = isUnsourcedClaim(a, doc.relations);
  const changeLabel = (label: string) => {
    const change = relabel(doc, schema, a.id, label, now());
    if (change && onApply(change.ops) && change.message) onInfo(change.message);
  };

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
          <select className="cd-input" value={a.label} disabled={isReadOnly} onChange={(e) => changeLabel(e.target.value)}>
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

      <AnnotationAttributes annotation={a} def={def} onSet={setValue} onKeySequence={onKeySequence} isReadOnly={isReadOnly} />

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
            {relations.map((r) => linkItem(doc, schema, a, r, onSelect, () => void onApply(unlink(doc, r.id)), isReadOnly))}
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

/** The longest linked text shown in full; past it, an ellipsis (the whole text is the tooltip). */
const LINK_TEXT_MAX = 60;

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
  const text = other ? excerpt(other.quote, LINK_TEXT_MAX) : '(missing)';
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
        <span className="cd-link-end-text" title={other && text !== other.quote ? other.quote : undefined}>
          “{text}”
        </span>
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
