import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignLanes, lowestFreeLane } from '../../../shared/anchoring/lanes';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

describe('lanes', () => {
  it('takes the lowest free lane', () => {
    expect(lowestFreeLane([])).toBe(0);
    expect(lowestFreeLane([0, 1, 3])).toBe(2);
    expect(lowestFreeLane([1, 2])).toBe(0);
  });

  it('stacks nested and overlapping spans, and reuses lanes for spans that only touch', () => {
    // Claim [1,73) holds Cue [60,64); Source [76,80) touches nothing; Evidence [70,85) overlaps the Claim.
    const lanes = assignLanes([
      { start: 60, end: 64 },
      { start: 1, end: 73 },
      { start: 76, end: 80 },
      { start: 70, end: 85 },
      { start: 85, end: 90 },
    ]);
    expect(lanes).toEqual([1, 0, 0, 1, 0]);
  });

  it('never gives two overlapping spans the same lane', () => {
    const span = fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 40 })).map(([start, len]) => ({ start, end: start + len }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 60 }), (spans) => {
        const lanes = assignLanes(spans);
        for (let i = 0; i < spans.length; i++)
          for (let j = i + 1; j < spans.length; j++) if (overlaps(spans[i]!, spans[j]!)) expect(lanes[i]).not.toBe(lanes[j]);
      }),
    );
  });

  it('lays out a part drawn later around the spans placed before, which keep their lanes', () => {
    const span = fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 40 })).map(([start, len]) => ({ start, end: start + len }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), fc.array(span, { maxLength: 40 }), (first, later) => {
        const placed = first.map((s, i) => ({ ...s, lane: assignLanes(first)[i]! }));
        const lanes = assignLanes(later, placed);
        for (let i = 0; i < later.length; i++) {
          for (const p of placed) if (overlaps(later[i]!, p)) expect(lanes[i]).not.toBe(p.lane);
          for (let j = i + 1; j < later.length; j++) if (overlaps(later[i]!, later[j]!)) expect(lanes[i]).not.toBe(lanes[j]);
        }
      }),
    );
    expect(assignLanes([{ start: 5, end: 8 }], [{ start: 0, end: 10, lane: 0 }])).toEqual([1]);
  });
});
