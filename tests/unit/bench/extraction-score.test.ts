/** The extraction benchmark's token scorer: laws of precision, recall and F1, and its tokenizer. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageScores, scoreTokens, tokenize } from '../../../bench/extraction/score';

const words = fc.array(fc.constantFrom('the', 'council', 'voted', 'Über', 'año', '2026', 'naïve', 'bus'), { maxLength: 30 });

describe('tokenize', () => {
  it('lowercases words, drops punctuation and keeps accents and digits', () => {
    expect(tokenize('Über den Fluss: 3,5 Mio. — “Naïve” año!')).toEqual(['über', 'den', 'fluss', '3', '5', 'mio', 'naïve', 'año']);
  });

  it('makes each Han or kana character a token, and splits them from Latin runs', () => {
    expect(tokenize('東京都はJR線を')).toEqual(['東', '京', '都', 'は', 'jr', '線', 'を']);
  });

  it('folds compatibility forms (full-width letters) to their plain form', () => {
    expect(tokenize('ＪＲ')).toEqual(['jr']);
  });
});

describe('scoreTokens', () => {
  it('scores a text against itself, in any order, as perfect', () => {
    fc.assert(
      fc.property(words, (ws) => {
        const s = scoreTokens([...ws].reverse().join(' '), ws.join(' '));
        expect(s.f1).toBe(1);
      }),
    );
  });

  it('keeps recall and lowers precision when the extraction adds tokens', () => {
    fc.assert(
      fc.property(
        words.filter((ws) => ws.length > 0),
        fc.array(fc.constantFrom('cookie', 'share'), { minLength: 1 }),
        (body, chrome) => {
          const s = scoreTokens([...body, ...chrome].join(' '), body.join(' '));
          expect(s.recall).toBe(1);
          expect(s.precision).toBeLessThan(1);
          expect(s.precision).toBeCloseTo(body.length / (body.length + chrome.length), 12);
        },
      ),
    );
  });

  it('keeps precision and lowers recall when the extraction misses tokens', () => {
    const s = scoreTokens('the council voted', 'the council voted for the bus');
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo(3 / 6, 12);
    expect(s.f1).toBeCloseTo((2 * 1 * 0.5) / 1.5, 12);
  });

  it('counts a repeated token only as often as the expected text has it', () => {
    const s = scoreTokens('bus bus bus', 'bus');
    expect(s.shared).toBe(1);
    expect(s.precision).toBeCloseTo(1 / 3, 12);
  });

  it('is symmetric in F1 and bounded by 0 and 1', () => {
    fc.assert(
      fc.property(words, words, (a, b) => {
        const ab = scoreTokens(a.join(' '), b.join(' '));
        const ba = scoreTokens(b.join(' '), a.join(' '));
        expect(ab.f1).toBeCloseTo(ba.f1, 12);
        for (const x of [ab.precision, ab.recall, ab.f1]) expect(x >= 0 && x <= 1).toBe(true);
      }),
    );
  });

  it('scores an empty extraction of a real body as 0, and two empty texts as 1', () => {
    expect(scoreTokens('', 'the bus').f1).toBe(0);
    expect(scoreTokens('', '').f1).toBe(1);
  });
});

describe('averageScores', () => {
  it('weighs long pages more in micro and every page the same in macro', () => {
    const long = scoreTokens(Array(90).fill('bus').join(' '), Array(90).fill('bus').join(' '));
    const short = scoreTokens('cookie', 'bus');
    const { micro, macroF1 } = averageScores([long, short]);
    expect(macroF1).toBeCloseTo(0.5, 12);
    expect(micro.f1).toBeGreaterThan(macroF1);
    expect(micro.precision).toBeCloseTo(90 / 91, 12);
  });

  it('refuses an empty list', () => {
    expect(() => averageScores([])).toThrow(RangeError);
  });
});
