/**
 * Headlines (rule 'headline'): "Sanders: Brexit could help Trump" attributes what follows the
 * colon to the name before it, and a headline in Title Case ("Rubio Thinks Biden Was Effective")
 * has its reporting verbs capitalised like every other word. A headline is the article's first
 * block when it is a heading, or a short single sentence.
 */
import type { Block } from '../../model/types';
import type { Attribution, SentenceView } from './clause';
import { identify } from './noun-phrase';

/** A first paragraph longer than this is body text, not a headline. */
const MAX_HEADLINE = 200;
/** The longest name before a headline's colon, in tokens. */
const MAX_NAME = 5;
/** Labels before a colon that are a rubric, not a source: "The Latest: …", "Exclusive: …". */
const RUBRICS = new Set([
  'the latest',
  'exclusive',
  'watch',
  'breaking',
  'update',
  'live',
  'video',
  'photos',
  'analysis',
  'opinion',
  'editorial',
  'full text',
  'abstract',
  'fact check',
]);

/** Whether a block is the article's headline: a heading, or the first block when short and one sentence. */
export function isHeadline(text: string, block: Block, index: number): boolean {
  if (block.type === 'heading') return true;
  const body = text.slice(block.start, block.end);
  return index === 0 && body.length <= MAX_HEADLINE && !/[.!?]["”’]?\s+\p{Lu}/u.test(body);
}

/** Whether most words of a headline are capitalised (Title Case), so that a capital does not make a word a name. */
export function isTitleCase(view: SentenceView): boolean {
  const words = view.tokens.slice(view.from, view.to).filter((t) => t.isWord && t.text.length > 3);
  return words.length > 0 && words.filter((t) => t.isCapital).length / words.length >= 0.6;
}

/**
 * "Name: what they said" at the start of a headline: the name (a few capitalised words, not a
 * rubric) is the source, the colon the cue, the rest the claim.
 */
export function headlineColon(view: SentenceView): Attribution | null {
  const { tokens } = view;
  const colon = tokens.slice(view.from, Math.min(view.to, view.from + MAX_NAME + 1)).findIndex((t) => t.text === ':');
  if (colon <= 0) return null;
  const at = view.from + colon;
  const name = tokens.slice(view.from, at);
  if (!name.every((t) => t.isCapital || t.text === '.' || t.lower === 'of') || RUBRICS.has(name.map((t) => t.lower).join(' '))) return null;
  let end = view.to;
  while (end > at + 1 && /^[.!?;]$/.test(tokens[end - 1]!.text)) end--;
  if (end - at < 3) return null;
  const quote = view.quoteAt(at + 1);
  const isQuote = quote !== undefined && quote.start === tokens[at + 1]!.start && quote.end === tokens[end - 1]!.end;
  return {
    cue: { from: at, to: at + 1, base: ':', cueClass: 'communication', rule: 'headline' },
    source: { from: view.from, to: at, identification: identify(tokens, view.from, at), hasApposition: false },
    content: { start: tokens[at + 1]!.start, end: tokens[end - 1]!.end, quote: isQuote ? quote : null, isMixed: false },
    rule: 'headline',
  };
}
