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
import { assertNever } from '../assert-never';
import type { Annotation, AttributeDef, AttributeValue, Attributes, DocumentData, Relation, Schema } from '../model/types';
import { ORIGIN_PREFIX, type SuggestedLink, type Suggestion, type SuggestionKey, type SuggestionSet } from './types';

/** A span named by a key: a suggestion's, or (for a link end outside the set) the label and bounds the key spells. */
type Span = Pick<Suggestion, 'label' | 'start' | 'end'>;

/** The label and bounds a key spells (`Label:start-end`), or undefined when it spells none. */
function spanOfKey(key: SuggestionKey): Span | undefined {
  const m = /^(.+):(\d+)-(\d+)$/.exec(key);
  return m ? { label: m[1]!, start: Number(m[2]), end: Number(m[3]) } : undefined;
}

/** Finds, among a layer's annotations, the one a suggestion stands for. */
export type AnnotationFinder = (s: Span) => Annotation | undefined;

/**
 * The layer's annotation a suggestion stands for: same label and bounds, else the first of the
 * same label over any of its text. Annotations are indexed once per label by start, with the
 * running maximum of their ends, so each look-up is a binary search and a short walk back
 * (a 1 MB article has thousands of both).
 * @param annotations the layer's annotations, indexed once here
 * @returns a look-up: the annotation for a label and bounds, or undefined when none of that label overlaps them
 */
export function annotationFinder(annotations: readonly Annotation[]): AnnotationFinder {
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
 * and the links between two of them, or between one and an annotation (a link end outside the
 * set, such as the tagged mention an occurrence refers to, stands for the annotation with
 * exactly its label and bounds).
 */
export function visibleSuggestions(set: SuggestionSet, annotations: readonly Annotation[], rejected: ReadonlySet<SuggestionKey>): SuggestionSet {
  const byKey = new Map(set.suggestions.map((s) => [s.key, s]));
  const annotationFor = annotationFinder(annotations);
  const suggestions = set.suggestions.filter((s) => !rejected.has(s.key) && !annotationFor(s));
  const shown = new Set(suggestions.map((s) => s.key));
  const present = (key: SuggestionKey) => shown.has(key) || (!rejected.has(key) && heldEnd(annotationFor, byKey, key) !== undefined);
  const links = set.links.filter((l) => (shown.has(l.from) || shown.has(l.to)) && present(l.from) && present(l.to));
  return { suggestions, links };
}

/** The annotation a link end stands for: a suggestion's (same label, any overlap), or one with exactly the bounds a key outside the set spells. */
function heldEnd(held: AnnotationFinder, byKey: ReadonlyMap<SuggestionKey, Suggestion>, key: SuggestionKey): Annotation | undefined {
  const s = byKey.get(key);
  if (s) return held(s);
  const span = spanOfKey(key);
  const a = span && held(span);
  return a && a.start === span.start && a.end === span.end ? a : undefined;
}

/**
 * Keeps what the workspace's schema can hold: suggestions of labels it has, attributes those
 * labels define with values they allow, and links of types it allows between the two labels.
 * The service runs the same steps in time slices (fitSuggestion, then linkFits).
 */
export function fitToSchema(set: SuggestionSet, schema: Schema): SuggestionSet {
  const suggestions = set.suggestions.flatMap((s) => fitSuggestion(s, schema) ?? []);
  const endLabel = endLabels(set, suggestions);
  return { suggestions, links: set.links.filter((l) => linkFits(l, endLabel, schema)) };
}

/** A suggestion as the schema can hold it (its attributes fitted), or undefined when the schema has not its label. */
export function fitSuggestion(s: Suggestion, schema: Schema): Suggestion | undefined {
  const def = findLabel(schema, s.label);
  if (!def) return undefined;
  const attributes: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(s.attributes)) {
    const fitted = fitValue(
      def.attributes.find((a) => a.name === name),
      value,
    );
    if (fitted !== undefined) attributes[name] = fitted;
  }
  return { ...s, attributes };
}

/**
 * The label of a link end once the set is fitted: a kept suggestion's, none for a dropped one,
 * and for an end outside the set (a tagged mention) the label its key spells.
 */
export function endLabels(set: SuggestionSet, fitted: readonly Suggestion[]): (key: SuggestionKey) => string | undefined {
  const labelOf = new Map(fitted.map((s) => [s.key, s.label]));
  const known = new Set(set.suggestions.map((s) => s.key));
  return (key) => labelOf.get(key) ?? (known.has(key) ? undefined : spanOfKey(key)?.label);
}

/** True when the schema has the link's type between the labels of its two ends. */
export function linkFits(l: SuggestedLink, endLabel: (key: SuggestionKey) => string | undefined, schema: Schema): boolean {
  const from = endLabel(l.from);
  const to = endLabel(l.to);
  const type = schema.relationTypes.find((t) => t.name === l.type);
  return from !== undefined && to !== undefined && type !== undefined && type.from.includes(from) && type.to.includes(to);
}

/** A rule's value as the schema's attribute can hold it: a choice or multi value it lists, a boolean, number or text of its kind; else undefined. */
function fitValue(def: AttributeDef | undefined, value: AttributeValue): AttributeValue | undefined {
  if (!def) return undefined;
  const listed = (v: unknown) => typeof v === 'string' && (def.values?.includes(v) ?? false);
  switch (def.kind) {
    case 'choice':
      return listed(value) ? value : undefined;
    case 'multi': {
      const values = Array.isArray(value) ? value : [value];
      return values.length > 0 && values.every(listed) ? (values as string[]) : undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'number':
      return typeof value === 'number' ? value : undefined;
    case 'text':
      return typeof value === 'string' ? value : undefined;
    default:
      return assertNever(def.kind);
  }
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
  // What this change adds reaching furthest, by label: taken in text order, a wanted span that
  // starts inside it (a quotation inside a reporting clause, both accepted at once) is that
  // annotation, as visibleSuggestions would show it.
  const reach = new Map<string, Annotation>();
  const addedOver = (s: Span) => {
    const a = reach.get(s.label);
    return a && a.end > s.start ? a : undefined;
  };
  for (const key of [...wanted].sort((x, y) => byKey.get(x)!.start - byKey.get(y)!.start || byKey.get(y)!.end - byKey.get(x)!.end)) {
    const s = byKey.get(key)!;
    const existing = held(s) ?? addedOver(s);
    if (existing) {
      idOf.set(key, existing.id);
      continue;
    }
    const annotation = newAnnotation(doc.text, s, stamp);
    if ((reach.get(s.label)?.end ?? -1) < annotation.end) reach.set(s.label, annotation);
    idOf.set(key, annotation.id);
    ops.push({ op: 'addAnnotation', annotation });
  }
  // The other ends of links touching what is accepted now: held already when tagged or accepted before.
  for (const l of set.links) {
    if (!wanted.has(l.from) && !wanted.has(l.to)) continue;
    for (const key of [l.from, l.to]) {
      const existing = idOf.has(key) || rejected.has(key) ? undefined : heldEnd(held, byKey, key);
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
