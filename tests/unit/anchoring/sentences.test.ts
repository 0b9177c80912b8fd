import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSentenceEnd, nextSentenceEnd, previousSentenceStart } from '../../../shared/anchoring/sentences';

const TEXT =
  'But U.S. Assistant Secretary of State Christopher Hill said the players agree. ' +
  '"I don\'t see any splintering. On the contrary, I see a very clear message," Hill said.\n\n' +
  'Mr. Aso spoke on Monday! Was it enough?';

const at = (needle: string, after = false) => TEXT.indexOf(needle) + (after ? needle.length : 0);

describe('sentence boundaries', () => {
  it('ends a sentence after its terminal punctuation, and not after abbreviations', () => {
    expect(isSentenceEnd(TEXT, at('agree.', true))).toBe(true);
    expect(isSentenceEnd(TEXT, at('U.S.', true))).toBe(false);
    expect(isSentenceEnd(TEXT, at('Mr.', true))).toBe(false);
    expect(isSentenceEnd(TEXT, at('splintering.', true))).toBe(true);
    expect(isSentenceEnd(TEXT, at('Monday!', true))).toBe(true);
    expect(isSentenceEnd(TEXT, TEXT.length)).toBe(true);
  });

  it('moves forward to the end of the current sentence, then of the next one', () => {
    const first = nextSentenceEnd(TEXT, 0);
    expect(TEXT.slice(0, first)).toBe('But U.S. Assistant Secretary of State Christopher Hill said the players agree.');
    const quote = at('"I don');
    const end = nextSentenceEnd(TEXT, quote);
    expect(TEXT.slice(quote, end)).toBe('"I don\'t see any splintering.');
    // A comma inside the quotation does not end it; the paragraph break does.
    const second = nextSentenceEnd(TEXT, end);
    expect(TEXT.slice(end, second)).toBe(' On the contrary, I see a very clear message," Hill said.');
    expect(nextSentenceEnd(TEXT, TEXT.length)).toBe(TEXT.length);
  });

  it('moves backward to the start of the current sentence, then of the previous one', () => {
    const inside = at('contrary');
    expect(TEXT.slice(previousSentenceStart(TEXT, inside)).startsWith('On the contrary')).toBe(true);
    expect(TEXT.slice(previousSentenceStart(TEXT, at('On the'))).startsWith('"I don')).toBe(true);
    expect(TEXT.slice(previousSentenceStart(TEXT, at('Was it'))).startsWith('Mr. Aso')).toBe(true);
    expect(TEXT.slice(previousSentenceStart(TEXT, at('Mr. Aso'))).startsWith('On the contrary')).toBe(true);
    expect(previousSentenceStart(TEXT, at('Assistant'))).toBe(0);
  });

  it('always moves in the asked direction and stays inside the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), (text, n) => {
        const offset = text.length === 0 ? 0 : n % (text.length + 1);
        const next = nextSentenceEnd(text, offset);
        const prev = previousSentenceStart(text, offset);
        expect(next).toBeLessThanOrEqual(text.length);
        expect(next > offset || next === text.length).toBe(true);
        expect(prev).toBeGreaterThanOrEqual(0);
        expect(prev < offset || prev === 0).toBe(true);
      }),
    );
  });
});
