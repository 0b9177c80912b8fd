/**
 * Generated news-like English for the suggestions speed bench (#15): paragraphs of narration,
 * direct quotations in straight and curly quotes, reporting clauses ("X said that…", "…, X
 * said.", "according to X"), titles and appositions, and now and then a quotation running over
 * two paragraphs. All words are this file's own (never corpus text); seeded, so the same text
 * every run.
 */
import { seededRandom } from '../../shared/formats/split';
import { blocksOfPlainText } from '../../shared/formats/brat';
import type { Block } from '../../shared/model/types';

const NAMES = ['Maria Olsen', 'Tomas Berg', 'Aisha Kamara', 'Daniel Reyes', 'Li Wen', 'Peter Novak', 'Ines Duarte', 'Samuel Okafor'];
const TITLES = [
  'the finance minister',
  'a spokeswoman for the city council',
  'the head of the port authority',
  'an economist at the central bank',
  'the opposition leader',
  'a senior official who asked not to be named',
];
const GROUPS = ['officials', 'the ministry', 'union leaders', 'analysts', 'the police', 'residents'];
const SUBJECTS = [
  'the new budget',
  'the harbour project',
  'fuel prices',
  'the rail strike',
  'the trade agreement',
  'the housing plan',
  'the bridge repairs',
];
const PREDICATES = [
  'will cost far more than planned',
  'has been delayed until next spring',
  'could hurt small businesses',
  'was never properly debated',
  'is the best option we have',
  'would protect jobs in the region',
  'must be reviewed before the vote',
];
const CUES = ['said', 'warned', 'argued', 'insisted', 'noted', 'added', 'told reporters', 'believes'];
const EVENTS = [
  'The council met on Tuesday for the third time this month.',
  'The vote is expected later this week.',
  'Hundreds of people gathered outside the town hall in the rain.',
  'Talks resumed after a short break in the afternoon.',
  'The figures were published late on Friday.',
];

/** One generated article: its text and its paragraphs as Claimdesk's plain-text importer makes them. */
export type SyntheticArticle = Readonly<{ text: string; blocks: readonly Block[] }>;

/**
 * An article of at least `length` UTF-16 units (ending at a paragraph), from `seed`.
 * @returns the text and its blocks
 */
export function syntheticArticle(length: number, seed: number): SyntheticArticle {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const clause = () => `${pick(SUBJECTS)} ${pick(PREDICATES)}`;
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const sentences: (() => string)[] = [
    () => `"${capital(clause())}," ${pick(NAMES)} said.`,
    () => `“${capital(clause())},” said ${pick(NAMES)}, ${pick(TITLES)}.`,
    () => `${pick(NAMES)}, ${pick(TITLES)}, ${pick(CUES)} that ${clause()}.`,
    () => `According to ${pick(GROUPS)}, ${clause()}.`,
    () => `${capital(pick(GROUPS))} ${pick(CUES)} on Monday that ${clause()}.`,
    () => `“${capital(clause())}. We will not accept 'a plan written in a hurry,'” ${pick(NAMES)} told reporters.`,
    () => pick(EVENTS),
    () => pick(EVENTS),
  ];
  const paragraphs: string[] = [];
  let size = 0;
  while (size < length) {
    // About one paragraph in ten is a quotation running on into the next, which reopens it without closing the first.
    const paragraph =
      random() < 0.1
        ? `${pick(NAMES)} ${pick(CUES)}: “${capital(clause())}, and ${clause()}.\n\n“${capital(clause())}.”`
        : Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(sentences)()).join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  const text = `${paragraphs.join('\n\n')}\n`;
  return { text, blocks: blocksOfPlainText(text) };
}
