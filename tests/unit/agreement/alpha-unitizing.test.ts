/**
 * Krippendorff's alpha_u against published worked examples and its laws. The examples are those
 * of DKPro Statistics' tests (dkpro/dkpro-statistics, dkpro-statistics-agreement/src/test/java/
 * org/dkpro/statistics/agreement/unitizing/), which take them from Krippendorff (1995) "On the
 * reliability of unitizing continuous data", Sociological Methodology 25:47-76, p. 57, and
 * Krippendorff (2004) Content Analysis, 2nd ed., p. 254; each value is checked to the precision
 * printed there (the tolerance DKPro's test uses).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addStretch,
  alphaOf,
  alphaUnitizing,
  disagreementOf,
  mergeUnits,
  newContinuum,
  summarizeStretch,
  type Unit,
} from '../../../shared/agreement/alpha-unitizing';

/** |actual − printed| ≤ tolerance. */
function near(actual: number | undefined, printed: number, tolerance: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs(actual! - printed)).toBeLessThanOrEqual(tolerance);
}

/** A unit given as DKPro gives it: offset and length. */
const at = (offset: number, length: number): Unit => ({ start: offset, end: offset + length });

describe('Krippendorff (2004: p. 254), as in DKPro Krippendorff2004Test', () => {
  // The continuum is [150, 450); alpha_u does not depend on where it begins, so it is moved to 0.
  const shifted = (offset: number, length: number) => at(offset - 150, length);
  const c = [
    [shifted(225, 70), shifted(370, 30)],
    [shifted(220, 80), shifted(355, 20), shifted(400, 20)],
  ];
  const k = [
    [shifted(180, 60), shifted(300, 50)],
    [shifted(180, 60), shifted(300, 50)],
  ];

  it('reproduces category c: D_o 0.0144, D_e 0.0532, alpha 0.7286', () => {
    const r = alphaUnitizing(300, c);
    near(r?.observed, 0.0144, 0.0001);
    near(r?.expected, 0.0532, 0.0001);
    near(r?.alpha, 0.7286, 0.0001);
  });

  it('reproduces category k (both identical): D_o 0, D_e 0.0490, alpha 1', () => {
    const r = alphaUnitizing(300, k);
    near(r?.observed, 0, 0.0001);
    near(r?.expected, 0.049, 0.0001);
    expect(r?.alpha).toBe(1);
  });

  it('reproduces the alpha over both categories, 1 − ΣD_o/ΣD_e = 0.8591 (DKPro: ±0.0005)', () => {
    const rc = alphaUnitizing(300, c)!;
    const rk = alphaUnitizing(300, k)!;
    near(alphaOf({ observed: rc.observed + rk.observed, expected: rc.expected + rk.expected })!, 0.8591, 0.0005);
  });
});

describe('Krippendorff (1995: p. 57), as in DKPro Krippendorff1995Test', () => {
  // Four pairs of observers on a continuum of 24; `stretch` scales it as DKPro does.
  const example = (stretch: number): Record<string, Unit[][]> => {
    const u = (offset: number, length: number) => at(Math.trunc(offset * stretch), Math.trunc(length * stretch));
    return {
      A: [
        [u(2, 8), u(14, 6)],
        [u(4, 4), u(15, 2)],
      ],
      B: [[u(0, 18)], [u(0, 2), u(2, 1), u(3, 1), u(4, 1), u(5, 1), u(6, 3), u(9, 1)]],
      C: [
        [u(2, 6), u(10, 2), u(14, 4), u(20, 2)],
        [u(0, 2), u(4, 4), u(10, 4), u(16, 2), u(20, 2)],
      ],
      D: [
        [u(0, 2), u(2, 8), u(10, 4), u(14, 6), u(20, 4)],
        [u(0, 4), u(4, 4), u(8, 7), u(15, 2), u(17, 7)],
      ],
    };
  };

  it('reproduces the observed disagreements 0.03125, 2.26736, 0.02777, 0.38715', () => {
    const units = example(1);
    const printed = { A: 0.03125, B: 2.26736, C: 0.02777, D: 0.38715 };
    for (const [category, value] of Object.entries(printed)) near(alphaUnitizing(24, units[category]!)?.observed, value, 0.00001);
  });

  it('reproduces D_e (±0.005) and alpha_u 0.553, −0.926, 0.679, 0.066 (±0.02, as DKPro: the paper has a slip in D_e)', () => {
    const stretch = 1_200_000 / 24;
    const units = example(stretch);
    const printed = { A: [0.0699, 0.553], B: [1.17731, -0.926], C: [0.08642, 0.679], D: [0.41445, 0.066] } as const;
    for (const [category, [expected, alpha]] of Object.entries(printed)) {
      const r = alphaUnitizing(24 * stretch, units[category]!);
      near(r?.expected, expected, 0.005);
      near(r?.alpha, alpha, 0.02);
    }
  });
});

