/**
 * Krippendorff's alpha for unitizing (alpha_u) of one category, as defined in Krippendorff (1995)
 * "On the reliability of unitizing continuous data" (Sociological Methodology 25:47-76) and
 * Krippendorff (2004) Content Analysis, 2nd ed., §12.4, and as DKPro Statistics computes it per
 * category (`KrippendorffAlphaUnitizingAgreement.calculateCategoryAgreement`). Pure; sort and
 * sweep over unit boundaries, never an array per character.
 *
 * The continuum [0, L) is cut, for each of R raters, into segments: their units of the category
 * and the gaps between them. With b, e, l a segment's begin, end and length:
 *
 *   δ²(g, h) = (b_g − b_h)² + (e_g − e_h)²   g and h units that overlap
 *            = l_g²                           g a unit inside the gap h (and symmetrically)
 *            = 0                              otherwise (gap with gap, disjoint segments)
 *
 *   D_o = 2 / (R(R−1)·L²) · Σ_{raters i<j} Σ_{segments g of i, h of j} δ²(g, h)
 *
 *   D_e = (2/L) · Σ_{units u} [ (N−1)·(2l_u³ − 3l_u² + l_u)/3 + l_u² · Σ_{gaps g, l_g ≥ l_u} (l_g − l_u + 1) ]
 *         / ( R·L·(R·L − 1) − Σ_{units u} l_u(l_u − 1) )
 *
 *   alpha_u = 1 − D_o / D_e
 *
 * where N is the number of units of the category (all raters) and the gaps are every rater's.
 * Several stretches (documents) are put back to back into one continuum: D_o adds up over them,
 * and a rater's gap that ends one stretch joins the gap that starts the next. alpha_u is not
 * bounded below by −1: systematic disagreement on long units can take it further down.
 */

/** A unit on the continuum: [start, end), end exclusive. */
export type Unit = Readonly<{ start: number; end: number }>;

/** What alpha_u needs of one stretch of continuum (one document): see `summarizeStretch`. */
export type Stretch = Readonly<{
  length: number;
  /** Σ δ² over every pair of raters and every pair of their segments. */
  observed: number;
  /** The lengths of every rater's units. */
  unitLengths: readonly number[];
  /** Per rater, the gap before its first unit, the gaps between units, the gap after the last. */
  gaps: readonly RaterGaps[];
}>;

/** One rater's gaps in a stretch; a rater with no unit has one gap, `lead`, the whole stretch. */
export type RaterGaps = Readonly<{ lead: number; inner: readonly number[]; trail: number; hasUnits: boolean }>;

/** A continuum being put together from stretches (mutable; see `newContinuum`, `addStretch`). */
export type Continuum = {
  readonly raters: number;
  length: number;
  observed: number;
  unitLengths: number[];
  closedGaps: number[];
  /** Per rater, the gap still open at the end of the continuum so far. */
  openGaps: number[];
};

/** The observed and expected disagreement of a continuum. */
export type Disagreement = Readonly<{ observed: number; expected: number }>;

/**
 * One rater's units: sorted by start, empty spans dropped, and spans that overlap (share at least
 * one position) merged into one unit, because alpha_u needs the units of one rater and one
 * category to be disjoint. Spans that only touch stay two units.
 */
export function mergeUnits(spans: Iterable<Unit>): Unit[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((x, y) => x.start - y.start || x.end - y.end);
  const out: Unit[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last !== undefined && s.start < last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else out.push(s);
  }
  return out;
}

type Segment = Readonly<{ start: number; end: number; isUnit: boolean }>;

/** A rater's cut of [0, length): units and the (non-empty) gaps between them. */
function segmentsOf(units: readonly Unit[], length: number): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const u of units) {
    if (u.start > at) out.push({ start: at, end: u.start, isUnit: false });
    out.push({ start: u.start, end: u.end, isUnit: true });
    at = u.end;
  }
  if (at < length) out.push({ start: at, end: length, isUnit: false });
  return out;
}

/** δ² of two segments that overlap (see the module comment). */
function distance(g: Segment, h: Segment): number {
  if (g.isUnit && h.isUnit) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  if (g.isUnit && h.start <= g.start && g.end <= h.end) return (g.end - g.start) ** 2;
  if (h.isUnit && g.start <= h.start && h.end <= g.end) return (h.end - h.start) ** 2;
  return 0;
}

/** Σ δ² over every pair of overlapping segments of two raters: one sweep, each pair once. */
function observedBetween(x: readonly Segment[], y: readonly Segment[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const g = x[i]!;
    const h = y[j]!;
    sum += distance(g, h);
    if (g.end <= h.end) i += 1;
    if (h.end <= g.end) j += 1;
  }
  return sum;
}

/**
 * Summarizes one stretch of continuum for alpha_u.
 * @param length the stretch's length (a document's text length)
 * @param units per rater, units as `mergeUnits` returns them: sorted, disjoint, within [0, length]
 * @returns its Σ δ², unit lengths and gaps
 * @throws RangeError for a unit outside [0, length]
 */
