/**
 * Words, punctuation and sentences of one block, for the suggestion rules. One linear regex pass
 * (no backtracking beyond a word) and one pass over the tokens; offsets are UTF-16 into the
 * whole text. Our own splitter rather than `Intl.Segmenter`: ICU's sentence breaks cut after
 * "Mr." and "Sen.", which would split most sources from their names.
 */
import { ABBREVIATIONS } from '../lexicon';

/** One token: a word (letters, digits, inner apostrophes, hyphens, dots and ampersands) or one punctuation mark. */
export type Token = Readonly<{ start: number; end: number; text: string; lower: string; isWord: boolean; isCapital: boolean }>;

/** A sentence: the tokens `[from, to)` of its block's token list. */
export type Sentence = Readonly<{ from: number; to: number }>;

const ABBREVIATION = ABBREVIATIONS.join('|');
/** An abbreviation with its period, initials (U.S., J.), a word (with a plural's possessive apostrophe: "Sanders’"), or one non-space character. */
const TOKEN = new RegExp(
  `\\b(?:${ABBREVIATION})\\.|(?:\\p{L}\\.){2,}|\\p{Lu}\\.(?=\\s\\p{Lu})|[\\p{L}\\p{N}]+(?:['’\\-.&][\\p{L}\\p{N}]+)*(?:(?<=s)['’](?![\\p{L}\\p{N}]))?|\\S`,
  'gu',
);
const LETTER = /[\p{L}\p{N}]/u;
const UPPER = /^\p{Lu}/u;
/** Closers that may follow a sentence's final mark before the next sentence. */
const CLOSERS = new Set(['"', '”', '’', "'", '»', ')', ']']);
const ENDS = new Set(['.', '!', '?']);
/** Words that open a sentence, so that "in the U.S. The president…" breaks after "U.S.". */
const OPENERS = new Set('The He She They It We I But And In A An This That These Those There His Her Their Its Our After When While'.split(' '));

/**
 * The tokens of `text` between `start` and `end`.
 * @returns tokens in text order
 */
export function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const body = text.slice(start, end);
  for (const m of body.matchAll(TOKEN)) {
    const word = m[0];
    out.push({
      start: start + m.index,
      end: start + m.index + word.length,
      text: word,
      lower: word.toLowerCase(),
      isWord: LETTER.test(word[0]!),
      isCapital: UPPER.test(word),
    });
  }
  return out;
}

/**
 * Splits a block's tokens into sentences: after ".", "!" or "?" (and any closing quotes or
 * brackets) when the next token opens a sentence (a capital, a digit or an opening quote); an
 * abbreviation ending in a period ends a sentence only before a word that usually opens one.
 */
export function sentences(tokens: readonly Token[]): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const isEnd = ENDS.has(token.text) || (token.text.endsWith('.') && token.text.length > 1 && OPENERS.has(tokens[i + 1]?.text ?? ''));
    if (!isEnd) continue;
    let j = i + 1;
    // A closing mark hugs what it closes; one after a space opens the next sentence.
    while (j < tokens.length && CLOSERS.has(tokens[j]!.text) && tokens[j]!.start === tokens[j - 1]!.end) j++;
    const next = tokens[j];
    if (next && !next.isCapital && !/^[\d“"‘«„(]/.test(next.text)) continue;
    out.push({ from, to: j });
    from = j;
    i = j - 1;
  }
  if (from < tokens.length) out.push({ from, to: tokens.length });
  return out;
}
