/**
 * From a pair's running totals to its figures, the mean over pairs, and a note for every null
 * (why it is undefined). Every pair and the mean carry the same keys: every label, relation type
 * and `<label>.<attribute>` of the report. Pure.
 */
import { kappaOf } from './kappa';
import { f1 } from './matching';
import { attributeTally, labelCounts, pairAlpha, type PairState } from './pair';
import type { AttributeFigures, Figure, LabelFigures, PairAgreement, PairFigures, RelationFigures } from './types';

/** The keys every pair's figures have. */
export type ReportKeys = Readonly<{
  labels: readonly string[];
  relationTypes: readonly string[];
  /** `[label, attribute]`, in report order. */
  attributes: readonly (readonly [label: string, attribute: string])[];
}>;

/** The key of an attribute in the report. */
export const attributeKey = (label: string, attribute: string): string => `${label}.${attribute}`;

/** The arithmetic mean of the non-null values, or null when there is none. */
export function meanOf(values: readonly Figure[]): Figure {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length === 0 ? null : defined.reduce((s, v) => s + v, 0) / defined.length;
}

const documents = (n: number) => `${n} shared document${n === 1 ? '' : 's'}`;

/**
 * A pair's figures, with a note (pushed onto `notes`) for each null.
 * @param pair the pair's totals after every document
 */
export function pairFigures(pair: PairState, keys: ReportKeys, notes: string[]): PairAgreement {
  const who = `(${pair.a}, ${pair.b})`;
  const isShared = pair.shared > 0;
  if (!isShared) notes.push(`${who} share no document: every figure of the pair is null`);
  const note = (text: string) => isShared && notes.push(text);
  const labels: Record<string, LabelFigures> = {};
  let exact = 0;
  let overlap = 0;
  let sizeA = 0;
  let sizeB = 0;
  for (const label of keys.labels) {
    const c = labelCounts(pair, label);
    exact += c.exact;
    overlap += c.overlap;
    sizeA += c.a;
    sizeB += c.b;
    const alpha = pairAlpha(pair, label);
    labels[label] = { f1_exact: f1(c.exact, c.a, c.b), f1_overlap: f1(c.overlap, c.a, c.b), alpha_u: alpha };
    if (c.a + c.b === 0) note(`f1_exact, f1_overlap, alpha_u for ${label} ${who}: no spans by either annotator in their ${documents(pair.shared)}`);
    else if (alpha === null) note(`alpha_u for ${label} ${who}: no expected disagreement (D_e = 0), so alpha_u is undefined`);
  }
  if (sizeA + sizeB === 0) note(`overall f1_exact, f1_overlap ${who}: no spans of any label by either annotator`);
  const relations: Record<string, RelationFigures> = {};
  for (const type of keys.relationTypes) {
    const c = pair.relations.get(type) ?? { a: 0, b: 0, matched: 0 };
    relations[type] = { f1: f1(c.matched, c.a, c.b) };
    if (c.a + c.b === 0) note(`f1 for relation ${type} ${who}: no relations of this type by either annotator`);
  }
  const attributes: Record<string, AttributeFigures> = {};
  for (const [label, attribute] of keys.attributes) {
    const key = attributeKey(label, attribute);
    const tally = attributeTally(pair, label, attribute);
    const k = kappaOf(tally);
    attributes[key] = { kappa: k.kappa, n: k.n };
    if (k.n === 0) note(`kappa for ${key} ${who}: no matched ${label} spans`);
    else if (k.kappa === null) {
      const [value] = tally.a.keys();
      const pairs = k.n === 1 ? 'the one matched pair' : `all ${k.n} matched pairs`;
      note(`kappa for ${key} ${who}: both annotators gave ${pairs} the same value (${value}), so chance agreement is 1`);
    }
  }
  return {
    a: pair.a,
    b: pair.b,
    labels,
    overall: { f1_exact: f1(exact, sizeA, sizeB), f1_overlap: f1(overlap, sizeA, sizeB) },
    relations,
    attributes,
  };
}

/**
 * The mean over pairs of every figure (`n`: the total), with a note for each null.
 * @param pairs every pair's figures (possibly none)
 */
export function meanFigures(pairs: readonly PairAgreement[], keys: ReportKeys, notes: string[]): PairFigures {
  const reason = pairs.length === 0 ? 'there is no pair of annotators' : 'undefined for every pair';
  const labels: Record<string, LabelFigures> = {};
  for (const label of keys.labels) {
    const of = (m: keyof LabelFigures) => meanOf(pairs.map((p) => p.labels[label]?.[m] ?? null));
    const fig: LabelFigures = { f1_exact: of('f1_exact'), f1_overlap: of('f1_overlap'), alpha_u: of('alpha_u') };
    labels[label] = fig;
    const nulls = (Object.keys(fig) as (keyof LabelFigures)[]).filter((m) => fig[m] === null);
    if (nulls.length > 0) notes.push(`mean ${nulls.join(', ')} for ${label}: ${reason}`);
  }
  const overall = { f1_exact: meanOf(pairs.map((p) => p.overall.f1_exact)), f1_overlap: meanOf(pairs.map((p) => p.overall.f1_overlap)) };
  if (overall.f1_exact === null) notes.push(`mean overall f1_exact, f1_overlap: ${reason}`);
  const relations: Record<string, RelationFigures> = {};
  for (const type of keys.relationTypes) {
    relations[type] = { f1: meanOf(pairs.map((p) => p.relations[type]?.f1 ?? null)) };
    if (relations[type].f1 === null) notes.push(`mean f1 for relation ${type}: ${reason}`);
  }
  const attributes: Record<string, AttributeFigures> = {};
  for (const [label, attribute] of keys.attributes) {
    const key = attributeKey(label, attribute);
    const kappa = meanOf(pairs.map((p) => p.attributes[key]?.kappa ?? null));
    attributes[key] = { kappa, n: pairs.reduce((s, p) => s + (p.attributes[key]?.n ?? 0), 0) };
    if (kappa === null) notes.push(`mean kappa for ${key}: ${reason}`);
  }
  return { labels, overall, relations, attributes };
}
