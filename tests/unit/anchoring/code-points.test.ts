import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { offsetMap } from '../../../shared/anchoring/code-points';

describe('offsetMap', () => {
  it('counts astral characters as one code point', () => {
    const text = 'a😀b👩‍⚕️c';
    const map = offsetMap(text);
    expect(map.codePointLength).toBe([...text].length);
    expect(map.codePointFromUtf16(3)).toBe(2); // after a😀
    expect(map.utf16FromCodePoint(2)).toBe(3);
    expect(() => map.codePointFromUtf16(2)).toThrow(/splits a surrogate pair/);
    expect(() => map.utf16FromCodePoint(99)).toThrow(RangeError);
  });

  it('round-trips every boundary and matches Python-style slicing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(), fc.nat(), (text, a, b) => {
        const map = offsetMap(text);
        const cps = [...text];
        for (let cp = 0; cp <= cps.length; cp++) expect(map.codePointFromUtf16(map.utf16FromCodePoint(cp))).toBe(cp);
        const cs = Math.min(a, b) % (cps.length + 1);
        const ce = Math.max(a, b) % (cps.length + 1);
        const quote = text.slice(map.utf16FromCodePoint(cs), map.utf16FromCodePoint(ce));
        expect(cps.slice(cs, ce).join('')).toBe(quote);
      }),
    );
  });
});
