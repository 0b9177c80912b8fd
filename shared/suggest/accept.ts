/**
 * What the analyst sees of a suggestion set, and the changes that accept suggestions into their
 * layer. A suggestion is hidden once rejected, or once the layer holds an annotation of its
 * label over any of its text (tagged by hand or accepted). Accepting a suggestion adds it with
 * the targets of its links (a claim brings its source and cue; a pronoun, the mention it refers
 * to), reusing what the layer already holds, and the links; each new annotation records its
 * origin. Pure: ids and the time come in a Stamp.
 */
import type { Stamp } from '../model/commands';
import type { Operation } from '../model/operations';
import { findLabel } from '../model/schema-rules';
import type { Annotation, AttributeValue, Attributes, DocumentData, Relation, Schema } from '../model/types';
import { ORIGIN_PREFIX, type SuggestedLink, type Suggestion, type SuggestionKey, type SuggestionSet } from './types';

/** Finds, among a layer's annotations, the one a suggestion stands for. */
type AnnotationFinder = (s: Pick<Suggestion, 'label' | 'start' | 'end'>) => Annotation | undefined;

/**
 * The layer's annotation a suggestion stands for: same label and bounds, else the first of the
 * same label over any of its text. Annotations are indexed once per label by start, with the
 * running maximum of their ends, so each look-up is a binary search and a short walk back
 * (a 1 MB article has thousands of both).
 */
function annotationFinder(annotations: readonly Annotation[]): AnnotationFinder {
  const byLabel = new Map<string, { list: Annotation[]; maxEnd: number[] }>();
  for (const a of annotations) {
    const entry = byLabel.get(a.label) ?? { list: [], maxEnd: [] };
    entry.list.push(a);
    byLabel.set(a.label, entry);
  }
  for (const entry of byLabel.values()) {
    entry.list.sort((x, y) => x.start - y.start || x.end - y.end);
    let max = -1;
    entry.maxEnd = entry.list.map((a) => (max = Math.max(max, a.end)));
  }
  return (s) => {
    const entry = byLabel.get(s.label);
    if (!entry) return undefined;
    const { list, maxEnd } = entry;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start < s.end) lo = mid + 1;
      else hi = mid;
    }
    let found: Annotation | undefined;
    for (let i = lo - 1; i >= 0 && maxEnd[i]! > s.start; i--) {
      const a = list[i]!;
      if (a.end <= s.start) continue;
      if (a.start === s.start && a.end === s.end) return a;
      if (!found || a.start < found.start) found = a;
    }
    return found;
  };
}

/**
 * The suggestions still to decide: not rejected, not covered by an annotation of their label;
 * and the links between two of them, or between one and an annotation.
 */
export function visibleSuggestions(set: SuggestionSet, annotations: readonly Annotation[], rejected: ReadonlySet<SuggestionKey>): SuggestionSet {
  const byKey = new Map(set.suggestions.map((s) => [s.key, s]));
  const annotationFor = annotationFinder(annotations);
  const suggestions = set.suggestions.filter((s) => !rejected.has(s.key) && !annotationFor(s));
  const shown = new Set(suggestions.map((s) => s.key));
  const present = (key: SuggestionKey) => {
    const s = byKey.get(key);
    return s !== undefined && (shown.has(key) || (!rejected.has(key) && annotationFor(s) !== undefined));
  };
  const links = set.links.filter((l) => (shown.has(l.from) || shown.has(l.to)) && present(l.from) && present(l.to));
  return { suggestions, links };
}

/**
 * Keeps what the workspace's schema can hold: suggestions of labels it has, attributes those
 * labels define with values they allow, and links of types it allows between the two labels.
 */
export function fitToSchema(set: SuggestionSet, schema: Schema): SuggestionSet {
  const suggestions: Suggestion[] = [];
  for (const s of set.suggestions) {
    const def = findLabel(schema, s.label);
    if (!def) continue;
    const attributes: Record<string, AttributeValue> = {};
    for (const [name, value] of Object.entries(s.attributes)) {
      const attr = def.attributes.find((a) => a.name === name);
      if (attr && (attr.kind !== 'choice' || (typeof value === 'string' && attr.values?.includes(value)))) attributes[name] = value;
    }
    suggestions.push({ ...s, attributes });
  }
  const labelOf = new Map(suggestions.map((s) => [s.key, s.label]));
  const links = set.links.filter((l) => {
    const from = labelOf.get(l.from);
    const to = labelOf.get(l.to);
    const type = schema.relationTypes.find((t) => t.name === l.type);
    return from !== undefined && to !== undefined && type !== undefined && type.from.includes(from) && type.to.includes(to);
  });
  return { suggestions, links };
}

