/** Span matching: exact and overlapping, one to one, and the laws F1 must keep. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countExactMatches, f1, matchOverlapping, type SpanRange } from '../../../shared/agreement/matching';

const r = (start: number, end: number): SpanRange => ({ start, end });

describe('exact matching', () => {
  it('matches identical ranges one to one, duplicates once each', () => {
    expect(countExactMatches([r(0, 5), r(0, 5), r(6, 9)], [r(0, 5), r(6, 8)])).toBe(1);
    expect(countExactMatches([r(0, 5), r(0, 5)], [r(0, 5), r(0, 5), r(0, 5)])).toBe(2);
  });
});

describe('overlap matching', () => {
  it('pairs spans that share a character, never spans that only touch', () => {
    expect(matchOverlapping([r(0, 5)], [r(5, 9)])).toEqual([]);
    expect(matchOverlapping([r(0, 5)], [r(4, 9)])).toEqual([[0, 0]]);
  });

  it('prefers the larger overlap, then the closer boundaries', () => {
    // A's [0, 10) overlaps B's [0, 4) by 4 and B's [2, 10) by 8: it takes the latter, and [0, 4) stays alone.
    expect(matchOverlapping([r(0, 10)], [r(0, 4), r(2, 10)])).toEqual([[0, 1]]);
    // Equal overlaps (3): B's [0, 3) is closer to A's [0, 3) than B's [0, 9) is.
    expect(matchOverlapping([r(0, 3)], [r(0, 9), r(0, 3)])).toEqual([[0, 1]]);
  });

  it('is one to one: a long span matches one of the short spans inside it', () => {
    expect(matchOverlapping([r(0, 20)], [r(1, 3), r(5, 12), r(14, 16)])).toEqual([[0, 1]]);
  });
});

describe('F1', () => {
  it('is null only when neither side has a span, 1 for identical lists, 0 for disjoint ones', () => {
    expect(f1(0, 0, 0)).toBeNull();
    expect(f1(3, 3, 3)).toBe(1);
    expect(f1(0, 2, 1)).toBe(0);
  });

  const spans = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 12 })).map(([s, l]) => r(s, s + l)),
    { maxLength: 10 },
  );

  it('matches as many spans whichever annotator comes first', () => {
    fc.assert(
      fc.property(spans, spans, (a, b) => {
        expect(matchOverlapping(b, a).length).toBe(matchOverlapping(a, b).length);
        expect(countExactMatches(b, a)).toBe(countExactMatches(a, b));
      }),
    );
  });

  it('never matches more than the smaller side, every pair overlapping, each span at most once', () => {
    fc.assert(
      fc.property(spans, spans, (a, b) => {
        const m = matchOverlapping(a, b);
        expect(m.length).toBeLessThanOrEqual(Math.min(a.length, b.length));
        expect(new Set(m.map(([i]) => i)).size).toBe(m.length);
        expect(new Set(m.map(([, j]) => j)).size).toBe(m.length);
        for (const [i, j] of m) expect(Math.min(a[i]!.end, b[j]!.end)).toBeGreaterThan(Math.max(a[i]!.start, b[j]!.start));
        expect(countExactMatches(a, b)).toBeLessThanOrEqual(m.length);
      }),
    );
  });
});
