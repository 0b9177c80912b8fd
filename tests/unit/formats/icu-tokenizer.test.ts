/** The ICU tokenizer of the token formats: what it makes of English, CJK, emoji and marks, and its invariants. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { icuTokenizer } from '../../../shared/formats/icu-tokenizer';

const tokenizer = icuTokenizer(process.versions.icu ?? 'unknown');
const texts = (text: string): string[] => tokenizer.tokenize(text).tokens.map((t) => t.text);
/** The sentences as the text from each start to the next. */
const sentences = (text: string): string[] => {
  const { tokens, sentenceStarts } = tokenizer.tokenize(text);
  return sentenceStarts.map((s, i) =>
    text.slice(tokens[s]!.start, i + 1 < sentenceStarts.length ? tokens[sentenceStarts[i + 1]!]!.start : text.length).trim(),
  );
};

describe('icuTokenizer', () => {
  it('names ICU and its version', () => {
    expect(icuTokenizer('78.2').name).toBe('Intl.Segmenter word and sentence (ICU 78.2, en)');
  });

  it('splits words, numbers and punctuation the way ICU does', () => {
    expect(texts('"I don\'t see it," Hill said: 3.5% of $1,200.50 in the U.S.')).toEqual([
      '"',
      'I',
      "don't",
      'see',
      'it',
      ',',
      '"',
      'Hill',
      'said',
      ':',
      '3.5',
      '%',
      'of',
      '$',
      '1,200.50',
      'in',
      'the',
      'U.S',
      '.',
    ]);
  });

  it('splits CJK and Thai into words and keeps emoji sequences and combining marks whole', () => {
    expect(texts('中国代表团表示')).toEqual(['中国', '代表', '团', '表示']);
    expect(texts('ภาษาไทยง่าย')).toEqual(['ภาษา', 'ไทย', 'ง่าย']);
    expect(texts('👩‍⚕️ 🌡️🔥 Chloe\u0301')).toEqual(['👩‍⚕️', '🌡️', '🔥', 'Chloe\u0301']);
    expect(texts('a \u0301b')).toEqual(['a', '\u0301', 'b']);
  });

  it('breaks sentences, but not after a title or initials', () => {
    expect(sentences('Dr. Yael Ben-David spoke. U.S. envoys came!\n\nJ. Smith left. 他来了。她走了。')).toEqual([
      'Dr. Yael Ben-David spoke.',
      'U.S. envoys came!',
      'J. Smith left.',
      '他来了。',
      '她走了。',
    ]);
  });

  it('gives tokens that are the text at their offsets, in order, with no whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const { tokens, sentenceStarts } = tokenizer.tokenize(text);
        let end = 0;
        for (const t of tokens) {
          expect(t.text).toBe(text.slice(t.start, t.end));
          expect(t.start).toBeGreaterThanOrEqual(end);
          expect(/\s/u.test(t.text) || t.text === '').toBe(false);
          end = t.end;
        }
        expect(sentenceStarts[0]).toBe(0);
      }),
    );
  });
});
