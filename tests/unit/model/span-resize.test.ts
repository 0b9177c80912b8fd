import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOperations, invertAll, type Operation } from '../../../shared/model/operations';
import { resizeSpan, type SpanMove } from '../../../shared/model/span-resize';
import type { DocumentData } from '../../../shared/model/types';
import { makeDoc } from '../support/make-doc';

const NOW = '2026-12-06T10:00:00.000Z';
const DOC = makeDoc(
  '"<c>China will be backed into a corner</c>," <s>Aso</s> said later.\n\nA "<q>x</q>" mark.',
  { c: 'Claim', s: 'Source', q: 'Claim' },
  {
    links: [['c', 'attributed_to', 's']],
  },
);

const must = (change: Operation[] | string | null): Operation[] => {
  if (change === null || typeof change === 'string') throw new Error(`expected a change, got ${change}`);
  return change;
};
/** The claim's quote after a sequence of moves, each applied to the result of the one before. */
function quoteAfter(doc: DocumentData, id: string, ...moves: SpanMove[]): string {
  const after = moves.reduce((d, move) => applyOperations(d, must(resizeSpan(d, id, move, NOW))), doc);
  return after.annotations.find((a) => a.id === id)!.quote;
}

const END_RIGHT_WORD: SpanMove = { edge: 'end', direction: 1, step: 'word' };
const END_LEFT_WORD: SpanMove = { edge: 'end', direction: -1, step: 'word' };
const START_LEFT_WORD: SpanMove = { edge: 'start', direction: -1, step: 'word' };
const START_RIGHT_WORD: SpanMove = { edge: 'start', direction: 1, step: 'word' };
const char = (edge: SpanMove['edge'], direction: SpanMove['direction']): SpanMove => ({ edge, direction, step: 'character' });

describe('resizeSpan', () => {
  it('moves the end by words: right to the next word end (past punctuation), left to the end of the word before its last', () => {
    expect(quoteAfter(DOC, 'c', END_RIGHT_WORD)).toBe('China will be backed into a corner," Aso');
    expect(quoteAfter(DOC, 'c', END_LEFT_WORD)).toBe('China will be backed into a');
    expect(quoteAfter(DOC, 'c', END_RIGHT_WORD, END_LEFT_WORD)).toBe('China will be backed into a corner');
  });

  it('moves the start by words: left to the previous word start, right to the start of the word after its first', () => {
    expect(quoteAfter(DOC, 's', START_LEFT_WORD)).toBe('corner," Aso');
    expect(quoteAfter(DOC, 'c', START_RIGHT_WORD)).toBe('will be backed into a corner');
    expect(quoteAfter(DOC, 's', START_LEFT_WORD, START_RIGHT_WORD)).toBe('Aso');
  });

  it('moves either edge by one character', () => {
    expect(quoteAfter(DOC, 'c', char('end', 1))).toBe('China will be backed into a corner,');
    expect(quoteAfter(DOC, 'c', char('end', -1))).toBe('China will be backed into a corne');
    expect(quoteAfter(DOC, 'c', char('start', -1))).toBe('"China will be backed into a corner');
    expect(quoteAfter(DOC, 'c', char('start', 1))).toBe('hina will be backed into a corner');
  });

  it('is one updateAnnotation of start, end, quote and updatedAt on the same id; undo restores it, links stay', () => {
    const change = must(resizeSpan(DOC, 'c', END_RIGHT_WORD, NOW));
    expect(change).toHaveLength(1);
    const op = change[0]!;
    if (op.op !== 'updateAnnotation') throw new Error(op.op);
    expect(op.id).toBe('c');
    expect(Object.keys(op.after).sort()).toEqual(['end', 'quote', 'start', 'updatedAt']);
    const after = applyOperations(DOC, change);
    const claim = after.annotations.find((a) => a.id === 'c')!;
    expect([claim.updatedAt, after.text.slice(claim.start, claim.end)]).toEqual([NOW, claim.quote]);
    expect(after.relations).toEqual(DOC.relations);
    expect(applyOperations(after, invertAll(change))).toEqual(DOC);
  });

  it('refuses, with a reason, a move that would empty the span, leave the text, or twin another annotation', () => {
    const one = makeDoc('<a>Aso</a> said <b>no</b>', { a: 'Source', b: 'Source' });
    for (const move of [END_LEFT_WORD, START_RIGHT_WORD]) expect(resizeSpan(one, 'a', move, NOW)).toMatch(/empty/);
    expect(resizeSpan(makeDoc('<a>x</a>', { a: 'Cue' }), 'a', char('end', -1), NOW)).toMatch(/empty/);
    expect(resizeSpan(one, 'a', START_LEFT_WORD, NOW)).toMatch(/no word before the span's start/);
    expect(resizeSpan(one, 'a', char('start', -1), NOW)).toMatch(/no text beyond the span's start/);
    expect(resizeSpan(one, 'b', END_RIGHT_WORD, NOW)).toMatch(/no word after the span's end/);
    expect(resizeSpan(one, 'b', char('end', 1), NOW)).toMatch(/no text beyond the span's end/);
    const twins = makeDoc('<a><b>Aso</b> said</a>', { a: 'Source', b: 'Source' });
    expect(resizeSpan(twins, 'b', END_RIGHT_WORD, NOW)).toMatch(/Another Source covers exactly that text/);
    expect(resizeSpan(one, 'nope', END_RIGHT_WORD, NOW)).toBeNull();
  });

  it('steps over whole characters: surrogate pairs and characters of unspaced scripts', () => {
    const emoji = makeDoc('<a>ok</a>😀 東京', { a: 'Entity' });
    expect(quoteAfter(emoji, 'a', char('end', 1))).toBe('ok😀');
    expect(quoteAfter(emoji, 'a', char('end', 1), char('end', -1))).toBe('ok');
    expect(quoteAfter(emoji, 'a', END_RIGHT_WORD)).toBe('ok😀 東');
  });

  it('every accepted move keeps a non-empty span inside the text whose quote is its text, and moves the asked edge the asked way', () => {
    const text = 'He said: "U.S. envoys don\'t, in 2006, see 東京 😀 splits." Then left.';
    const moves = fc.record({
      edge: fc.constantFrom<SpanMove['edge']>('start', 'end'),
      direction: fc.constantFrom<SpanMove['direction']>(-1, 1),
      step: fc.constantFrom<SpanMove['step']>('word', 'character'),
    });
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.nat(text.length), moves, (a, b, move) => {
        const [start, end] = [Math.min(a, b), Math.max(a, b)];
        fc.pre(start < end && !/[\uDC00-\uDFFF]/.test(text[start]!) && !/[\uDC00-\uDFFF]/.test(text[end] ?? ''));
        const doc: DocumentData = {
          ...makeDoc(text),
          annotations: [
            { id: 'x', label: 'Claim', start, end, quote: text.slice(start, end), attributes: {}, author: 'a', createdAt: 't', updatedAt: 't' },
          ],
        };
        const change = resizeSpan(doc, 'x', move, NOW);
        if (typeof change === 'string') return;
        const moved = applyOperations(doc, must(change)).annotations[0]!;
        expect(moved.start).toBeLessThan(moved.end);
        expect(text.slice(moved.start, moved.end)).toBe(moved.quote);
        const [before, after] = move.edge === 'start' ? [start, moved.start] : [end, moved.end];
        expect(Math.sign(after - before)).toBe(move.direction);
        expect(move.edge === 'start' ? moved.end : moved.start).toBe(move.edge === 'start' ? end : start);
      }),
    );
  });
});
