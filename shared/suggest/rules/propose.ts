/**
 * Turns what the constructions found into suggestions: an attribution becomes a Claim (direct,
 * mixed or indirect), its Source and Cue, and the links attributed_to and has_cue; a quotation
 * nobody introduces becomes a direct Claim alone when it reads like speech (not a scare quote
 * or a title). Each span carries the rule that earned it, and a switched-off rule proposes nothing.
 */
import type { Attribution } from './clause';
import type { Collector } from './collector';
import type { Quotation } from './quotes';
import type { Token } from './tokens';
import type { Suggestion } from '../types';

/** Fewer words than this in a quotation nobody introduces is a scare quote ("the so-called “deal”"). */
const MIN_LONE_QUOTE_WORDS = 4;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** The rule that proposes a quotation as a claim. */
export const quoteRule = (quote: Quotation): string => (quote.isMultiParagraph ? 'multi-paragraph-quote' : 'direct-quote');

/**
 * Proposes one attribution's spans and links.
 * @param tokens the block's tokens (the source's and cue's bounds)
 * @returns whether anything was proposed (false when its rule is off)
 */
export function proposeAttribution(out: Collector, tokens: readonly Token[], found: Attribution, isOn: (rule: string) => boolean): boolean {
  const { content, source, cue } = found;
  // A quotation's attribution is the quotation rule's, whichever construction introduced it.
  const rule = content.quote ? quoteRule(content.quote) : found.rule;
  if (!isOn(rule)) return false;
  const quoteForm = content.quote ? 'direct' : content.isMixed ? 'mixed' : 'indirect';
  const claim = out.span('Claim', { start: content.start, end: content.end, rule, attributes: { quote_form: quoteForm } });
  const cueKey = out.span('Cue', { start: tokens[cue.from]!.start, end: tokens[cue.to - 1]!.end, rule, attributes: { cue_class: cue.cueClass } });
  const sourceRule = !source ? null : source.identification === 'anonymous' ? 'anonymous-source' : source.hasApposition ? 'apposition' : rule;
  if (source && sourceRule && isOn(sourceRule)) {
    const start = tokens[source.from]!.start;
    const end = tokens[source.to - 1]!.end;
    out.link('attributed_to', claim, out.span('Source', { start, end, rule: sourceRule, attributes: { identification: source.identification } }));
  }
  out.link('has_cue', claim, cueKey);
  return true;
}

/**
 * Proposes the quotations no construction introduced, each as a direct claim without source,
 * when it reads like speech (at least four words, not a title: not every word capitalised) and
 * no proposed claim overlaps it.
 * @param used the quotations some attribution took as (part of) its content
 */
export function proposeLoneQuotes(
  out: Collector,
  text: string,
  quotes: readonly Quotation[],
  used: ReadonlySet<Quotation>,
  isOn: (rule: string) => boolean,
): void {
  const claims = out.ofLabel('Claim').sort((a, b) => a.start - b.start);
  // The furthest end among the claims up to each index: a claim before a quotation overlaps it when this reaches past its start.
  const reach: number[] = [];
  for (const [i, c] of claims.entries()) reach.push(Math.max(c.end, reach[i - 1] ?? 0));
  for (const quote of quotes) {
    const rule = quoteRule(quote);
    if (used.has(quote) || quote.isSingle || !isOn(rule) || overlapsAny(claims, reach, quote)) continue;
    const words = text.slice(quote.start, quote.end).match(WORD) ?? [];
    if (words.length < MIN_LONE_QUOTE_WORDS || words.every((w) => /^[\p{Lu}\d]/u.test(w) || w.length <= 3)) continue;
    out.span('Claim', { start: quote.start, end: quote.end, rule, attributes: { quote_form: 'direct' } });
  }
}

/** Whether a claim (sorted by start, with `reach` its running furthest end) overlaps the quotation. */
function overlapsAny(claims: readonly Suggestion[], reach: readonly number[], quote: Quotation): boolean {
  let lo = 0;
  let hi = claims.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (claims[mid]!.start < quote.end) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && reach[lo - 1]! > quote.start;
}
