/**
 * The suggestions bench's measure (#15), pure: spans and links of one article, gold and
 * predicted, both in code points, are matched per label (exact: same bounds; overlap: one-to-one,
 * greedy by the largest shared length) and the links through that matching; counts add up over
 * articles (micro-average) and give precision, recall and F1. Only Claim, Source and Cue spans
 * and attributed_to and has_cue links are scored; Entity and coref are left out on both sides.
 */
import { offsetMap } from '../../shared/anchoring/code-points';
import { ATTRIBUTED_TO, CLAIM_LABEL, CUE_LABEL, HAS_CUE, SOURCE_LABEL } from '../../shared/model/vocabulary';
import type { SuggestionSet } from '../../shared/suggest/types';

/** The labels scored, in the table's order. */
export const SCORED_LABELS = [CLAIM_LABEL, SOURCE_LABEL, CUE_LABEL] as const;
/** The link types scored, in the table's order. */
export const SCORED_RELATIONS = [ATTRIBUTED_TO, HAS_CUE] as const;
/** The two ways spans are matched. */
export const MATCHINGS = ['exact', 'overlap'] as const;

export type ScoredLabel = (typeof SCORED_LABELS)[number];
export type ScoredRelation = (typeof SCORED_RELATIONS)[number];
export type Matching = (typeof MATCHINGS)[number];

/** One span, offsets in code points, [start, end). */
export type BenchSpan = Readonly<{ label: string; start: number; end: number }>;
/** One link between two spans, named by their indexes in the article's span list. */
export type BenchLink = Readonly<{ type: string; from: number; to: number }>;
/** One article's spans and links (gold or predicted). */
export type Annotated = Readonly<{ spans: readonly BenchSpan[]; links: readonly BenchLink[] }>;

/** How many items there are on each side and how many of them match. */
export type Counts = Readonly<{ gold: number; predicted: number; matched: number }>;
/** Precision, recall and F1 of some counts (each 0 when its denominator is 0). */
export type Prf = Readonly<{ precision: number; recall: number; f1: number }>;

/** Counts per label and for all labels ("all"), and per link type and for all types, under one matching. */
export type MatchingCounts = Readonly<{
  spans: Readonly<Record<ScoredLabel | 'all', Counts>>;
  links: Readonly<Record<ScoredRelation | 'all', Counts>>;
}>;
/** An article's (or a corpus's summed) counts under both matchings. */
export type BenchCounts = Readonly<Record<Matching, MatchingCounts>>;

const NONE: Counts = { gold: 0, predicted: 0, matched: 0 };

const addTo = (a: Counts, b: Counts): Counts => ({ gold: a.gold + b.gold, predicted: a.predicted + b.predicted, matched: a.matched + b.matched });

