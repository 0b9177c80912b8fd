/**
 * The shapes of curation (adjudication, #11): what the annotators' layers offer the curator for
 * one document (candidates, one per distinct span variant, each with who made it and where it
 * stands) and the links between them. Plain JSON-safe data; no behaviour here.
 */
import type { Annotation, Attributes } from '../model/types';

export type { LayerContent } from '../agreement/types';

/**
 * Where a candidate stands, as INCEpTION's curation colours it:
 *   accepted   the curated layer holds it (same label, bounds and attributes)
 *   rejected   the curator rejected it
 *   agreed     every annotator made exactly it
 *   disagreed  not every annotator made it, and another made a different variant that competes
 *              with it (see candidates.ts), or several made it and others left it out
 *   only-one   one of several annotators made it, and nobody made anything competing with it
 * The first that applies wins, in this order.
 */
export type CandidateState = 'accepted' | 'rejected' | 'agreed' | 'disagreed' | 'only-one';

/** Every state, in the order a legend lists them. */
export const CANDIDATE_STATES: readonly CandidateState[] = ['agreed', 'disagreed', 'only-one', 'accepted', 'rejected'];

/** The states that still wait for the curator (Tab moves between these). */
export const UNDECIDED_STATES: ReadonlySet<CandidateState> = new Set(['agreed', 'disagreed', 'only-one']);

/** A link between two candidates: its type, the keys of its ends, and the annotators who made it. */
export type CandidateLink = Readonly<{ type: string; from: string; to: string; annotators: readonly string[] }>;

/** One distinct (label, start, end, attributes) variant that at least one annotator made. */
export type Candidate = Readonly<{
  /** Stable across reloads: label, bounds and the attributes in canonical form (see candidateKey). */
  key: string;
  label: string;
  start: number;
  end: number;
  quote: string;
  /** The attributes of the first source (every source has equal ones, in canonical form). */
  attributes: Attributes;
  /** Who made it, in name order. */
  annotators: readonly string[];
  /** The annotation each annotator made, by annotator (the first one in text order when they made it twice). */
  sources: Readonly<Record<string, Annotation>>;
  state: CandidateState;
  /** The curated annotation that holds it, or null when it is not accepted. */
  curatedId: string | null;
  /** The links of its sources whose other end is a candidate too (this one at `from` or at `to`). */
  links: readonly CandidateLink[];
}>;
