import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { snapToWords } from '../../../shared/anchoring/snap';

const SENTENCE = '"I don\'t see any splintering. On the contrary, I see a very clear message," Hill said after arriving in Tokyo';
const snapped = (text: string, start: number, end: number) => {
  const r = snapToWords(text, start, end);
  return r && text.slice(r.start, r.end);
};

describe('snapToWords', () => {
  it('turns a selection of the whole quotation into the words inside the marks (SCHEMA worked example)', () => {
    expect(snapToWords(SENTENCE, 0, 75)).toEqual({ start: 1, end: 73 });
  });

  it('extends a partial word outward to the whole word', () => {
    const at = SENTENCE.indexOf('Hill');
    expect(snapped(SENTENCE, at + 1, at + 3)).toBe('Hill');
    expect(snapToWords(SENTENCE, at + 1, at + 3)).toEqual({ start: 76, end: 80 });
    expect(snapped(SENTENCE, SENTENCE.indexOf("don't") + 2, SENTENCE.indexOf("don't") + 3)).toBe("don't");
  });

  it('trims spaces, quotes, commas and a final period but keeps abbreviations', () => {
    const text = 'The U.S. envoy said, "it is over." Then he left.';
    expect(snapped(text, 3, 9)).toBe('U.S.');
    expect(snapped(text, 20, 34)).toBe('it is over');
    expect(snapped(text, 19, 21)).toBeNull();
  });

  it('does not extend across scripts written without spaces, and keeps emoji whole', () => {
    const text = '首相は「増税しない」と述べた。 Party 🎉 time';
    expect(snapped(text, 4, 8)).toBe('増税しない'.slice(0, 4));
    const party = text.indexOf('🎉');
    expect(snapped(text, party, party + 2)).toBe('🎉');
  });

  it('never grows past word boundaries, never splits a surrogate pair, and returns a sub-range of the words', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.max(a, b) % (text.length + 1);
        const r = snapToWords(text, start, end);
        if (r === null) return;
        expect(r.start).toBeLessThan(r.end);
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeLessThanOrEqual(text.length);
        expect(/[\uDC00-\uDFFF]/.test(text[r.start]!)).toBe(false);
        expect(/[\uD800-\uDBFF]/.test(text[r.end - 1]!)).toBe(false);
        expect(snapToWords(text, r.start, r.end)).toEqual(r);
      }),
    );
  });
});
