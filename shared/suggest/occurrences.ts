/**
 * Every occurrence (#15): after an analyst tags a Source or Entity, its other mentions in the
 * document are proposed (rule 'occurrence'), each with a coref link to the tagged mention: the
 * full name, the surname alone for a person ("Christopher Hill" → "Hill", "Mr. Hill"), and the
 * initials of an organisation ("World Health Organization" → "WHO"). Pure; the renderer runs
 * it on its live annotations and merges the result with the service's set (`mergeSets`).
 * It never proposes a mention that an annotation of the same label already covers, nor a
 * surname that two different tagged names share ("Clinton" for Hillary and Bill Clinton).
 */
import type { Annotation, Block } from '../model/types';
import { DETERMINERS, TITLES } from './lexicon';
import { suggestionKey, type SuggestedLink, type Suggestion, type SuggestionSet } from './types';

/** The rule name of an occurrence suggestion. */
export const OCCURRENCE_RULE = 'occurrence';
/** The labels whose mentions are looked for. */
const MENTION_LABELS = new Set(['Source', 'Entity']);
/** A title that may stand before a surname and is taken into its occurrence ("Mr. Hill", "Sen. Graham"). */
const TITLE_BEFORE = /(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.|President|Senator|Secretary|Ambassador|Governor|Mayor|Judge)\s$/u;
/** Shorter variants than this are never looked for (initials of two letters or more; names of three letters or more). */
const MIN_NAME = 3;

/** A text to look for and the tagged annotation its occurrences corefer with. */
type Variant = { text: string; target: Annotation };

/**
 * The other mentions of each tagged Source and Entity, as suggestions with coref links to it.
 * @param text the document's text
 * @param annotations the layer's live annotations (those of other labels are ignored)
 * @param blocks the document's blocks: an occurrence lies inside one block
 * @returns suggestions in text order, one coref link from each to its tagged mention
 */
export function occurrenceSuggestions(text: string, annotations: readonly Annotation[], blocks: readonly Block[]): SuggestionSet {
  const tagged = annotations.filter((a) => MENTION_LABELS.has(a.label));
  const variants = variantsOf(tagged);
  if (variants.size === 0) return { suggestions: [], links: [] };
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...variants.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  const suggestions = new Map<string, Suggestion>();
  const links: SuggestedLink[] = [];
  for (const m of text.matchAll(pattern)) {
    const { target } = variants.get(m[0])!;
    const title = TITLE_BEFORE.exec(text.slice(Math.max(0, m.index - 12), m.index));
    // A title goes with a name of one word ("Mr. Hill"); a full name is proposed as written.
    const start = title && !m[0].includes(' ') ? m.index - title[0].length : m.index;
    const end = m.index + m[0].length;
    if (!insideOneBlock(blocks, start, end) || annotations.some((a) => a.label === target.label && a.start < end && start < a.end)) continue;
    const key = suggestionKey(target.label, start, end);
    if (suggestions.has(key)) continue;
    suggestions.set(key, { key, label: target.label, start, end, attributes: target.attributes, rule: OCCURRENCE_RULE });
    links.push({ type: 'coref', from: key, to: suggestionKey(target.label, target.start, target.end) });
  }
  return { suggestions: [...suggestions.values()].sort((a, b) => a.start - b.start), links };
}

/** The texts to look for, each to its tagged annotation: full names, surnames no two names share, initials. */
function variantsOf(tagged: readonly Annotation[]): Map<string, Variant> {
  const out = new Map<string, Variant>();
  const surnames = new Map<string, Variant | null>();
  for (const target of tagged) {
    const name = properName(target.quote);
    if (!name) continue;
    if (!out.has(name)) out.set(name, { text: name, target });
    if (target.quote !== name && !out.has(target.quote)) out.set(target.quote, { text: target.quote, target });
    const words = name.split(/\s+/);
    if (words.length < 2) continue;
    const initials = words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]);
    if (isOrganisation(words) && initials.length >= 2) out.set(initials.join(''), { text: initials.join(''), target });
    const surname = words[words.length - 1]!;
    if (!isOrganisation(words) && surname.length >= MIN_NAME) {
      // A surname two different names share is ambiguous: neither gets it.
      const seen = surnames.get(surname);
      surnames.set(surname, seen === undefined || seen?.target.quote === target.quote ? { text: surname, target } : null);
    }
  }
  for (const [surname, variant] of surnames) if (variant && !out.has(surname)) out.set(surname, variant);
  return out;
}

/**
 * The proper name in a mention: without a leading determiner or title, an apposition after a
 * comma, or a possessive; null when it is not a name (not capitalised, a pronoun, too short).
 */
function properName(quote: string): string | null {
  const words = quote.split(',')[0]!.trim().split(/\s+/);
  while (words.length > 1 && (DETERMINERS.has(words[0]!.toLowerCase()) || TITLES.has(words[0]!.toLowerCase()))) words.shift();
  const name = words.join(' ').replace(/['’]s$/u, '');
  return name.length >= MIN_NAME && /^\p{Lu}/u.test(name) && words.some((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^\p{Lu}{2,}$/u.test(w)) ? name : null;
}

/** Words that make a name an organisation's, not a person's. */
const ORGANISATION_WORDS =
  /^(?:Organization|Organisation|Department|Ministry|Committee|Council|Party|Agency|Association|Union|University|Bank|Fund|Commission|Court|Office|Bureau|Institute|Foundation|Corporation|Company|Group|Times|Post|News|Service|Administration|Nations|Forces|Board|Center|Centre)$/u;

function isOrganisation(words: readonly string[]): boolean {
  return words.some((w) => ORGANISATION_WORDS.test(w));
}

function insideOneBlock(blocks: readonly Block[], start: number, end: number): boolean {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.end < end) lo = mid + 1;
    else hi = mid;
  }
  const block = blocks[lo];
  return block !== undefined && block.start <= start && end <= block.end;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Merges two suggestion sets (the service's and the renderer's occurrences): a span proposed by
 * both keeps `a`'s, links are kept once each.
 * @returns spans in text order, `a`'s links then `b`'s new ones
 */
export function mergeSets(a: SuggestionSet, b: SuggestionSet): SuggestionSet {
  const spans = new Map<string, Suggestion>();
  for (const s of [...a.suggestions, ...b.suggestions]) if (!spans.has(s.key)) spans.set(s.key, s);
  const links = new Map<string, SuggestedLink>();
  for (const l of [...a.links, ...b.links]) links.set(`${l.type} ${l.from} ${l.to}`, links.get(`${l.type} ${l.from} ${l.to}`) ?? l);
  return { suggestions: [...spans.values()].sort((x, y) => x.start - y.start || x.end - y.end), links: [...links.values()] };
}