/**
 * The change that accepts the suggestions `keys` (and, for each, the targets of its links) into
 * the layer `doc`: one addAnnotation per span the layer does not hold yet, one addRelation per
 * suggested link whose two ends it then holds and does not link that way already, and the move
 * of a new document to in progress. Rejected targets are left out.
 * @returns the operations ([] when the layer holds everything already)
 */
export function acceptOps(
  doc: DocumentData,
  set: SuggestionSet,
  keys: readonly SuggestionKey[],
  rejected: ReadonlySet<SuggestionKey>,
  stamp: Stamp,
): Operation[] {
  const byKey = new Map(set.suggestions.map((s) => [s.key, s]));
  const outgoing = new Map<SuggestionKey, SuggestedLink[]>();
  for (const l of set.links) outgoing.set(l.from, [...(outgoing.get(l.from) ?? []), l]);
  const wanted = new Set<SuggestionKey>();
  for (const key of keys) {
    if (!byKey.has(key)) continue;
    wanted.add(key);
    for (const l of outgoing.get(key) ?? []) if (!rejected.has(l.to) && byKey.has(l.to)) wanted.add(l.to);
  }
  const ops: Operation[] = [];
  const idOf = new Map<SuggestionKey, string>();
  const held = annotationFinder(doc.annotations);
  for (const key of wanted) {
    const s = byKey.get(key)!;
    const existing = held(s);
    if (existing) {
      idOf.set(key, existing.id);
      continue;
    }
    const annotation = newAnnotation(doc.text, s, stamp);
    idOf.set(key, annotation.id);
    ops.push({ op: 'addAnnotation', annotation });
  }
  // The other ends of links touching what is accepted now: held already when tagged or accepted before.
  for (const l of set.links) {
    if (!wanted.has(l.from) && !wanted.has(l.to)) continue;
    for (const key of [l.from, l.to]) {
      const s = byKey.get(key);
      const existing = s && !idOf.has(key) && !rejected.has(key) ? held(s) : undefined;
      if (existing) idOf.set(key, existing.id);
    }
  }
  const linked = new Set(doc.relations.map((r) => `${r.type}\u0000${r.from}\u0000${r.to}`));
  for (const l of set.links) {
    if (!wanted.has(l.from) && !wanted.has(l.to)) continue;
    const from = idOf.get(l.from);
    const to = idOf.get(l.to);
    const id = `${l.type}\u0000${from}\u0000${to}`;
    if (from === undefined || to === undefined || from === to || linked.has(id)) continue;
    linked.add(id);
    const relation: Relation = { id: stamp.newId(), type: l.type, from, to, author: stamp.author, createdAt: stamp.now };
    ops.push({ op: 'addRelation', relation });
  }
  if (ops.length > 0 && doc.status === 'new') ops.push({ op: 'updateDocument', before: { status: 'new' }, after: { status: 'in_progress' } });
  return ops;
}

/** The keys of every suggestion of `label` in a (visible) set, for "accept all". */
export const keysOfLabel = (set: SuggestionSet, label: string): SuggestionKey[] => set.suggestions.filter((s) => s.label === label).map((s) => s.key);

/** Builds the annotation accepting `s` adds. */
function newAnnotation(text: string, s: Suggestion, stamp: Stamp): Annotation {
  const attributes: Attributes = { ...s.attributes };
  return {
    id: stamp.newId(),
    label: s.label,
    start: s.start,
    end: s.end,
    quote: text.slice(s.start, s.end),
    attributes,
    author: stamp.author,
    createdAt: stamp.now,
    updatedAt: stamp.now,
    origin: `${ORIGIN_PREFIX}${s.rule}`,
  };
}
