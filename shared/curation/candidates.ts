/**
 * The candidates of one document's curation: every distinct span variant (label, bounds and
 * attributes) the annotators made, in text order, with who made it, its state and its links.
 * Two variants compete when they overlap and either have the same label (a boundary or attribute
 * disagreement) or the same bounds (a label disagreement); a span of another label nested in or
 * crossing it (a source inside a claim) is a different thing, not a rival. Pure: no clock, no ids.
 */
import { attributeCategory } from '../agreement/kappa';
import { isUnset } from '../model/schema-rules';
import type { Annotation, Attributes } from '../model/types';
import type { Candidate, CandidateLink, CandidateState, LayerContent } from './types';

/**
 * The stable key of a span variant: its label, bounds and set attributes in canonical form (names
 * in code-unit order; unset values (isUnset) left out, as if absent; a multi-value list as a
 * set), so two annotations have the same key exactly when curation counts them as the same.
 */
export function candidateKey(a: Pick<Annotation, 'label' | 'start' | 'end' | 'attributes'>): string {
  return JSON.stringify([a.label, a.start, a.end, canonicalAttributes(a.attributes)]);
}

/** The set attributes as [name, category] pairs in name order (see attributeCategory). */
function canonicalAttributes(attributes: Attributes): [string, string][] {
  const out: [string, string][] = [];
  for (const name of Object.keys(attributes).sort()) if (!isUnset(attributes[name])) out.push([name, attributeCategory(attributes[name])]);
  return out;
}

/** The key of each curated annotation, first id per key. */
export function curatedKeys(curated: Pick<LayerContent, 'annotations'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of curated.annotations) {
    const key = candidateKey(a);
    if (!out.has(key)) out.set(key, a.id);
  }
  return out;
}

/** A variant while it is being gathered. */
type Variant = {
  key: string;
  first: Annotation;
  sources: Record<string, Annotation>;
  annotators: string[];
  hasRival: boolean;
  links: Map<string, CandidateLink & { annotators: string[] }>;
};

/**
 * Every candidate of a document, in text order (start, then the longer first, then label and key).
 * @param layers each annotator's layer, by annotator (not the curated one)
 * @param curated the curated layer as it is now (empty when there is none yet)
 * @param rejected the keys the curator rejected
 * @returns the candidates; with a single annotator every candidate is agreed (nobody disagrees)
 */
export function curationCandidates(
  layers: Readonly<Record<string, LayerContent>>,
  curated: Pick<LayerContent, 'annotations'>,
  rejected: ReadonlySet<string>,
): Candidate[] {
  const annotators = Object.keys(layers).sort();
  const variants = new Map<string, Variant>();
  const keyOf = new Map<string, Map<string, string>>(); // annotator -> annotation id -> key
  for (const name of annotators) {
    const ids = new Map<string, string>();
    keyOf.set(name, ids);
    for (const a of [...layers[name]!.annotations].sort((x, y) => x.start - y.start || y.end - x.end)) {
      const key = candidateKey(a);
      ids.set(a.id, key);
      let v = variants.get(key);
      if (!v) variants.set(key, (v = { key, first: a, sources: {}, annotators: [], hasRival: false, links: new Map() }));
      if (!Object.hasOwn(v.sources, name)) {
        v.sources[name] = a;
        v.annotators.push(name);
      }
    }
  }
  const ordered = [...variants.values()].sort(
    (x, y) => x.first.start - y.first.start || y.first.end - x.first.end || compareText(x.first.label, y.first.label) || compareText(x.key, y.key),
  );
  markRivals(ordered);
  for (const name of annotators) addLinks(variants, layers[name]!, name, keyOf.get(name)!);
  const accepted = curatedKeys(curated);
  return ordered.map((v) => {
    const curatedId = accepted.get(v.key) ?? null;
    const links = [...v.links.values()].sort((x, y) => compareText(x.type, y.type) || compareText(x.from, y.from) || compareText(x.to, y.to));
    return {
      key: v.key,
      label: v.first.label,
      start: v.first.start,
      end: v.first.end,
      quote: v.first.quote,
      attributes: v.first.attributes,
      annotators: v.annotators,
      sources: v.sources,
      state: stateOf(v, curatedId !== null, rejected.has(v.key), annotators.length),
      curatedId,
      links,
    };
  });
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function stateOf(v: Variant, isAccepted: boolean, isRejected: boolean, annotatorCount: number): CandidateState {
  if (isAccepted) return 'accepted';
  if (isRejected) return 'rejected';
  if (v.annotators.length === annotatorCount) return 'agreed';
  return v.hasRival || v.annotators.length > 1 ? 'disagreed' : 'only-one';
}

/**
 * Marks every variant that a variant made by someone else competes with (see the module comment),
 * in one sweep over the variants in start order, keeping those not yet ended.
 */
function markRivals(ordered: readonly Variant[]): void {
  let open: Variant[] = [];
  for (const v of ordered) {
    open = open.filter((w) => w.first.end > v.first.start);
    for (const w of open) {
      if (!competes(v.first, w.first)) continue;
      if (w.annotators.some((n) => !v.annotators.includes(n))) v.hasRival = true;
      if (v.annotators.some((n) => !w.annotators.includes(n))) w.hasRival = true;
    }
    open.push(v);
  }
}

/** What competing needs of a span. */
type LabelledSpan = Pick<Annotation, 'label' | 'start' | 'end'>;

/** Two spans compete when they overlap and have the same label or the same bounds (see the module comment). */
export const competes = (a: LabelledSpan, b: LabelledSpan): boolean =>
  a.start < b.end && b.start < a.end && (a.label === b.label || (a.start === b.start && a.end === b.end));

/** Adds one annotator's relations, as links between the keys of their ends, to both ends' variants. */
function addLinks(variants: Map<string, Variant>, layer: LayerContent, annotator: string, keys: ReadonlyMap<string, string>): void {
  for (const r of layer.relations) {
    const from = keys.get(r.from);
    const to = keys.get(r.to);
    if (from === undefined || to === undefined) continue; // a dangling relation links no candidate
    const id = JSON.stringify([r.type, from, to]);
    for (const end of from === to ? [from] : [from, to]) {
      const v = variants.get(end)!;
      let link = v.links.get(id);
      if (!link) v.links.set(id, (link = { type: r.type, from, to, annotators: [] }));
      if (!link.annotators.includes(annotator)) link.annotators.push(annotator);
    }
  }
}
