/**
 * Turns what the constructions found into suggestions: an attribution becomes a Claim (direct,
 * mixed or indirect), its Source and Cue, and the links attributed_to and has_cue; a quotation
 * nobody introduces becomes a direct Claim alone when it reads like speech (not a scare quote
 * or a title). Each span carries the rule that earned it, and a switched-off rule proposes nothing.
 */
import { ATTRIBUTED_TO, CLAIM_LABEL, CUE_LABEL, HAS_CUE, SOURCE_LABEL } from '../../model/vocabulary';
import type { Attribution } from './clause';
import type { Collector } from './collector';
import type { Quotation } from './quotes';
import type { Token } from './tokens';

/** Fewer words than this in a quotation nobody introduces is a scare quote ("the so-called “deal”"). */
const MIN_LONE_QUOTE_WORDS = 4;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** The rule that proposes a quotation as a claim. */
const quoteRule = (quote: Quotation): string => (quote.isMultiParagraph ? 'multi-paragraph-quote' : 'direct-quote');

/**
 * Proposes one attribution's spans and links.
 * @param tokens the block's tokens (the source's and cue's bounds)
 * @returns the claim proposed, or null when its rule is off
 */
export function proposeAttribution(
  out: Collector,
  tokens: readonly Token[],
  found: Attribution,
  isOn: (rule: string) => boolean,
): ProposedClaim | null {
  const { content, source, cue } = found;
  // A quotation's attribution is the quotation rule's, whichever construction introduced it.
  const rule = content.quote ? quoteRule(content.quote) : found.rule;
  if (!isOn(rule)) return null;
  const quoteForm = content.quote ? 'direct' : content.isMixed ? 'mixed' : 'indirect';
  const claim = out.span(CLAIM_LABEL, { start: content.start, end: content.end, rule, attributes: { quote_form: quoteForm } });
  const cueKey = out.span(CUE_LABEL, { start: tokens[cue.from]!.start, end: tokens[cue.to - 1]!.end, rule, attributes: { cue_class: cue.cueClass } });
  const sourceRule = !source ? null : source.identification === 'anonymous' ? 'anonymous-source' : source.hasApposition ? 'apposition' : rule;
  const hasSource = Boolean(source && sourceRule && isOn(sourceRule));
  if (source && hasSource) {
    const start = tokens[source.from]!.start;
    const end = tokens[source.to - 1]!.end;
    out.link(ATTRIBUTED_TO, claim, out.span(SOURCE_LABEL, { start, end, rule: sourceRule!, attributes: { identification: source.identification } }));
  }
  out.link(HAS_CUE, claim, cueKey);
  return { key: claim, start: content.start, end: content.end, hasSource };
}

/** A claim an attribution proposed: its key and bounds, and whether it has a source. */
export type ProposedClaim = { key: string; start: number; end: number; hasSource: boolean };

/** How far (UTF-16) a quotation may stand after an attributed claim in its paragraph to be taken in as its continuation. */
const MAX_CONTINUATION_GAP = 300;

/**
 * Settles a quotation no construction introduced: the continuation of the attributed claim just
 * before it in its paragraph ("“A,” he said. “B.”" is one claim, from A to B), else a direct
 * claim alone when it reads like speech (at least four words, not a title: not every word
 * capitalised), else nothing (a scare quote: "the so-called “deal”").
 * @param before the attributed claim just before it in its paragraph, if any (moved when the quotation continues it)
 */
export function proposeUnintroducedQuote(
  out: Collector,
  text: string,
  quote: Quotation,
  before: ProposedClaim | null,
  isOn: (rule: string) => boolean,
): void {
  const rule = quoteRule(quote);
  if (quote.isSingle || !isOn(rule)) return;
  if (before && before.hasSource && isOn('quote-continuation') && quote.start >= before.end && quote.start - before.end <= MAX_CONTINUATION_GAP) {
    before.key = out.move(before.key, before.start, quote.end);
    before.end = quote.end;
    return;
  }
  const words = text.slice(quote.start, quote.end).match(WORD) ?? [];
  if (words.length < MIN_LONE_QUOTE_WORDS || words.every((w) => /^[\p{Lu}\d]/u.test(w) || w.length <= 3)) return;
  out.span(CLAIM_LABEL, { start: quote.start, end: quote.end, rule, attributes: { quote_form: 'direct' } });
}
