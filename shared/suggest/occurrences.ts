/**
 * Every occurrence (#15): after an analyst tags a Source or Entity, its other mentions in the
 * document are proposed (rule 'occurrence'), each with a coref link to the nearest tagged mention
 * of the same name: the full name, the surname alone for a person ("Christopher Hill" → "Hill",
 * "Mr. Hill"), and the initials of an organisation ("World Health Organization" → "WHO"). Pure;
 * the renderer runs it on its live annotations after every Source/Entity change and merges the
 * result with the service's set (`mergeSets`), so it must stay near-linear in the text: one
 * regular-expression pass, binary searches for the nearest tagged mention and for the annotations
 * that cover a match, and at most OCCURRENCES_PER_MENTION occurrences per tagged mention.
 * It never proposes a mention that an annotation of the same label already covers, nor a
 * surname that two different tagged names share ("Clinton" for Hillary and Bill Clinton).
 */
import { COREF, MENTION_LABELS } from '../model/vocabulary';
import type { Annotation, Block } from '../model/types';
import { annotationFinder } from './accept';
import { DETERMINERS, TITLES } from './lexicon';
import { suggestionKey, type SuggestedLink, type Suggestion, type SuggestionSet } from './types';

/** The rule name of an occurrence suggestion. */
export const OCCURRENCE_RULE = 'occurrence';
/**
 * The most occurrences proposed for one tagged mention, the nearest to it first: bounds the
 * work and the ghost highlights on a long article where a name recurs thousands of times.
 */
export const OCCURRENCES_PER_MENTION = 200;
/** A title that may stand before a surname and is taken into its occurrence ("Mr. Hill", "Sen. Graham"). */
const TITLE_BEFORE = /(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof)\.|President|Senator|Secretary|Ambassador|Governor|Mayor|Judge)\s$/u;
/** Shorter variants than this are never looked for (initials of two letters or more; names of three letters or more). */
const MIN_NAME = 3;

/** The tagged annotations a text to look for stands for (all with the same name), in text order once indexed. */
type Targets = Annotation[];
/** An occurrence found, before the bound per tagged mention. */
type Found = { start: number; end: number; target: Annotation };

/**
 * The other mentions of each tagged Source and Entity, as suggestions with coref links to it.
 * An occurrence refers to the nearest tagged mention of its name; each tagged mention keeps its
 * OCCURRENCES_PER_MENTION nearest occurrences.
 * @param text the document's text
 * @param annotations the layer's live annotations (those of other labels are ignored)
 * @param blocks the document's blocks: an occurrence lies inside one block
 * @returns suggestions in text order, one coref link from each to its tagged mention
 */
export function occurrenceSuggestions(text: string, annotations: readonly Annotation[], blocks: readonly Block[]): SuggestionSet {
  const variants = variantsOf(annotations.filter((a) => MENTION_LABELS.has(a.label)));
  if (variants.size === 0) return { suggestions: [], links: [] };
  for (const targets of variants.values()) targets.sort((a, b) => a.start - b.start);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...variants.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  const covering = annotationFinder(annotations);
  // Matches never overlap, so the occurrences found are in text order with distinct ends (distinct keys).
  const found: Found[] = [];
  const byTarget = new Map<Annotation, Found[]>();
  for (const m of text.matchAll(pattern)) {
    const title = TITLE_BEFORE.exec(text.slice(Math.max(0, m.index - 12), m.index));
    // A title goes with a name of one word ("Mr. Hill"); a full name is proposed as written.
    const start = title && !m[0].includes(' ') ? m.index - title[0].length : m.index;
    const end = m.index + m[0].length;
    const target = nearest(variants.get(m[0])!, start);
    if (!insideOneBlock(blocks, start, end) || covering({ label: target.label, start, end })) continue;
    const occurrence = { start, end, target };
    found.push(occurrence);
    const ofTarget = byTarget.get(target);
    if (ofTarget) ofTarget.push(occurrence);
    else byTarget.set(target, [occurrence]);
  }
  const dropped = new Set<Found>();
  for (const ofTarget of byTarget.values()) if (ofTarget.length > OCCURRENCES_PER_MENTION) for (const f of farthest(ofTarget)) dropped.add(f);
  const suggestions: Suggestion[] = [];
  const links: SuggestedLink[] = [];
  for (const f of found) {
    if (dropped.has(f)) continue;
    const { start, end, target } = f;
    const key = suggestionKey(target.label, start, end);
    suggestions.push({ key, label: target.label, start, end, attributes: target.attributes, rule: OCCURRENCE_RULE });
    links.push({ type: COREF, from: key, to: suggestionKey(target.label, target.start, target.end) });
  }
  return { suggestions, links };
}

/** The tagged mention nearest to `at` among `targets` (in text order, at least one): a binary search. */
function nearest(targets: Targets, at: number): Annotation {
  let lo = 0;
  let hi = targets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (targets[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  const after = targets[Math.min(lo, targets.length - 1)]!;
  const before = targets[Math.max(lo - 1, 0)]!;
  return at - before.end <= after.start - at ? before : after;
}

/** The occurrences of one tagged mention past its OCCURRENCES_PER_MENTION nearest (ties: the earlier in the text is nearer). */
function farthest(found: readonly Found[]): Found[] {
  const distance = ({ start, end, target }: Found) => (start < target.start ? target.start - end : start - target.end);
  return [...found].sort((a, b) => distance(a) - distance(b)).slice(OCCURRENCES_PER_MENTION);
}

/** The texts to look for, each to the tagged annotations it stands for: full names, surnames no two names share, initials. */
function variantsOf(tagged: readonly Annotation[]): Map<string, Targets> {
  const out = new Map<string, Targets>();
  const add = (text: string, target: Annotation) => {
    const targets = out.get(text);
    if (!targets) out.set(text, [target]);
    // A target adds its texts one after another: only the last entry can be itself.
    else if (targets[targets.length - 1] !== target) targets.push(target);
  };
  // A surname two different names share is ambiguous: neither gets it (null).
  const surnames = new Map<string, { name: string; targets: Targets } | null>();
  for (const target of tagged) {
    const name = properName(target.quote);
    if (!name) continue;
    add(name, target);
    if (target.quote !== name) add(target.quote, target);
    const words = name.split(/\s+/);
    if (words.length < 2) continue;
    const initials = words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]);
    if (isOrganisation(words) && initials.length >= 2) add(initials.join(''), target);
    const surname = words[words.length - 1]!;
    if (!isOrganisation(words) && surname.length >= MIN_NAME) {
      const seen = surnames.get(surname);
      if (seen === undefined) surnames.set(surname, { name, targets: [target] });
      else if (seen?.name === name) seen.targets.push(target);
      else surnames.set(surname, null);
    }
  }
  for (const [surname, seen] of surnames) if (seen && !out.has(surname)) out.set(surname, seen.targets);
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
