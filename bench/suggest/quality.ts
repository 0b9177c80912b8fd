/**
 * The suggestions bench's quality table (#15): the engine run over PolNeAR articles, scored by
 * ./score (per label and all, exact and overlap, micro-averaged over articles), and printed as
 * a markdown table. Never prints corpus text.
 */
import { suggest } from '../../shared/suggest/engine';
import { loadPolnearSplit, type PolnearArticle } from './polnear';
import {
  addCounts,
  annotatedOfSuggestions,
  EMPTY_COUNTS,
  MATCHINGS,
  prf,
  SCORED_LABELS,
  SCORED_RELATIONS,
  scoreArticle,
  type BenchCounts,
  type Counts,
} from './score';

/** What `--split` may name: one of the corpus's splits, or train and dev together. */
export const SPLIT_CHOICES = ['dev', 'test', 'train', 'all-but-test'] as const;
export type SplitChoice = (typeof SPLIT_CHOICES)[number];
/** The splits scored when none is named. */
export const DEFAULT_SPLITS: readonly SplitChoice[] = ['dev', 'test'];

/** A split's articles, ready to score. */
export type LoadedSplit = Readonly<{ name: SplitChoice; articles: readonly PolnearArticle[] }>;

/**
 * Loads a split choice (all-but-test: train then dev).
 * @throws Error as loadPolnearSplit does
 */
export async function loadSplit(dir: string, name: SplitChoice): Promise<LoadedSplit> {
  const parts = name === 'all-but-test' ? (['train', 'dev'] as const) : ([name] as const);
  const articles: PolnearArticle[] = [];
  for (const part of parts) articles.push(...(await loadPolnearSplit(dir, part)));
  return { name, articles };
}

/**
 * Runs the engine over each article and sums the counts.
 * @param disabledRules rules the engine must leave out (the ablations)
 */
export function scoreSplit(split: LoadedSplit, disabledRules?: ReadonlySet<string>): BenchCounts {
  let sum = EMPTY_COUNTS;
  for (const a of split.articles) {
    const set = suggest({ text: a.text, blocks: a.blocks, ...(disabledRules ? { disabledRules } : {}) });
    sum = addCounts(sum, scoreArticle(a.gold, annotatedOfSuggestions(set, a.text)));
  }
  return sum;
}

const figure = (x: number): string => x.toFixed(3);

/** #15's targets, with overlap matching: all-label span F1 and precision, and link F1. */
export const TARGETS = { spanF1: 0.7, spanPrecision: 0.85, linkF1: 0.6 } as const;

/** One line: each target with the split's figure and ok or MISSED. */
function targetsLine(counts: BenchCounts): string {
  const spans = prf(counts.overlap.spans.all);
  const links = prf(counts.overlap.links.all);
  const check = (name: string, value: number, target: number) =>
    `${name} ${figure(value)} (≥ ${target.toFixed(2)}: ${value >= target ? 'ok' : 'MISSED'})`;
  return `Targets, overlap: ${[
    check('span F1', spans.f1, TARGETS.spanF1),
    check('span precision', spans.precision, TARGETS.spanPrecision),
    check('link F1', links.f1, TARGETS.linkF1),
  ].join(', ')}.`;
}

/**
 * The markdown table of a split's counts: one row per label and link type and for all, P/R/F1
 * exact and overlap, and the counts; then the line of #15's targets.
 */
export function formatQualityTable(title: string, counts: BenchCounts): string {
  const row = (name: string, pick: (m: (typeof MATCHINGS)[number]) => Counts): string => {
    const [exact, overlap] = MATCHINGS.map(pick) as [Counts, Counts];
    const scores = [exact, overlap].flatMap((c) => {
      const s = prf(c);
      return [s.precision, s.recall, s.f1].map(figure);
    });
    return `| ${name} | ${scores.join(' | ')} | ${exact.gold} | ${exact.predicted} | ${exact.matched} | ${overlap.matched} |`;
  };
  return [
    `| ${title} | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 | gold | predicted | matched exact | matched overlap |`,
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...SCORED_LABELS.map((l) => row(l, (m) => counts[m].spans[l])),
    row('all spans', (m) => counts[m].spans.all),
    ...SCORED_RELATIONS.map((t) => row(t, (m) => counts[m].links[t])),
    row('all links', (m) => counts[m].links.all),
    '',
    targetsLine(counts),
  ].join('\n');
}

/** The title of a split's table: its name and how many articles it has. */
export const splitTitle = (split: LoadedSplit): string => `${split.name} (${split.articles.length} articles)`;
