import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { snapToWords, wordAtCaret } from '../../../shared/anchoring/snap';

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
    // Texts of words, spaces, punctuation, abbreviations, emoji and unspaced scripts, and plain
    // random strings.
    const pieces = ['Hill', 'said', "don't", 'so-called', 'U.S.', '42', 'é', ' ', ' ', '  ', ',', '.', '"', '—', '(', ')', '🎉', '首相', 'は', '\n'];
    const texts = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((xs) => xs.join('')),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
    );
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
        let start = Math.min(a % (text.length + 1), b % (text.length + 1));
        let end = Math.max(a % (text.length + 1), b % (text.length + 1));
        const r = snapToWords(text, start, end);
        if (r === null) return;
        expect(r.start).toBeLessThan(r.end);
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeLessThanOrEqual(text.length);
        expect(/[\uDC00-\uDFFF]/.test(text[r.start]!)).toBe(false);
        expect(/[\uD800-\uDBFF]/.test(text[r.end - 1]!)).toBe(false);
        expect(snapToWords(text, r.start, r.end)).toEqual(r);
        // The selection's edges, moved off the middle of a surrogate pair, are where growth starts.
        if (isLowSurrogateAt(text, start)) start--;
        if (isLowSurrogateAt(text, end)) end++;
        // Growing outward only takes in the rest of the word under an edge: word characters, no
        // space or punctuation, and it stops where the word does.
        if (r.start < start) {
          expect(text.slice(r.start, start + String.fromCodePoint(text.codePointAt(start)!).length), `grown left in ${JSON.stringify(text)}`).toMatch(
            WORD_RUN,
          );
          expect(r.start === 0 || !SPACED_LETTER.test(charBefore(text, r.start)), `stopped inside a word in ${JSON.stringify(text)}`).toBe(true);
        }
        if (r.end > end) {
          expect(text.slice(end - charBefore(text, end).length, r.end), `grown right in ${JSON.stringify(text)}`).toMatch(WORD_RUN);
          expect(
            r.end === text.length || !SPACED_LETTER.test(String.fromCodePoint(text.codePointAt(r.end)!)),
            `stopped inside a word in ${JSON.stringify(text)}`,
          ).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** Letters, marks and digits of scripts written with spaces, and the joiners inside words (don't, so-called, U.S.). */
const WORD_RUN = /^(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}])[\p{L}\p{M}\p{N}'’\-‐.])+$/u;
const SPACED_LETTER = /^(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}])[\p{L}\p{M}\p{N}]$/u;
const isLowSurrogateAt = (text: string, i: number) => /[\uDC00-\uDFFF]/.test(text[i] ?? '') && /[\uD800-\uDBFF]/.test(text[i - 1] ?? '');
/** The whole character that ends just before UTF-16 index `i`. */
const charBefore = (text: string, i: number) => String.fromCodePoint(text.codePointAt(isLowSurrogateAt(text, i - 1) ? i - 2 : i - 1)!);

describe('wordAtCaret', () => {
  const word = (text: string, offset: number) => {
    const r = wordAtCaret(text, offset);
    return r && text.slice(r.start, r.end);
  };

  it('finds the word a caret stands in, at its start, or right after it', () => {
    const at = SENTENCE.indexOf('splintering');
    for (const offset of [at, at + 5, at + 'splintering'.length]) expect(word(SENTENCE, offset)).toBe('splintering');
    expect(word(SENTENCE, SENTENCE.indexOf("don't") + 4)).toBe("don't");
    expect(word(SENTENCE, SENTENCE.length)).toBe('Tokyo');
  });

  it('finds nothing between spaces and punctuation', () => {
    expect(wordAtCaret(SENTENCE, 0)).toBeNull();
    expect(wordAtCaret('a , b', 2)).toBeNull();
    expect(wordAtCaret('', 0)).toBeNull();
  });

  it('always returns a whole word inside the text around the caret (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), (text, n) => {
        const offset = n % (text.length + 1);
        const r = wordAtCaret(text, offset);
        return r === null || (r.start <= offset && offset <= r.end && r.start < r.end);
      }),
    );
  });
});