describe('DKPro UnitizingAgreementTest', () => {
  it('reproduces one long unit against three short ones: D_o 0.9100, D_e 0.5351, alpha −0.7003', () => {
    const r = alphaUnitizing(10, [[at(1, 8)], [at(2, 1), at(4, 1), at(6, 1)]]);
    near(r?.observed, 0.91, 0.0001);
    near(r?.expected, 0.5351, 0.0001);
    near(r?.alpha, -0.7003, 0.0001);
  });

  it('gives 0 for a single unit of one of three raters, and null with no unit at all', () => {
    expect(alphaUnitizing(20, [[at(0, 1)], [], []])?.alpha).toBeCloseTo(0, 12);
    expect(alphaUnitizing(20, [[], [], []])).toBeNull();
  });
});

describe('units', () => {
  it('merges a rater’s overlapping spans into one unit, keeps touching ones apart and drops empty ones', () => {
    expect(mergeUnits([at(5, 5), at(0, 3), at(8, 4), at(3, 2), at(20, 0)])).toEqual([at(0, 3), at(3, 2), at(5, 7)]);
  });

  it('refuses a unit outside the continuum', () => {
    expect(() => summarizeStretch(10, [[at(8, 4)], []])).toThrow(RangeError);
  });
});

const LENGTH = 60;
const units = fc
  .array(fc.tuple(fc.integer({ min: 0, max: LENGTH - 1 }), fc.integer({ min: 1, max: 15 })), { maxLength: 6 })
  .map((list) => mergeUnits(list.map(([start, length]) => ({ start, end: Math.min(LENGTH, start + length) }))));

describe('laws', () => {
  it('is symmetric in the raters', () => {
    fc.assert(
      fc.property(units, units, (x, y) => {
        const xy = alphaUnitizing(LENGTH, [x, y]);
        const yx = alphaUnitizing(LENGTH, [y, x]);
        expect(yx?.alpha ?? null).toBe(xy?.alpha ?? null);
      }),
    );
  });

  it('is 1 when the raters agree, whenever it is defined', () => {
    fc.assert(
      fc.property(units, (x) => {
        const r = alphaUnitizing(LENGTH, [x, x]);
        if (x.length > 0) expect(r?.alpha).toBe(1);
      }),
    );
  });

  it('treats stretches put back to back as one continuum with the units moved along', () => {
    fc.assert(
      fc.property(units, units, units, units, (x1, y1, x2, y2) => {
        const joined = newContinuum(2);
        addStretch(joined, summarizeStretch(LENGTH, [x1, y1]));
        addStretch(joined, summarizeStretch(LENGTH, [x2, y2]));
        const move = (u: readonly Unit[]) => u.map((v) => ({ start: v.start + LENGTH, end: v.end + LENGTH }));
        const whole = newContinuum(2);
        addStretch(
          whole,
          summarizeStretch(2 * LENGTH, [
            [...x1, ...move(x2)],
            [...y1, ...move(y2)],
          ]),
        );
        const a = disagreementOf(joined)!;
        const b = disagreementOf(whole)!;
        expect(a.observed).toBeCloseTo(b.observed, 12);
        expect(a.expected).toBeCloseTo(b.expected, 12);
      }),
    );
  });
});
