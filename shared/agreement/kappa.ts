/**
 * Cohen's kappa for two annotators' values of one attribute on the spans they both tagged (the
 * overlap matching's pairs). Pure.
 *
 *   p_o = (pairs with equal values) / n
 *   p_e = Σ_k (n_A(k) / n) · (n_B(k) / n)      n_X(k): how often annotator X gave value k
 *   kappa = (p_o − p_e) / (1 − p_e)            undefined (null) when n = 0 or p_e = 1
 *
 * Values are compared as categories (`attributeCategory`): every unset value (isUnset: absent,
 * null, "", [] and the legacy "unset") is the one category UNSET_CATEGORY; others are their JSON text, a multi-value list sorted first, so the string
 * "true" and the boolean true are different values and ["a","b"] equals ["b","a"].
 */
import { isUnset, UNSET } from '../model/schema-rules';
import type { AttributeValue } from '../model/types';

/**
 * The category of an attribute that has no value (the word UNSET, as reports print it). Never
 * the JSON text of a value, which is quoted, a number, true/false or a list.
 */
export const UNSET_CATEGORY: string = UNSET;

/** The category a value counts as (see the module comment). */
export function attributeCategory(value: AttributeValue | undefined): string {
  if (isUnset(value)) return UNSET_CATEGORY;
  if (Array.isArray(value)) return JSON.stringify([...(value as readonly string[])].sort());
  return JSON.stringify(value);
}

/** A contingency of paired categories, built with `tallyPair` (mutable). */
export type KappaTally = { n: number; agreed: number; readonly a: Map<string, number>; readonly b: Map<string, number> };

/** An empty tally. */
export const newKappaTally = (): KappaTally => ({ n: 0, agreed: 0, a: new Map(), b: new Map() });

/**
 * Counts `count` pairs of categories (A gave `x`, B gave `y`) into a tally, in place.
 * @param count how many such pairs (default 1)
 */
export function tallyPair(tally: KappaTally, x: string, y: string, count = 1): void {
  tally.n += count;
  if (x === y) tally.agreed += count;
  tally.a.set(x, (tally.a.get(x) ?? 0) + count);
  tally.b.set(y, (tally.b.get(y) ?? 0) + count);
}

/** Kappa with its parts; the parts are null when n = 0. */
export type KappaResult = Readonly<{ kappa: number | null; n: number; observed: number | null; expected: number | null }>;

/**
 * Cohen's kappa of a tally (formula in the module comment).
 * @returns kappa null when n = 0 or p_e = 1 (both annotators gave one and the same value to every pair)
 */
export function kappaOf(tally: KappaTally): KappaResult {
  const { n } = tally;
  if (n === 0) return { kappa: null, n, observed: null, expected: null };
  const observed = tally.agreed / n;
  let expected = 0;
  for (const [k, countA] of tally.a) expected += (countA / n) * ((tally.b.get(k) ?? 0) / n);
  // p_e is a sum of fractions: when it should be exactly 1 it may be 1 - 1e-16.
  if (Math.abs(1 - expected) < 1e-12) return { kappa: null, n, observed, expected: 1 };
  return { kappa: (observed - expected) / (1 - expected), n, observed, expected };
}
