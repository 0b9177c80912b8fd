/**
 * The curation panel's legend (#11): each candidate state with its colour, its name in words and
 * how many candidates are in it, and what it means in the tooltip, so the colours never carry
 * the meaning alone.
 */
import { CANDIDATE_STATES, type Candidate, type CandidateState } from '../../shared/curation';
import { STATE_WORDS } from './CurationCandidate';

const MEANING: Readonly<Record<CandidateState, string>> = {
  agreed: 'every annotator made exactly this span',
  disagreed: 'the annotators differ here: compare the variants side by side',
  'only-one': 'one annotator made it and nobody made anything in its place',
  accepted: 'in the curated layer',
  rejected: 'you rejected it: it stays out of the curated layer',
};

export type CurationLegendProps = Readonly<{ candidates: readonly Candidate[] }>;

/** Renders the legend with counts. */
export function CurationLegend({ candidates }: CurationLegendProps) {
  const counts = new Map<CandidateState, number>();
  for (const c of candidates) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
  return (
    <ul className="cd-curation-legend" aria-label="Candidate states">
      {CANDIDATE_STATES.map((state) => (
        <li key={state} className={`cd-curation-legend-item cd-candidate--${state}`} title={`${STATE_WORDS[state]}: ${MEANING[state]}`}>
          <span className="cd-curation-swatch" aria-hidden="true" />
          {STATE_WORDS[state]} <span className="cd-curation-count">{counts.get(state) ?? 0}</span>
        </li>
      ))}
    </ul>
  );
}