export function summarizeStretch(length: number, units: readonly (readonly Unit[])[]): Stretch {
  for (const rater of units) {
    for (const u of rater) {
      if (u.start < 0 || u.end > length) throw new RangeError(`the unit [${u.start}, ${u.end}) lies outside the continuum [0, ${length})`);
    }
  }
  const segments = units.map((rater) => segmentsOf(rater, length));
  let observed = 0;
  for (let i = 0; i < segments.length; i++) for (let j = i + 1; j < segments.length; j++) observed += observedBetween(segments[i]!, segments[j]!);
  const unitLengths: number[] = [];
  const gaps = segments.map((segs): RaterGaps => {
    const units = segs.filter((s) => s.isUnit);
    for (const u of units) unitLengths.push(u.end - u.start);
    if (units.length === 0) return { lead: length, inner: [], trail: 0, hasUnits: false };
    const first = units[0]!;
    const last = units.at(-1)!;
    const inner = segs.filter((s) => !s.isUnit && s.start >= first.end && s.end <= last.start).map((s) => s.end - s.start);
    return { lead: first.start, inner, trail: length - last.end, hasUnits: true };
  });
  return { length, observed, unitLengths, gaps };
}

/** An empty continuum for `raters` raters. */
export function newContinuum(raters: number): Continuum {
  return { raters, length: 0, observed: 0, unitLengths: [], closedGaps: [], openGaps: new Array<number>(raters).fill(0) };
}

/**
 * Appends a stretch to the end of a continuum (in place): a rater's gap that ends the continuum
 * so far and the one that starts the stretch become one gap.
 * @throws RangeError when the stretch has another number of raters
 */
export function addStretch(continuum: Continuum, stretch: Stretch): void {
  if (stretch.gaps.length !== continuum.raters)
    throw new RangeError(`a stretch of ${stretch.gaps.length} raters added to a continuum of ${continuum.raters}`);
  continuum.length += stretch.length;
  continuum.observed += stretch.observed;
  for (const l of stretch.unitLengths) continuum.unitLengths.push(l);
  stretch.gaps.forEach((g, r) => {
    const open = continuum.openGaps[r]! + g.lead;
    if (!g.hasUnits) {
      continuum.openGaps[r] = open;
      return;
    }
    if (open > 0) continuum.closedGaps.push(open);
    for (const inner of g.inner) continuum.closedGaps.push(inner);
    continuum.openGaps[r] = g.trail;
  });
}

/**
 * D_e from the sorted unit lengths and gap lengths (the formula in the module comment).
 * @param units every rater's unit lengths, ascending
 * @param gaps every rater's gap lengths, ascending
 */
function expectedDisagreement(R: number, L: number, units: Float64Array, gaps: Float64Array): number {
  // suffix[k]: the sum of gaps[k..]; the gaps at least as long as a unit are a suffix of the sorted list.
  const suffix = new Float64Array(gaps.length + 1);
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + gaps[k]!;
  let withinUnits = 0;
  let againstGaps = 0;
  let squares = 0;
  let k = 0;
  for (const l of units) {
    while (k < gaps.length && gaps[k]! < l) k += 1;
    withinUnits += (2 * l * l * l - 3 * l * l + l) / 3;
    againstGaps += l * l * (suffix[k]! - (gaps.length - k) * (l - 1));
    squares += l * (l - 1);
  }
  return ((2 / L) * ((units.length - 1) * withinUnits + againstGaps)) / (R * L * (R * L - 1) - squares);
}

const observedDisagreement = (R: number, L: number, sum: number) => (2 * sum) / (R * (R - 1) * L * L);

/**
 * D_o and D_e of a continuum (the formulas in the module comment).
 * @returns null for an empty continuum (length 0) or fewer than two raters
 */
export function disagreementOf(continuum: Continuum): Disagreement | null {
  const { raters: R, length: L } = continuum;
  if (L === 0 || R < 2) return null;
  const gaps = Float64Array.from([...continuum.closedGaps, ...continuum.openGaps.filter((g) => g > 0)]).sort();
  const units = Float64Array.from(continuum.unitLengths).sort();
  return { observed: observedDisagreement(R, L, continuum.observed), expected: expectedDisagreement(R, L, units, gaps) };
}

/**
 * D_o and D_e of one stretch taken alone (as `disagreementOf` a continuum of just this stretch).
 * @returns null for an empty stretch or fewer than two raters
 */
export function stretchDisagreement(stretch: Stretch): Disagreement | null {
  const { length: L, gaps: raters } = stretch;
  const R = raters.length;
  if (L === 0 || R < 2) return null;
  const gaps: number[] = [];
  for (const g of raters) {
    if (g.lead > 0) gaps.push(g.lead);
    for (const inner of g.inner) gaps.push(inner);
    if (g.trail > 0) gaps.push(g.trail);
  }
  const units = Float64Array.from(stretch.unitLengths).sort();
  return { observed: observedDisagreement(R, L, stretch.observed), expected: expectedDisagreement(R, L, units, Float64Array.from(gaps).sort()) };
}

/**
 * alpha_u = 1 − D_o / D_e.
 * @returns null when D_e is 0 (no unit at all, or nothing that could disagree)
 */
export function alphaOf(d: Disagreement): number | null {
  return d.expected > 0 ? 1 - d.observed / d.expected : null;
}

/**
 * alpha_u of one category over one continuum, in one call.
 * @param length the continuum's length
 * @param units per rater, that rater's spans of the category (merged where they overlap)
 * @returns alpha_u with D_o and D_e, or null when it is undefined (empty continuum or D_e = 0)
 */
export function alphaUnitizing(length: number, units: readonly (readonly Unit[])[]): (Disagreement & { alpha: number }) | null {
  const continuum = newContinuum(units.length);
  addStretch(continuum, summarizeStretch(length, units.map(mergeUnits)));
  const d = disagreementOf(continuum);
  const alpha = d === null ? null : alphaOf(d);
  return d === null || alpha === null ? null : { ...d, alpha };
}
