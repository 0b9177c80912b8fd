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
    // From inside the quotation, the next stop is its end: not past its closing mark into "Hill said".
    const second = nextSentenceEnd(TEXT, end);
    expect(TEXT.slice(end, second)).toBe(' On the contrary, I see a very clear message,');
    const third = nextSentenceEnd(TEXT, second);
    expect(TEXT.slice(second, third)).toBe('" Hill said.');
    expect(nextSentenceEnd(TEXT, TEXT.length)).toBe(TEXT.length);
  });

  it('moves backward to the start of the current sentence, then of the previous one', () => {
    const inside = at('contrary');
    expect(TEXT.slice(previousSentenceStart(TEXT, inside)).startsWith('On the contrary')).toBe(true);
    // Inside the quotation, back to just after its opening mark; from there, to the mark.
    expect(TEXT.slice(previousSentenceStart(TEXT, at('On the'))).startsWith('I don')).toBe(true);
    expect(TEXT.slice(previousSentenceStart(TEXT, at('I don'))).startsWith('"I don')).toBe(true);
    expect(TEXT.slice(previousSentenceStart(TEXT, at('Was it'))).startsWith('Mr. Aso')).toBe(true);
    expect(TEXT.slice(previousSentenceStart(TEXT, at('Mr. Aso'))).startsWith('On the contrary')).toBe(true);
    expect(previousSentenceStart(TEXT, at('Assistant'))).toBe(0);
  });

  it('stops at the end or start of the quotation it starts inside of (the issue #12 example), whatever its marks', () => {
    const aso = '"China will be backed into a corner," Aso said later on a TV Asahi talk show. "It\'s only common sense."';
    const inside = aso.indexOf('China');
    expect(aso.slice(inside, nextSentenceEnd(aso, inside))).toBe('China will be backed into a corner,');
    const after = aso.indexOf('corner,') + 'corner,'.length;
    expect(aso.slice(previousSentenceStart(aso, after), after)).toBe('China will be backed into a corner,');
    // A quotation that ends its sentence stops before the closing mark too; an apostrophe is no quotation mark.
    const its = aso.indexOf('only');
    expect(aso.slice(its, nextSentenceEnd(aso, its))).toBe('only common sense.');
    expect(aso.slice(previousSentenceStart(aso, its), its)).toBe("It's ");
    for (const [open, close] of [
      ['“', '”'],
      ['«', '»'],
      ['„', '“'],
      ["'", "'"],
      ['‘', '’'],
    ]) {
      const text = `He said: ${open}The 1990s' boom is over, don't you see${close} and left. Then he came back.`;
      const from = text.indexOf('boom');
      expect(text.slice(from, nextSentenceEnd(text, from))).toBe("boom is over, don't you see");
      const to = text.indexOf(' you');
      expect(text.slice(previousSentenceStart(text, to), to)).toBe("The 1990s' boom is over, don't");
    }
    // Outside a quotation, sentences run as before, past apostrophes.
    const plain = "The 1990s' boom is over, don't you see. Then he came back.";
    expect(plain.slice(0, nextSentenceEnd(plain, 5))).toBe("The 1990s' boom is over, don't you see.");
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
