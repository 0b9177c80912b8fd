/**
 * The card shown while the pointer rests on a highlight: the label, an excerpt of the quote,
 * the attributes that are set, and the annotation's links (for a claim: its sources). Drawn
 * outside the article, fixed to the viewport under (or above) the hovered element; it never
 * takes the pointer, so moving on to a neighbouring highlight is not blocked.
 */
import type { CSSProperties } from 'react';
import { isUnset } from '../../shared/model/schema-rules';
import { isUnsourcedClaim } from '../../shared/model/vocabulary';
import type { Annotation, DocumentData, Schema } from '../../shared/model/types';
import { excerpt, formatAttributeValue } from '../editor/annotation-text';
import { labelColor } from '../editor/annotation-views';
import './HoverCard.css';

export type HoverCardProps = Readonly<{
  annotation: Annotation;
  doc: DocumentData;
  schema: Schema;
  /** The hovered element's box, in viewport coordinates. */
  rect: Readonly<{ left: number; top: number; bottom: number }>;
}>;

const MAX_ATTRIBUTES = 5;
const CARD_ROOM = 180;

/** Renders the card for `annotation`. */
export function HoverCard({ annotation, doc, schema, rect }: HoverCardProps) {
  const def = schema.labels.find((l) => l.name === annotation.label);
  const names = def ? def.attributes.map((a) => a.name) : Object.keys(annotation.attributes);
  const shown = names.filter((n) => !isUnset(annotation.attributes[n])).slice(0, MAX_ATTRIBUTES);
  const links = doc.relations.filter((r) => r.from === annotation.id || r.to === annotation.id);
  const quoteOf = (id: string) => doc.annotations.find((a) => a.id === id)?.quote ?? '?';
  const below = rect.bottom + CARD_ROOM < window.innerHeight;
  const style: CSSProperties & Record<'--hl-color', string> = {
    left: rect.left,
    top: below ? rect.bottom + 8 : rect.top - 8,
    transform: below ? undefined : 'translateY(-100%)',
    '--hl-color': labelColor(schema, annotation.label),
  };
  return (
    <div role="tooltip" className="cd-hovercard" style={style}>
      <div className="cd-hovercard-head">
        <span className="cd-chip">{annotation.label}</span>
        {annotation.note && <span className="cd-hovercard-note">has a note</span>}
      </div>
      <p className="cd-hovercard-quote">“{excerpt(annotation.quote, 140)}”</p>
      {shown.length > 0 && (
        <dl className="cd-hovercard-attrs">
          {shown.map((name) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{formatAttributeValue(annotation.attributes[name] ?? null)}</dd>
            </div>
          ))}
        </dl>
      )}
      {links.length > 0 && (
        <ul className="cd-hovercard-links">
          {links.map((r) => (
            <li key={r.id}>
              {r.from === annotation.id ? `${r.type} → ` : `← ${r.type} `}“{excerpt(quoteOf(r.from === annotation.id ? r.to : r.from), 40)}”
            </li>
          ))}
        </ul>
      )}
      {isUnsourcedClaim(annotation, doc.relations) && <p className="cd-hovercard-flag">No source linked</p>}
    </div>
  );
}
