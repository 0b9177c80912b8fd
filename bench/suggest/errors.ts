/**
 * Error analysis for the suggestions engine (`--errors N`): false positives and false negatives
 * under overlap matching, spans and links, each shown in its context. Only ever run on PolNeAR's
 * TRAIN split (the runner refuses others): dev and test text must not be read by anyone tuning
 * the engine, nor land in a log.
 */
import { offsetMap } from '../../shared/anchoring/code-points';
import { suggest } from '../../shared/suggest/engine';
import type { PolnearArticle } from './polnear';
import { annotatedOfSuggestions, matchArticle, scoredPart, type Annotated, type BenchSpan } from './score';

/** One error: what kind, of which label or link type, where, and how it reads. */
export type BenchError = Readonly<{ kind: 'false positive' | 'false negative'; what: string; article: string; shown: string; rule?: string }>;

/** Characters of context shown on each side of a span. */
const CONTEXT = 40;
/** A span's text is cut to this many characters. */
const SPAN_CHARS = 120;

const oneLine = (s: string): string => s.replace(/\s+/g, ' ');
const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** How an article's spans read: `text` sliced by code points. */
function reader(text: string): { span: (s: BenchSpan) => string; inContext: (s: BenchSpan) => string } {
  const map = offsetMap(text);
  const at = (cp: number) => map.utf16FromCodePoint(cp);
  const span = (s: BenchSpan) => `⟦${cut(oneLine(text.slice(at(s.start), at(s.end))), SPAN_CHARS)}⟧`;
  const inContext = (s: BenchSpan) => {
    const before = oneLine(text.slice(Math.max(0, at(s.start) - CONTEXT), at(s.start)));
    const after = oneLine(text.slice(at(s.end), at(s.end) + CONTEXT));
    return `…${before}${span(s)}${after}…`;
  };
  return { span, inContext };
}

/** An article's errors under overlap matching: spans the engine proposed wrongly or missed, and links likewise. */
export function articleErrors(article: PolnearArticle): BenchError[] {
  const set = suggest({ text: article.text, blocks: article.blocks });
  const converted = annotatedOfSuggestions(set, article.text);
  const ruleOf = new Map(converted.spans.map((s, i) => [`${s.label}:${s.start}-${s.end}`, set.suggestions[i]!.rule]));
  const gold: Annotated = scoredPart(article.gold);
  const predicted: Annotated = scoredPart(converted);
  const m = matchArticle(gold, predicted, 'overlap');
  const read = reader(article.text);
  const base = { article: article.name };
  const ruleFor = (s: BenchSpan) => ruleOf.get(`${s.label}:${s.start}-${s.end}`);
  const linkShown = (side: Annotated, i: number) => {
    const l = side.links[i]!;
    return `${read.span(side.spans[l.from]!)} → ${read.span(side.spans[l.to]!)}`;
  };
  return [
    ...predicted.spans.flatMap((s, i): BenchError[] =>
      m.spanOf[i] === -1 ? [{ ...base, kind: 'false positive', what: s.label, shown: read.inContext(s), rule: ruleFor(s) ?? '' }] : [],
    ),
    ...gold.spans.flatMap((s, i): BenchError[] =>
      m.goldSpanFound[i] ? [] : [{ ...base, kind: 'false negative', what: s.label, shown: read.inContext(s) }],
    ),
    ...predicted.links.flatMap((l, i): BenchError[] =>
      m.linkFound[i]
        ? []
        : [{ ...base, kind: 'false positive', what: l.type, shown: linkShown(predicted, i), rule: ruleFor(predicted.spans[l.to]!) ?? '' }],
    ),
    ...gold.links.flatMap((l, i): BenchError[] =>
      m.goldLinkFound[i] ? [] : [{ ...base, kind: 'false negative', what: l.type, shown: linkShown(gold, i) }],
    ),
  ];
}

/** `n` items spread evenly over the list (the same ones every run, from many articles rather than the first few). */
export function spreadSample<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

/** The report: `n` false positives and `n` false negatives over the articles, one per line. */
export function formatErrors(articles: readonly PolnearArticle[], n: number): string {
  const errors = articles.flatMap(articleErrors);
  const lines = (kind: BenchError['kind']) => {
    const all = errors.filter((e) => e.kind === kind);
    const shown = spreadSample(all, n).map((e) => `- ${e.what}${e.rule ? ` [${e.rule}]` : ''} (${e.article}): ${e.shown}`);
    return [`## ${kind}s (${shown.length} of ${all.length}, overlap matching)`, '', ...shown];
  };
  return [...lines('false positive'), '', ...lines('false negative')].join('\n');
}
