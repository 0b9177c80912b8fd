/** The suggestions bench's error listing (--errors): what is shown for a missed and a wrong span, and the even sample. */
import { describe, expect, it } from 'vitest';
import { articleErrors, spreadSample } from '../../../bench/suggest/errors';
import { blocksOfPlainText } from '../../../shared/formats/brat';

describe('articleErrors', () => {
  // A quotation every engine proposes (direct quote, "<Name> said"), scored against a gold that tags only a Cue elsewhere.
  const text = 'The vote is on Monday.\n\n"Taxes will rise," Ann Lee said.\n\nBob hopes not.\n';
  const hopes = text.indexOf('hopes'); // no astral characters: UTF-16 and code point offsets agree
  const gold = { spans: [{ label: 'Cue', start: hopes, end: hopes + 'hopes'.length }], links: [] };
  const article = { name: 'hand-1', annotator: 'a', text, blocks: blocksOfPlainText(text), gold };

  it('lists a proposed span no gold span overlaps as a false positive, with its rule and context', () => {
    const claim = articleErrors(article).find((e) => e.kind === 'false positive' && e.what === 'Claim');
    expect(claim?.shown).toContain('⟦"Taxes will rise,"⟧');
    expect(claim?.rule).not.toBe('');
    expect(claim?.article).toBe('hand-1');
  });

  it('lists a gold span nothing matched as a false negative, on one line in its context', () => {
    const missed = articleErrors(article).filter((e) => e.kind === 'false negative');
    expect(missed).toEqual([{ kind: 'false negative', what: 'Cue', article: 'hand-1', shown: expect.stringContaining('said. Bob ⟦hopes⟧ not.') }]);
  });
});

describe('spreadSample', () => {
  it('takes n items spread over the whole list, or all of a shorter list', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    expect(spreadSample(items, 4)).toEqual([0, 25, 50, 75]);
    expect(spreadSample([1, 2], 5)).toEqual([1, 2]);
  });
});
