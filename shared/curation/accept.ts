/**
 * Accepting candidates into the curated layer: the operations that add a candidate's span (with
 * its attributes) and its links to the ends already accepted, found through candidate keys, so a
 * link is made whichever of its two ends is accepted second. Which candidates curation accepts by
 * itself, by policy. Pure: ids and the time come in a Stamp.
 */
import type { CurationPolicy } from '../api';
import { assertNever } from '../assert-never';
import type { Stamp } from '../model/commands';
import type { Operation } from '../model/operations';
import type { Annotation, Relation } from '../model/types';
import { curatedKeys } from './candidates';
import type { Candidate, LayerContent } from './types';

/**
 * The change that accepts a candidate into the curated layer: a new annotation (an id derived
 * from the candidate, see stableId; the candidate's label, bounds, quote and attributes; the
 * curator as author), then one relation per link of the candidate whose other end the curated
 * layer already holds, unless it holds that relation already.
 * @param curated the curated layer as it is now
 * @param stamp the curator, the time and fresh ids
 * @returns the operations, or [] when the curated layer holds the candidate already
 */
export function acceptOps(candidate: Candidate, curated: LayerContent, stamp: Stamp): Operation[] {
  const keys = curatedKeys(curated);
  if (keys.has(candidate.key)) return [];
  const taken = new Set([...curated.annotations.map((a) => a.id), ...curated.relations.map((r) => r.id)]);
  const annotation: Annotation = {
    id: stableId('c', candidate.key, taken, stamp),
    label: candidate.label,
    start: candidate.start,
    end: candidate.end,
    quote: candidate.quote,
    attributes: candidate.attributes,
    author: stamp.author,
    createdAt: stamp.now,
    updatedAt: stamp.now,
  };
  const ops: Operation[] = [{ op: 'addAnnotation', annotation }];
  const made = new Set(curated.relations.map((r) => relationId(r.type, r.from, r.to)));
  const idOf = (key: string) => (key === candidate.key ? annotation.id : keys.get(key));
  for (const link of candidate.links) {
    const from = idOf(link.from);
    const to = idOf(link.to);
    if (from === undefined || to === undefined || made.has(relationId(link.type, from, to))) continue;
    made.add(relationId(link.type, from, to));
    const relation: Relation = {
      id: stableId('r', relationId(link.type, from, to), taken, stamp),
      type: link.type,
      from,
      to,
      author: stamp.author,
      createdAt: stamp.now,
    };
    ops.push({ op: 'addRelation', relation });
  }
  return ops;
}

const relationId = (type: string, from: string, to: string) => JSON.stringify([type, from, to]);

/**
 * The id of what accepting a candidate adds: derived from the candidate (its key, or a link's
 * type and ends), so that two curators, or one on two machines, who accept the same candidate
 * add the same annotation, which a git merge by id keeps once. A fresh id when it is taken (the
 * curator edited an accepted span and accepts the candidate again).
 */
function stableId(prefix: string, key: string, taken: Set<string>, stamp: Stamp): string {
  const id = `${prefix}-${fnv1a(key)}${fnv1a(`~${key}`)}`;
  const chosen = taken.has(id) ? stamp.newId() : id;
  taken.add(chosen);
  return chosen;
}

/** The 32-bit FNV-1a hash of a string's UTF-16 code units, as 8 hex digits. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * The change that accepts several candidates in turn (each sees those before it as accepted, so
 * links between them are made too).
 * @returns the operations, [] when every one is accepted already
 */
export function acceptAllOps(candidates: readonly Candidate[], curated: LayerContent, stamp: Stamp): Operation[] {
  const annotations = [...curated.annotations];
  const relations = [...curated.relations];
  const ops: Operation[] = [];
  for (const candidate of candidates) {
    const change = acceptOps(candidate, { annotations, relations }, stamp);
    for (const op of change) {
      if (op.op === 'addAnnotation') annotations.push(op.annotation);
      else if (op.op === 'addRelation') relations.push(op.relation);
    }
    ops.push(...change);
  }
  return ops;
}

/**
 * The candidates curation accepts by itself under a policy: 'all', those every annotator made;
 * 'majority', those more than half of them made; 'none', none. Candidates already accepted or
 * rejected are left out.
 * @param annotatorCount how many annotators have a layer in the document
 */
export function autoAccept(candidates: readonly Candidate[], policy: CurationPolicy, annotatorCount: number): Candidate[] {
  const isUndecided = (c: Candidate) => c.state !== 'accepted' && c.state !== 'rejected';
  switch (policy) {
    case 'all':
      return candidates.filter((c) => isUndecided(c) && c.annotators.length === annotatorCount);
    case 'majority':
      return candidates.filter((c) => isUndecided(c) && c.annotators.length * 2 > annotatorCount);
    case 'none':
      return [];
    default:
      return assertNever(policy);
  }
}