/** @returns precision, recall and F1 of `c` */
export function prf(c: Counts): Prf {
  const precision = c.predicted === 0 ? 0 : c.matched / c.predicted;
  const recall = c.gold === 0 ? 0 : c.matched / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Keeps the scored labels and link types, each span once (same label and bounds) and each link
 * once (same type and ends, after the spans are merged); a link whose end is not kept is dropped.
 */
export function scoredPart(a: Annotated): Annotated {
  const spans: BenchSpan[] = [];
  const byKey = new Map<string, number>();
  const newIndex = a.spans.map((s) => {
    if (!(SCORED_LABELS as readonly string[]).includes(s.label)) return -1;
    const key = `${s.label}:${s.start}-${s.end}`;
    let i = byKey.get(key);
    if (i === undefined) {
      i = spans.push({ label: s.label, start: s.start, end: s.end }) - 1;
      byKey.set(key, i);
    }
    return i;
  });
  const links: BenchLink[] = [];
  const seen = new Set<string>();
  for (const l of a.links) {
    const from = newIndex[l.from] ?? -1;
    const to = newIndex[l.to] ?? -1;
    const key = `${l.type} ${from} ${to}`;
    if (!(SCORED_RELATIONS as readonly string[]).includes(l.type) || from < 0 || to < 0 || seen.has(key)) continue;
    seen.add(key);
    links.push({ type: l.type, from, to });
  }
  return { spans, links };
}

/**
 * Matches predicted spans to gold spans of the same label, one to one. Exact: same bounds.
 * Overlap: pairs sharing at least one character, taken greedily by the largest shared length
 * (ties: earlier gold, then earlier prediction).
 * @returns for each predicted index, the gold index it matched, or -1
 */
export function matchSpans(gold: readonly BenchSpan[], predicted: readonly BenchSpan[], matching: Matching): number[] {
  const pairs: { g: number; p: number; shared: number }[] = [];
  predicted.forEach((p, pi) =>
    gold.forEach((g, gi) => {
      if (g.label !== p.label) return;
      const shared = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (matching === 'exact' ? g.start === p.start && g.end === p.end : shared > 0) pairs.push({ g: gi, p: pi, shared });
    }),
  );
  pairs.sort((x, y) => y.shared - x.shared || x.g - y.g || x.p - y.p);
  const ofPredicted = predicted.map(() => -1);
  const goldTaken = new Set<number>();
  for (const { g, p } of pairs) {
    if (ofPredicted[p] !== -1 || goldTaken.has(g)) continue;
    ofPredicted[p] = g;
    goldTaken.add(g);
  }
  return ofPredicted;
}

/** Which items of an article found their counterpart under one matching (both sides reduced by scoredPart). */
export type ArticleMatch = Readonly<{
  /** For each predicted span, the gold span it matched, or -1. */
  spanOf: readonly number[];
  /** For each predicted link, whether a gold link of its type joins the gold spans its ends matched. */
  linkFound: readonly boolean[];
  /** For each gold span, whether a predicted span matched it. */
  goldSpanFound: readonly boolean[];
  /** For each gold link, whether a predicted link found it. */
  goldLinkFound: readonly boolean[];
}>;

/** Matches an article's spans, then its links through the span matching; both sides must come from scoredPart. */
export function matchArticle(gold: Annotated, predicted: Annotated, matching: Matching): ArticleMatch {
  const spanOf = matchSpans(gold.spans, predicted.spans, matching);
  const goldLinkIndex = new Map(gold.links.map((l, i) => [`${l.type} ${l.from} ${l.to}`, i]));
  const goldSpanFound = gold.spans.map(() => false);
  for (const g of spanOf) if (g !== -1) goldSpanFound[g] = true;
  const goldLinkFound = gold.links.map(() => false);
  // Links are each once on both sides and spans match one to one, so a gold link is found at most once.
  const linkFound = predicted.links.map((l) => {
    const g = goldLinkIndex.get(`${l.type} ${spanOf[l.from]} ${spanOf[l.to]}`);
    if (g !== undefined) goldLinkFound[g] = true;
    return g !== undefined;
  });
  return { spanOf, linkFound, goldSpanFound, goldLinkFound };
}

/** Counts of one article under one matching; both sides must come from scoredPart. */
function countMatching(gold: Annotated, predicted: Annotated, matching: Matching): MatchingCounts {
  const { spanOf, linkFound } = matchArticle(gold, predicted, matching);
  const spanCount = (label: string): Counts => ({
    gold: gold.spans.filter((s) => s.label === label).length,
    predicted: predicted.spans.filter((s) => s.label === label).length,
    matched: predicted.spans.filter((s, i) => s.label === label && spanOf[i] !== -1).length,
  });
  const linkCount = (type: string): Counts => ({
    gold: gold.links.filter((l) => l.type === type).length,
    predicted: predicted.links.filter((l) => l.type === type).length,
    matched: predicted.links.filter((l, i) => l.type === type && linkFound[i]).length,
  });
  const [claim, source, cue] = SCORED_LABELS.map(spanCount) as [Counts, Counts, Counts];
  const [attributed, hasCue] = SCORED_RELATIONS.map(linkCount) as [Counts, Counts];
  return {
    spans: { Claim: claim, Source: source, Cue: cue, all: addTo(addTo(claim, source), cue) },
    links: { attributed_to: attributed, has_cue: hasCue, all: addTo(attributed, hasCue) },
  };
}

/** @returns one article's counts, exact and overlap */
export function scoreArticle(gold: Annotated, predicted: Annotated): BenchCounts {
  const g = scoredPart(gold);
  const p = scoredPart(predicted);
  return { exact: countMatching(g, p, 'exact'), overlap: countMatching(g, p, 'overlap') };
}

/** Counts with nothing in them: the start of a sum. */
export const EMPTY_COUNTS: BenchCounts = Object.fromEntries(
  MATCHINGS.map((m) => [m, { spans: { Claim: NONE, Source: NONE, Cue: NONE, all: NONE }, links: { attributed_to: NONE, has_cue: NONE, all: NONE } }]),
) as BenchCounts;

/** @returns the sum of two counts (micro-averaging adds the articles' counts, then takes prf of the sum) */
export function addCounts(a: BenchCounts, b: BenchCounts): BenchCounts {
  const add = (x: MatchingCounts, y: MatchingCounts): MatchingCounts => ({
    spans: {
      Claim: addTo(x.spans.Claim, y.spans.Claim),
      Source: addTo(x.spans.Source, y.spans.Source),
      Cue: addTo(x.spans.Cue, y.spans.Cue),
      all: addTo(x.spans.all, y.spans.all),
    },
    links: {
      attributed_to: addTo(x.links.attributed_to, y.links.attributed_to),
      has_cue: addTo(x.links.has_cue, y.links.has_cue),
      all: addTo(x.links.all, y.links.all),
    },
  });
  return { exact: add(a.exact, b.exact), overlap: add(a.overlap, b.overlap) };
}

/**
 * The engine's set as scored spans and links, in code points of `text` (the engine counts UTF-16).
 * @throws RangeError when a suggestion's offset is outside the text or splits a surrogate pair
 * @throws Error when a link names a key no suggestion has (the engine's contract says its ends are among the suggestions)
 */
export function annotatedOfSuggestions(set: SuggestionSet, text: string): Annotated {
  const map = offsetMap(text);
  const index = new Map(set.suggestions.map((s, i) => [s.key, i]));
  const spans = set.suggestions.map((s) => ({ label: s.label, start: map.codePointFromUtf16(s.start), end: map.codePointFromUtf16(s.end) }));
  const links = set.links.map((l) => {
    const from = index.get(l.from);
    const to = index.get(l.to);
    if (from === undefined || to === undefined)
      throw new Error(`the engine linked ${l.from} to ${l.to}, but proposed no span with one of these keys`);
    return { type: l.type, from, to };
  });
  return { spans, links };
}
