/**
 * The words of the default schema that Claimdesk's own logic depends on (the claims table, the
 * "no source" flag, exports, suggestions), each with one home, and the questions asked of them:
 * which relations leave or reach an annotation, and whether a claim lacks its source. Pure.
 */
import type { Annotation, DocumentData, Relation } from './types';

/** The label of claims: the rows of the claims table. */
export const CLAIM_LABEL = 'Claim';
/** The label of the people and bodies a claim is attributed to. */
export const SOURCE_LABEL = 'Source';
/** The label of reporting verbs and phrases. */
export const CUE_LABEL = 'Cue';
/** The label of named people, bodies and places that are not (yet) a claim's source. */
export const ENTITY_LABEL = 'Entity';
/** The labels of mentions: a tagged one has its other occurrences proposed (#15), linked by coref. */
export const MENTION_LABELS: ReadonlySet<string> = new Set([SOURCE_LABEL, ENTITY_LABEL]);
/** The relation from a claim to its source. */
export const ATTRIBUTED_TO = 'attributed_to';
/** The relation from a claim to its cue. */
export const HAS_CUE = 'has_cue';
/** The relation from a mention (Source or Entity) to another mention of the same person or body. */
export const COREF = 'coref';
/** The Claim attribute saying whether the claim is the author's own (`authorial`) or reported. */
export const ATTRIBUTION_ATTRIBUTE = 'attribution';

const NONE: readonly Relation[] = [];

/** A document's relations by the annotation they leave from and the one they reach. */
export type RelationsByEnd = Readonly<{
  /** The relations leaving an annotation (none: an empty list). */
  from: (annotationId: string) => readonly Relation[];
  /** The relations reaching an annotation. */
  to: (annotationId: string) => readonly Relation[];
}>;

/** Indexes relations by their ends, in one pass (then each look-up is a map read, not a scan). */
export function relationsByEnd(relations: readonly Relation[]): RelationsByEnd {
  const from = new Map<string, Relation[]>();
  const to = new Map<string, Relation[]>();
  const add = (map: Map<string, Relation[]>, key: string, r: Relation) => {
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  };
  for (const r of relations) {
    add(from, r.from, r);
    add(to, r.to, r);
  }
  return { from: (id) => from.get(id) ?? NONE, to: (id) => to.get(id) ?? NONE };
}

/**
 * True when `a` is a claim reported from a source (not authorial) with no attributed_to link.
 * @param outgoing the relations leaving `a` (see relationsByEnd); others are ignored
 */
export function isUnsourcedClaim(a: Annotation, outgoing: readonly Relation[]): boolean {
  return (
    a.label === CLAIM_LABEL &&
    a.attributes[ATTRIBUTION_ATTRIBUTE] !== 'authorial' &&
    !outgoing.some((r) => r.type === ATTRIBUTED_TO && r.from === a.id)
  );
}

/** The ids of every unsourced claim of a document, in one pass over it. */
export function unsourcedClaimIds(doc: DocumentData): Set<string> {
  const byEnd = relationsByEnd(doc.relations);
  return new Set(doc.annotations.filter((a) => isUnsourcedClaim(a, byEnd.from(a.id))).map((a) => a.id));
}
