/**
 * One pair of annotators, document by document: the span matchings, alpha_u's continuum, the
 * attribute tallies and relation counts of the documents both have a layer in, added up into the
 * pair's figures. Pure (the state is local to one `computeAgreement` call).
 */
import type { Annotation, Relation } from '../model/types';
import {
  addStretch,
  alphaOf,
  disagreementOf,
  mergeUnits,
  newContinuum,
  stretchDisagreement,
  summarizeStretch,
  type Continuum,
  type Unit,
} from './alpha-unitizing';
import { attributeCategory, newKappaTally, tallyPair, UNSET_CATEGORY, type KappaTally } from './kappa';
import { countExactMatches, f1, matchOverlapping } from './matching';
import type { RelationCounts } from './relations';
import { countRelations } from './relations';
import type { Figure } from './types';

/** One annotator's layer of one document, grouped by label (made once, used by every pair). */
export type PreparedLayer = Readonly<{
  /** Spans per label, in the layer's order. */
  spans: ReadonlyMap<string, readonly Annotation[]>;
  /** alpha_u's units per label: the spans merged (see `mergeUnits`). */
  units: ReadonlyMap<string, readonly Unit[]>;
  relations: readonly Relation[];
}>;

/**
 * Groups a layer by label.
 * @throws RangeError for a span outside the text or ending before it starts
 */
export function prepareLayer(annotations: readonly Annotation[], relations: readonly Relation[], textLength: number, where: string): PreparedLayer {
  const spans = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (!(0 <= a.start && a.start <= a.end && a.end <= textLength)) {
      throw new RangeError(`annotation ${a.id} in ${where} spans [${a.start}, ${a.end}), outside the text [0, ${textLength})`);
    }
    const list = spans.get(a.label);
    if (list === undefined) spans.set(a.label, [a]);
    else list.push(a);
  }
  const units = new Map<string, Unit[]>();
  for (const [label, list] of spans) units.set(label, mergeUnits(list));
  return { spans, units, relations };
}

/** A label's running totals for one pair. */
type LabelState = {
  exact: number;
  overlap: number;
  a: number;
  b: number;
  continuum: Continuum;
  /** Matched span pairs (overlap matching). */
  matched: number;
  /** Per attribute, the matched pairs where at least one side has a value; the rest are (unset, unset). */
  attributes: Map<string, KappaTally>;
};

/** A pair's running totals (mutable). */
export type PairState = {
  readonly a: string;
  readonly b: string;
  /** Documents both have a layer in. */
  shared: number;
  /** Their total text length (the length of alpha_u's continuum). */
  length: number;
  readonly labels: Map<string, LabelState>;
  readonly relations: Map<string, RelationCounts>;
};

/** A pair's state before its first document. */
export const newPairState = (a: string, b: string): PairState => ({ a, b, shared: 0, length: 0, labels: new Map(), relations: new Map() });

/** One document's figures for one pair, over the labels asked for. */
export type DocumentPairFigures = Readonly<{ f1_exact: Figure; f1_overlap: Figure; alpha_u: Figure }>;

function labelState(pair: PairState, label: string): LabelState {
  let s = pair.labels.get(label);
  if (s === undefined) {
    s = { exact: 0, overlap: 0, a: 0, b: 0, continuum: newContinuum(2), matched: 0, attributes: new Map() };
    pair.labels.set(label, s);
  }
  return s;
}

/** Extends a continuum with blank stretches (documents without the label) up to `length`. */
function padTo(continuum: Continuum, length: number): void {
  if (continuum.length < length) addStretch(continuum, summarizeStretch(length - continuum.length, [[], []]));
}

/** Counts a matched pair's attribute values (each attribute either has, once). */
function tallyAttributes(state: LabelState, x: Annotation, y: Annotation): void {
  state.matched += 1;
  for (const name of Object.keys(x.attributes)) tallyAttribute(state, name, x, y);
  for (const name of Object.keys(y.attributes)) if (!Object.hasOwn(x.attributes, name)) tallyAttribute(state, name, x, y);
}

