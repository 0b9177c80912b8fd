/**
 * Cohen's kappa against textbook examples (each to the precision printed in the source, the
 * contingency tables as DKPro Statistics' tests transcribe them: Cohen1960Test,
 * ArtsteinPoesio2008Test, Krippendorff1995Test in dkpro/dkpro-statistics), and the categories
 * attribute values count as.
 */
import { describe, expect, it } from 'vitest';
import { attributeCategory, kappaOf, newKappaTally, tallyPair, UNSET_CATEGORY, type KappaTally } from '../../../shared/agreement/kappa';

/** A tally from a contingency table: `[count, A's value, B's value]` rows. */
function tallyOf(rows: readonly (readonly [number, string, string])[]): KappaTally {
  const t = newKappaTally();
  for (const [count, x, y] of rows) tallyPair(t, x, y, count);
  return t;
}

describe('textbook examples', () => {
  it('Cohen (1960: p. 45), 200 items in three categories: p_o .70, p_e .41, kappa .492', () => {
    const k = kappaOf(
      tallyOf([
        [88, '1', '1'],
        [14, '1', '2'],
        [18, '1', '3'],
        [10, '2', '1'],
        [40, '2', '2'],
        [10, '2', '3'],
        [2, '3', '1'],
        [6, '3', '2'],
        [12, '3', '3'],
      ]),
    );
    expect(k.n).toBe(200);
    expect(k.observed).toBeCloseTo(0.7, 2);
    expect(k.expected).toBeCloseTo(0.41, 2);
    expect(k.kappa).toBeCloseTo(0.492, 3);
  });

  it('Artstein & Poesio (2008: p. 558), STAT/IReq: p_e 0.54, kappa 0.348', () => {
    const k = kappaOf(
      tallyOf([
        [20, 'STAT', 'STAT'],
        [20, 'IReq', 'STAT'],
        [10, 'STAT', 'IReq'],
        [50, 'IReq', 'IReq'],
      ]),
    );
    expect(k.observed).toBeCloseTo(0.7, 3);
    expect(k.expected).toBeCloseTo(0.54, 3);
    expect(k.kappa).toBeCloseTo(0.348, 3);
  });

  it('Artstein & Poesio (2008: p. 568), three categories: p_e 0.396, kappa 0.801', () => {
    const k = kappaOf(
      tallyOf([
        [46, 'STAT', 'STAT'],
        [6, 'IReq', 'STAT'],
        [32, 'IReq', 'IReq'],
        [6, 'IReq', 'Chck'],
        [10, 'Chck', 'Chck'],
      ]),
    );
    expect(k.expected).toBeCloseTo(0.396, 3);
    expect(k.kappa).toBeCloseTo(0.801, 3);
  });

  it('Krippendorff (1995: p. 57), example A digitized by character: kappa 0.385', () => {
    const k = kappaOf(
      tallyOf([
        [10, '0', '0'],
        [8, '1', '0'],
        [6, '1', '1'],
      ]),
    );
    expect(k.kappa).toBeCloseTo(0.385, 3);
  });
});

describe('kappa', () => {
  it('is 1 for perfect agreement over more than one value, and symmetric in the annotators', () => {
    expect(
      kappaOf(
        tallyOf([
          [3, 'x', 'x'],
          [2, 'y', 'y'],
        ]),
      ).kappa,
    ).toBe(1);
    const ab = kappaOf(
      tallyOf([
        [3, 'x', 'y'],
        [2, 'y', 'y'],
        [4, 'z', 'x'],
      ]),
    );
    const ba = kappaOf(
      tallyOf([
        [3, 'y', 'x'],
        [2, 'y', 'y'],
        [4, 'x', 'z'],
      ]),
    );
    expect(ba.kappa).toBeCloseTo(ab.kappa!, 12);
  });

  it('is undefined with no pair, and when chance agreement is 1 (one same value everywhere)', () => {
    expect(kappaOf(newKappaTally()).kappa).toBeNull();
    expect(kappaOf(tallyOf([[5, 'x', 'x']]))).toMatchObject({ kappa: null, n: 5, expected: 1 });
  });
});

describe('attributeCategory', () => {
  it('counts every unset value (absent, null, empty text, an empty list, the legacy "unset") as unset', () => {
    for (const v of [undefined, null, '', [], 'unset']) expect(attributeCategory(v)).toBe(UNSET_CATEGORY);
  });

  it('tells a string from the boolean or number it spells, and ignores the order of a list', () => {
    expect(attributeCategory('true')).not.toBe(attributeCategory(true));
    expect(attributeCategory('3')).not.toBe(attributeCategory(3));
    expect(attributeCategory(['b', 'a'])).toBe(attributeCategory(['a', 'b']));
  });
});
