/**
 * One candidate in the curation panel (#11), as an option of its listbox: its state in words
 * (coloured too, never by colour alone), its label, quote, set attributes and links, and a chip
 * per annotator who made it. Its accessible name says the state, label, quote and who.
 */
import { memo, type CSSProperties } from 'react';
import type { Candidate, CandidateState } from '../../shared/curation';
import { isUnset } from '../../shared/model/schema-rules';
import type { Schema } from '../../shared/model/types';
import { excerpt, formatAttributeValue } from '../editor/annotation-text';
import { labelColor } from '../editor/annotation-views';

/** A state as the panel writes it. */
export const STATE_WORDS: Readonly<Record<CandidateState, string>> = {
  agreed: 'Agreed',
  disagreed: 'Disagreed',
  'only-one': 'Only one',
  accepted: 'Accepted',
  rejected: 'Rejected',
};

export type CurationCandidateProps = Readonly<{
  id: string;
  candidate: Candidate;
  schema: Schema;
  isCurrent: boolean;
  /** The quote of each candidate by key (for the other ends of links). */
  quoteOf: (key: string) => string | undefined;
  onPick: (key: string) => void;
}>;

/** The words of a candidate's accessible name. */
export function candidateName(c: Candidate): string {
  return `${STATE_WORDS[c.state]}: ${c.label} “${excerpt(c.quote, 80)}”, by ${c.annotators.join(', ')}`;
}

/** Renders the option. */
export const CurationCandidate = memo(function CurationCandidate({ id, candidate: c, schema, isCurrent, quoteOf, onPick }: CurationCandidateProps) {
  const attributes = Object.entries(c.attributes).filter(([, v]) => !isUnset(v));
  return (
    <div
      id={id}
      role="option"
      aria-selected={isCurrent}
      aria-label={candidateName(c)}
      className={`cd-candidate cd-candidate--${c.state}${isCurrent ? ' is-current' : ''}`}
      style={{ '--hl-color': labelColor(schema, c.label) } as CSSProperties}
      onClick={() => onPick(c.key)}
    >
      <div className="cd-candidate-head">
        <span className="cd-candidate-state">{STATE_WORDS[c.state]}</span>
        <span className="cd-chip cd-chip--small">{c.label}</span>
      </div>
      <q className="cd-candidate-quote">{excerpt(c.quote, 140)}</q>
      {attributes.length > 0 && (
        <dl className="cd-candidate-attrs">
          {attributes.map(([name, value]) => (
            <div key={name}>
              <dt>{name.replace(/_/g, ' ')}</dt>
              <dd>{formatAttributeValue(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {c.links.length > 0 && (
        <ul className="cd-candidate-links">
          {c.links.map((link) => {
            const isOut = link.from === c.key;
            const other = quoteOf(isOut ? link.to : link.from) ?? '?';
            return (
              <li key={`${link.type}|${link.from}|${link.to}`}>
                {isOut ? '→' : '←'} {link.type.replace(/_/g, ' ')} “{excerpt(other, 40)}”
                {link.annotators.length < c.annotators.length && <span className="cd-muted"> ({link.annotators.join(', ')})</span>}
              </li>
            );
          })}
        </ul>
      )}
      <div className="cd-candidate-who">
        {c.annotators.map((name) => (
          <span key={name} className="cd-candidate-annotator" title={`Made by ${name}`}>
            {name}
          </span>
        ))}
      </div>
    </div>
  );
});
