/**
 * Pronoun coreference (rule 'pronoun-coref'): a source "he" or "she" is linked by coref to the
 * nearest preceding named person among the proposed sources, or else to the nearest person's
 * name in the text before it (within a few paragraphs), which is then proposed as a source too.
 * "They" and "it" are left unlinked: a group's antecedent is too often not a name.
 */
import { COREF, SOURCE_LABEL } from '../../model/vocabulary';
import { DETERMINERS, TITLES } from '../lexicon';
import type { Collector } from './collector';

/** How far back (UTF-16) a name in the text may stand from its pronoun. */
const MAX_DISTANCE = 1500;
/** Words of an organisation's name: such a name is no antecedent of "he" or "she". */
const ORGANISATION_WORDS = new Set(
  (
    'house department party committee campaign news times post journal inc. corp. company group office ministry agency council ' +
    'association union university court administration government network foundation institute center centre bureau service press ' +
    'senate congress republicans democrats police army navy commission board coalition organization organisation club fund bank'
  ).split(' '),
);
/** A person's name: an optional title, then two or more capitalised words (an initial may stand between). */
const PERSON_NAME = /(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s)?\p{Lu}[\p{Ll}’'-]+(?:\s\p{Lu}\.)?(?:\s\p{Lu}[\p{Ll}’'-]+)+/gu;

/** Whether a name reads like a person's (not an organisation's or a group's). */
function isPersonName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.some((w) => ORGANISATION_WORDS.has(w.toLowerCase()) || /^\p{Lu}{2,}$/u.test(w))) return false;
  const first = words[0]!.toLowerCase();
  return !DETERMINERS.has(first) && /^\p{Lu}/u.test(words[words.length - 1]!);
}

/** Pronouns linked between two steps of linkPronouns. */
const PRONOUNS_PER_STEP = 200;

/**
 * Links each proposed "he"/"she" source to its antecedent, yielding every PRONOUNS_PER_STEP
 * pronouns (a long article has thousands).
 * @param text the article's text
 */
export function* linkPronouns(out: Collector, text: string): Generator<void, void, void> {
  const sources = out.ofLabel(SOURCE_LABEL).sort((a, b) => a.start - b.start);
  let linked = 0;
  for (const [i, pronoun] of sources.entries()) {
    const word = text.slice(pronoun.start, pronoun.end).toLowerCase();
    if (word !== 'he' && word !== 'she') continue;
    let antecedent: string | null = null;
    for (let k = i - 1; k >= 0 && !antecedent; k--) {
      const s = sources[k]!;
      if (pronoun.start - s.end > MAX_DISTANCE * 4) break;
      if (s.attributes.identification === 'named' && isPersonName(nameOf(text.slice(s.start, s.end)))) antecedent = s.key;
    }
    antecedent ??= nameInText(out, text, pronoun.start);
    if (antecedent) out.link(COREF, pronoun.key, antecedent);
    if (++linked % PRONOUNS_PER_STEP === 0) yield;
  }
}

/** A source's name without its apposition ("Christopher Hill, the top U.S. envoy" → "Christopher Hill") and title words. */
function nameOf(source: string): string {
  const name = source.split(',')[0]!.trim();
  return name
    .split(/\s+/)
    .filter((w) => !TITLES.has(w.toLowerCase()))
    .join(' ');
}

/** The nearest person's name before `at` (within MAX_DISTANCE), proposed as a named source; null when there is none. */
function nameInText(out: Collector, text: string, at: number): string | null {
  const from = Math.max(0, at - MAX_DISTANCE);
  let last: RegExpExecArray | null = null;
  PERSON_NAME.lastIndex = 0;
  const window = text.slice(from, at);
  for (let m = PERSON_NAME.exec(window); m; m = PERSON_NAME.exec(window)) if (isPersonName(nameOf(m[0]))) last = m;
  if (!last) return null;
  const start = from + last.index;
  return out.span(SOURCE_LABEL, { start, end: start + last[0].length, rule: 'pronoun-coref', attributes: { identification: 'named' } });
}
