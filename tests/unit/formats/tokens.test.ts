/** Token alignment, layers, sentence segments and IOB2 tags; properties over random spans. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignDocument, alignSpan, assignLayers, iobTags, segmentsOf, SIMPLE_TOKENIZER, tokensFromPieces } from '../../../shared/formats/tokens';
import type { Annotation } from '../../../shared/model/types';

const span = (id: string, label: string, text: string, start: number, end: number): Annotation => ({
  id,
  label,
  start,
  end,
  quote: text.slice(start, end),
  attributes: {},
  author: '',
  createdAt: 't',
  updatedAt: 't',
});

/** True when a tag column is valid IOB2: every I-X follows B-X or I-X. */
function isIob2(tags: readonly string[]): boolean {
  return tags.every((t, i) => !t.startsWith('I-') || (i > 0 && (tags[i - 1] === `B-${t.slice(2)}` || tags[i - 1] === t)));
}

describe('tokens', () => {
  it('finds tokens in the text and drops whitespace', () => {
    const text = 'Hi  there.\nNew one';
    const { tokens, sentenceStarts } = tokensFromPieces(text, ['Hi', 'there', '.', '\n', 'New', 'one'], [0, 4]);
    expect(tokens.map((t) => [t.text, t.start, t.end, t.ws])).toEqual([
      ['Hi', 0, 2, true],
      ['there', 4, 9, false],
      ['.', 9, 10, true],
      ['New', 11, 14, true],
      ['one', 15, 18, false],
    ]);
    expect(sentenceStarts).toEqual([0, 3]);
  });

  it('aligns spans: exact, widened when cutting a token, null on whitespace', () => {
    const { tokens } = SIMPLE_TOKENIZER.tokenize('the splintering of it');
    expect(alignSpan(tokens, 4, 15)).toEqual({ range: { first: 1, last: 1 }, exact: true });
    expect(alignSpan(tokens, 4, 12)).toEqual({ range: { first: 1, last: 1 }, exact: false });
    expect(alignSpan(tokens, 0, 18)).toEqual({ range: { first: 0, last: 2 }, exact: true });
    expect(alignSpan(tokens, 3, 4)).toBeNull();
  });

  it('puts nested and crossing spans on separate layers, outermost first', () => {
    expect(
      assignLayers([
        { first: 0, last: 9 },
        { first: 2, last: 3 },
        { first: 3, last: 5 },
        { first: 10, last: 11 },
      ]),
    ).toEqual([0, 1, 2, 0]);
  });

  it('never breaks a sentence inside a span', () => {
    expect(segmentsOf(6, [0, 2, 4], [{ first: 1, last: 2 }])).toEqual([
      [0, 4],
      [4, 6],
    ]);
  });

  it('writes valid IOB2 in every layer and keeps every span, for any spans', () => {
    const text = 'Alpha beta, gamma. Delta epsilon zeta eta! Theta iota kappa.';
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.constantFrom('Claim', 'Source')), { maxLength: 12 }), (raw) => {
        const annotations = raw
          .filter(([a, b]) => a !== b && text.slice(Math.min(a, b), Math.max(a, b)).trim() !== '')
          .map(([a, b, l], i) => span(`a${i}`, l, text, Math.min(a, b), Math.max(a, b)));
        const aligned = alignDocument(text, 'd', annotations, SIMPLE_TOKENIZER);
        expect(aligned.spans.length + aligned.problems.filter((p) => p.kind === 'no_tokens').length).toBe(annotations.length);
        for (let layer = 0; layer < aligned.layerCount; layer++) {
          const tags = iobTags(aligned.tokens.length, aligned.spans, layer);
          for (const [from, to] of aligned.segments) expect(isIob2(tags.slice(from, to))).toBe(true);
        }
        for (const s of aligned.spans) {
          const exact = aligned.tokens[s.range.first]!.start === s.annotation.start && aligned.tokens[s.range.last]!.end === s.annotation.end;
          expect(aligned.problems.some((p) => p.kind === 'misaligned' && p.spanId === s.annotation.id)).toBe(!exact);
        }
      }),
    );
  });
});
