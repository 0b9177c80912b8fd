/**
 * Curation (adjudication, #11): the candidates the annotators' layers offer for one document,
 * accepting them into the curated layer (with their links), which ones a policy accepts by
 * itself, and moving between the undecided ones. Pure.
 */
export { candidateKey, competes, curatedKeys, curationCandidates } from './candidates';
export { rivalGroups } from './groups';
export { acceptAllOps, acceptOps, autoAccept } from './accept';
export { adjacentUndecided } from './navigation';
export { CANDIDATE_STATES, UNDECIDED_STATES, type Candidate, type CandidateLink, type CandidateState, type LayerContent } from './types';
