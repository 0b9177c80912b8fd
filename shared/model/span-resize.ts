/**
 * Adjusting an annotation's boundaries without deleting it: its start or its end moves left or
 * right by a word or by a character, as one `updateAnnotation` (start, end, quote, updatedAt)
 * that undo reverses. The id stays, so its links stay. A move that would leave the span empty,
 * run past the text, or make it the exact twin of another annotation of its label is refused
 * with a sentence saying so. Pure: the time is passed in. Word steps walk only as far as the
 * next word; a character step never splits a surrogate pair.
 */
import { isWordChar } from '../anchoring/snap';
import type { Operation } from './operations';
import type { DocumentData } from './types';

/** Which boundary of the span moves. */
export type SpanEdge = 'start' | 'end';
/** How far it moves: to the next word boundary, or by one character (code point). */
export type SpanStep = 'word' | 'character';
/** A boundary move: the edge, the direction (-1 left, 1 right) and the step. */
export type SpanMove = Readonly<{ edge: SpanEdge; direction: -1 | 1; step: SpanStep }>;

/** A letter or digit of a script written without spaces (Han, Kana, Thai): each is a word of its own. */
const LONE_WORD = /[\p{L}\p{N}]/u;

/**
 * The change that moves one boundary of annotation `id`. Word steps: the end moves to the end
 * of the next word (right) or of the word before its last one (left); the start to the start
 * of the previous word (left) or of the word after its first one (right).
 * @param now the time stamped as the annotation's updatedAt
 * @returns the change, a sentence saying why it cannot be made, or null when there is no such annotation
 */
export function resizeSpan(doc: DocumentData, id: string, move: SpanMove, now: string): Operation[] | string | null {
  const a = doc.annotations.find((x) => x.id === id);
  if (!a) return null;
  const moved = movedBoundary(doc.text, move.edge === 'start' ? a.start : a.end, move);
  if (moved === null) return refusalAtEdge(move);
  const [start, end] = move.edge === 'start' ? [moved, a.end] : [a.start, moved];
  if (start >= end) return 'The span cannot get any shorter: that would leave it empty (Delete removes it).';
  if (doc.annotations.some((x) => x.id !== id && x.label === a.label && x.start === start && x.end === end))
    return `Another ${a.label} covers exactly that text: the span is kept as it was.`;
  return [
    {
      op: 'updateAnnotation',
      id,
      before: { start: a.start, end: a.end, quote: a.quote, updatedAt: a.updatedAt },
      after: { start, end, quote: doc.text.slice(start, end), updatedAt: now },
    },
  ];
}

/** Why a boundary cannot move further that way: the text (or its words) ends there. */
function refusalAtEdge({ edge, direction, step }: SpanMove): string {
  const what = step === 'word' ? (direction === 1 ? 'There is no word after' : 'There is no word before') : 'There is no text beyond';
  return `${what} the span's ${edge}: it stays where it is.`;
}

/**
 * Where a boundary at `at` moves to.
 * @returns the new offset, or null when the text has nothing more that way
 */
function movedBoundary(text: string, at: number, { edge, direction, step }: SpanMove): number | null {
  if (step === 'character') {
    if (direction === 1) return at < text.length ? at + codePointLength(text, at) : null;
    return at > 0 ? at - codePointLengthBefore(text, at) : null;
  }
  let i = at;
  if (edge === 'end' && direction === 1) {
    while (i < text.length && !isWordAt(text, i)) i++;
    return i < text.length ? wordEndAfter(text, i) : null;
  }
  if (edge === 'start' && direction === -1) {
    while (i > 0 && !isWordAt(text, i - 1)) i--;
    return i > 0 ? wordStartBefore(text, i) : null;
  }
  // Narrowing: past the word at the boundary, then past what separates it from the next one inwards.
  if (direction === -1) {
    if (i > 0 && isWordAt(text, i - 1)) i = wordStartBefore(text, i);
    while (i > 0 && !isWordAt(text, i - 1)) i--;
  } else {
    if (i < text.length && isWordAt(text, i)) i = wordEndAfter(text, i);
    while (i < text.length && !isWordAt(text, i)) i++;
  }
  return i;
}

/** True when UTF-16 unit `i` belongs to a word (either half of a surrogate pair counts as its character). */
function isWordAt(text: string, i: number): boolean {
  if (isWordChar(text, i)) return true;
  const low = text.charCodeAt(i);
  const from = low >= 0xdc00 && low <= 0xdfff && i > 0 ? i - 1 : i;
  return LONE_WORD.test(String.fromCodePoint(text.codePointAt(from) ?? 32));
}

/** The end of the word that starts at `i` (a run of word characters, or one lone-word character). */
function wordEndAfter(text: string, i: number): number {
  if (!isWordChar(text, i)) return i + codePointLength(text, i);
  while (i < text.length && isWordChar(text, i)) i++;
  return i;
}

/** The start of the word that ends at `i`. */
function wordStartBefore(text: string, i: number): number {
  if (!isWordChar(text, i - 1)) return i - codePointLengthBefore(text, i);
  while (i > 0 && isWordChar(text, i - 1)) i--;
  return i;
}

function codePointLength(text: string, i: number): number {
  return (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}

function codePointLengthBefore(text: string, i: number): number {
  const low = text.charCodeAt(i - 1);
  const high = text.charCodeAt(i - 2);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
}
