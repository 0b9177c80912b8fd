import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_PARAGRAPH, quotationEndAfter, quotationStartBefore, quotationsAround } from '../../../shared/anchoring/quotations';

/** The quoted text around the first occurrence of `inside` in `text` (between the marks), or null. */
function quotedAround(text: string, inside: string): string | null {
  const offset = text.indexOf(inside) + 1;
  const q = quotationsAround(text, offset)[0];
  return q ? text.slice(q.open + 1, q.close) : null;
}

describe('quotations', () => {
  it('pairs straight, curly and typographic double quotes and guillemets', () => {
    expect(quotedAround('"China will be backed into a corner," Aso said.', 'China')).toBe('China will be backed into a corner,');
    expect(quotedAround('“We can’t alter our stance,” Aso told NHK.', 'alter')).toBe('We can’t alter our stance,');
    expect(quotedAround('„Wir bleiben dabei“, sagte er.', 'bleiben')).toBe('Wir bleiben dabei');
    expect(quotedAround('„Wir bleiben dabei”, sagte er.', 'bleiben')).toBe('Wir bleiben dabei');
    expect(quotedAround('« Nous restons fermes », a-t-il dit.', 'restons')).toBe(' Nous restons fermes ');
    expect(quotedAround('»Wir bleiben«, sagte er.', 'bleiben')).toBe('Wir bleiben');
    expect(quotedAround('He said ‹non› twice.', 'non')).toBe('non');
  });

  it('takes single quotes as quotation marks but not apostrophes', () => {
    expect(quotedAround("'We don't see any splintering,' Hill said.", 'see')).toBe("We don't see any splintering,");
    expect(quotedAround('‘We don’t see it,’ Hill said.', 'see')).toBe('We don’t see it,');
    // A plural possessive and a year's apostrophe inside the quotation do not close or open one.
    expect(quotedAround("'The 1990s' boom and the '90s bust are over,' he said.", 'boom')).toBe("The 1990s' boom and the '90s bust are over,");
    // Outside any quotation, apostrophes make none.
    expect(quotationsAround("We don't see the 1990s' boom again, O'Brien said.", 20)).toEqual([]);
    expect(quotationsAround('We don’t see the 1990s’ boom again.', 12)).toEqual([]);
  });

  it('nests quotations, innermost first', () => {
    const text = `"He called it 'a bad idea' and left," she said.`;
    const found = quotationsAround(text, text.indexOf('bad'));
    expect(found.map((q) => text.slice(q.open + 1, q.close))).toEqual(['a bad idea', "He called it 'a bad idea' and left,"]);
  });

  it('lets a double quotation left open run to the end of its paragraph, and never past a line break', () => {
    const text = '"The first part goes on.\n\n"And the second ends," he said.';
    expect(quotedAround(text, 'first')).toBe('The first part goes on.');
    expect(quotedAround(text, 'second')).toBe('And the second ends,');
    expect(quotationsAround("It's 'not closed here.", 10)).toEqual([]);
  });

  it('stops at the quotation around an offset: its end from inside, its start from inside', () => {
    const text = '"China will be backed into a corner," Aso said.';
    const close = text.indexOf('," Aso') + 1;
    expect(quotationEndAfter(text, text.indexOf('will'))).toBe(close);
    // At the closing mark or after it, or before the opening one, there is nothing to stop at.
    expect(quotationEndAfter(text, close)).toBeNull();
    expect(quotationEndAfter(text, text.indexOf('Aso'))).toBeNull();
    expect(quotationEndAfter(text, 0)).toBeNull();
    expect(quotationStartBefore(text, close)).toBe(1);
    expect(quotationStartBefore(text, 1)).toBeNull();
    expect(quotationStartBefore(text, text.indexOf('said'))).toBeNull();
  });

  it('does not search a paragraph longer than MAX_PARAGRAPH', () => {
    const text = `"${'a '.repeat(MAX_PARAGRAPH)}" he said.`;
    expect(quotationsAround(text, 5)).toEqual([]);
  });

  it('only finds quotations that hold the offset, between marks of the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '"', "'", '’', '“', '”', '«', '»', '\n', ',') }), fc.nat(), (text, n) => {
        const offset = n % (text.length + 1);
        for (const q of quotationsAround(text, offset)) {
          expect(q.open < offset && offset <= q.close).toBe(true);
          expect(text.slice(q.open, q.close).includes('\n')).toBe(false);
        }
        const end = quotationEndAfter(text, offset);
        if (end !== null) expect(end).toBeGreaterThan(offset);
        const start = quotationStartBefore(text, offset);
        if (start !== null) expect(start).toBeLessThan(offset);
      }),
    );
  });
});
