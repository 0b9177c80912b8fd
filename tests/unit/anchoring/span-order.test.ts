import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjacentSpan } from '../../../shared/anchoring/span-order';
import { compareSpans } from '../../../shared/model/spans';

const claim = { id: 'c', start: 1, end: 73 };
const cue = { id: 'q', start: 81, end: 85 };
const source = { id: 's', start: 76, end: 80 };
const inner = { id: 'i', start: 1, end: 10 };
const spans = [cue, claim, source, inner];

describe('document order', () => {
  it('orders by start, the enclosing span first', () => {
    expect([...spans].sort(compareSpans).map((s) => s.id)).toEqual(['c', 'i', 's', 'q']);
    expect(compareSpans({ id: 'b', start: 1, end: 5 }, { id: 'a', start: 1, end: 5 })).toBeGreaterThan(0);
  });

  it('finds the next and previous span, and nothing past the ends', () => {
    expect(adjacentSpan(spans, claim, 1)?.id).toBe('i');
    expect(adjacentSpan(spans, inner, 1)?.id).toBe('s');
    expect(adjacentSpan(spans, source, -1)?.id).toBe('i');
    expect(adjacentSpan(spans, cue, 1)).toBeNull();
    expect(adjacentSpan(spans, claim, -1)).toBeNull();
  });

  it('starts from a caret offset, and can skip spans', () => {
    expect(adjacentSpan(spans, 0, 1)?.id).toBe('c');
    expect(adjacentSpan(spans, 76, 1)?.id).toBe('s');
    expect(adjacentSpan(spans, 76, -1)?.id).toBe('i');
    expect(adjacentSpan(spans, 0, 1, (s) => s.id === 's' || s.id === 'q')?.id).toBe('s');
  });

  it('walking forward visits every span once, in sorted order', () => {
    const span = fc.tuple(fc.nat(100), fc.integer({ min: 1, max: 20 }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), (pairs) => {
        const all = pairs.map(([start, len], i) => ({ id: `a${i}`, start, end: start + len }));
        const seen: string[] = [];
        for (let s = adjacentSpan(all, 0, 1); s; s = adjacentSpan(all, s, 1)) seen.push(s.id);
        expect(seen).toEqual([...all].sort(compareSpans).map((s) => s.id));
      }),
    );
  });
});