function tallyAttribute(state: LabelState, name: string, x: Annotation, y: Annotation): void {
  const cx = attributeCategory(x.attributes[name]);
  const cy = attributeCategory(y.attributes[name]);
  if (cx === UNSET_CATEGORY && cy === UNSET_CATEGORY) return;
  let tally = state.attributes.get(name);
  if (tally === undefined) state.attributes.set(name, (tally = newKappaTally()));
  tallyPair(tally, cx, cy);
}

/**
 * Adds one document both annotators have a layer in to a pair's totals (in place).
 * @param isCounted whether a label is among those asked for (the others only link relations)
 * @returns the document's figures for this pair: micro F1s and alpha_u = 1 − ΣD_o/ΣD_e over labels
 */
export function addDocument(
  pair: PairState,
  x: PreparedLayer,
  y: PreparedLayer,
  textLength: number,
  isCounted: (label: string) => boolean,
): DocumentPairFigures {
  const partner = new Map<string, string>();
  let exact = 0;
  let overlap = 0;
  let sizeA = 0;
  let sizeB = 0;
  let observed = 0;
  let expected = 0;
  for (const label of new Set([...x.spans.keys(), ...y.spans.keys()])) {
    const spansA = x.spans.get(label) ?? [];
    const spansB = y.spans.get(label) ?? [];
    const matches = matchOverlapping(spansA, spansB);
    for (const [i, j] of matches) partner.set(spansA[i]!.id, spansB[j]!.id);
    if (!isCounted(label)) continue;
    const state = labelState(pair, label);
    const exactHere = countExactMatches(spansA, spansB);
    state.exact += exactHere;
    state.overlap += matches.length;
    state.a += spansA.length;
    state.b += spansB.length;
    exact += exactHere;
    overlap += matches.length;
    sizeA += spansA.length;
    sizeB += spansB.length;
    for (const [i, j] of matches) tallyAttributes(state, spansA[i]!, spansB[j]!);
    const stretch = summarizeStretch(textLength, [x.units.get(label) ?? [], y.units.get(label) ?? []]);
    padTo(state.continuum, pair.length);
    addStretch(state.continuum, stretch);
    const d = stretchDisagreement(stretch);
    if (d !== null) {
      observed += d.observed;
      expected += d.expected;
    }
  }
  countRelations(pair.relations, x.relations, y.relations, partner);
  pair.shared += 1;
  pair.length += textLength;
  return {
    f1_exact: f1(exact, sizeA, sizeB),
    f1_overlap: f1(overlap, sizeA, sizeB),
    alpha_u: alphaOf({ observed, expected }),
  };
}

/** A label's alpha_u over the pair's whole continuum (every shared document, back to back). */
export function pairAlpha(pair: PairState, label: string): Figure {
  const state = pair.labels.get(label);
  if (state === undefined) return null;
  padTo(state.continuum, pair.length);
  const d = disagreementOf(state.continuum);
  return d === null ? null : alphaOf(d);
}

/** A label's counts for one pair (zeros when neither annotator used it). */
export function labelCounts(pair: PairState, label: string): Readonly<{ exact: number; overlap: number; a: number; b: number; matched: number }> {
  const s = pair.labels.get(label);
  return s === undefined ? { exact: 0, overlap: 0, a: 0, b: 0, matched: 0 } : s;
}

/** The tally of `<label>.<attribute>` for one pair, with the (unset, unset) pairs put in. */
export function attributeTally(pair: PairState, label: string, attribute: string): KappaTally {
  const s = pair.labels.get(label);
  const tally = newKappaTally();
  if (s === undefined) return tally;
  const seen = s.attributes.get(attribute);
  if (seen !== undefined) {
    tally.n = seen.n;
    tally.agreed = seen.agreed;
    for (const [k, c] of seen.a) tally.a.set(k, c);
    for (const [k, c] of seen.b) tally.b.set(k, c);
  }
  if (s.matched > tally.n) tallyPair(tally, UNSET_CATEGORY, UNSET_CATEGORY, s.matched - tally.n);
  return tally;
}
