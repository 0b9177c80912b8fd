/** Laws of the agreement report on random layers: symmetry, identity, ranges, means, order, and a note for every null. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDocuments, computeAgreement } from '../../../shared/agreement/report';
import type { AgreementReport, Figure, PairFigures } from '../../../shared/agreement/types';
import { arbitraryDocuments, arbitraryLayer, documentsOf } from './build';

/** Every figure of a pair or mean as `[measure path, value]`. */
function figuresOf(f: PairFigures): [string, Figure][] {
  return [
    ...Object.entries(f.labels).flatMap(([l, v]) => Object.entries(v).map(([m, x]): [string, Figure] => [`${l} ${m}`, x])),
    ['overall f1_exact', f.overall.f1_exact],
    ['overall f1_overlap', f.overall.f1_overlap],
    ...Object.entries(f.relations).map(([t, v]): [string, Figure] => [`${t} f1`, v.f1]),
    ...Object.entries(f.attributes).map(([k, v]): [string, Figure] => [`${k} kappa`, v.kappa]),
  ];
}

const pairOf = (report: AgreementReport) => report.pairs[0]!;

describe('agreement laws', () => {
  it('is symmetric: swapping the annotators changes no figure', () => {
    fc.assert(
      fc.property(arbitraryDocuments, (layers) => {
        const docs = documentsOf(layers);
        const ab = figuresOf(pairOf(computeAgreement(docs, { annotators: ['ann', 'bob'] })));
        const ba = figuresOf(pairOf(computeAgreement(docs, { annotators: ['bob', 'ann'] })));
        expect(ba.map(([k]) => k)).toEqual(ab.map(([k]) => k));
        ab.forEach(([, x], i) => (x === null ? expect(ba[i]![1]).toBeNull() : expect(ba[i]![1]).toBeCloseTo(x, 9)));
      }),
    );
  });

  it('gives 1 for every defined figure when both layers are the same', () => {
    fc.assert(
      fc.property(fc.array(arbitraryLayer('a'), { minLength: 1, maxLength: 3 }), (layers) => {
        const report = computeAgreement(documentsOf(layers.map((l) => ({ ann: l, bob: l }))));
        for (const [key, x] of figuresOf(pairOf(report))) if (x !== null) expect([key, x]).toEqual([key, 1]);
      }),
    );
  });

  it('keeps F1 in [0, 1], kappa in [−1, 1] and alpha_u at most 1', () => {
    fc.assert(
      fc.property(arbitraryDocuments, (layers) => {
        for (const [key, x] of figuresOf(pairOf(computeAgreement(documentsOf(layers))))) {
          if (x === null) continue;
          expect(x).toBeLessThanOrEqual(1 + 1e-12);
          if (!key.endsWith('alpha_u')) expect(x).toBeGreaterThanOrEqual(key.endsWith('kappa') ? -1 : 0);
        }
      }),
    );
  });

  it('has three pairs for three annotators, and their mean is the mean of the non-null values', () => {
    const three = fc.array(fc.tuple(arbitraryLayer('a'), arbitraryLayer('b'), arbitraryLayer('c')), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(three, (layers) => {
        const report = computeAgreement(documentsOf(layers.map(([ann, bob, cat]) => ({ ann, bob, cat }))));
        expect(report.pairs).toHaveLength(3);
        const perPair = report.pairs.map(figuresOf);
        figuresOf(report.mean).forEach(([key, mean], i) => {
          const values = perPair.map((p) => p[i]![1]).filter((v): v is number => v !== null);
          if (values.length === 0) expect([key, mean]).toEqual([key, null]);
          else expect(mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 12);
        });
      }),
    );
  });

  it('explains every null in a note that names its key and pair', () => {
    fc.assert(
      fc.property(arbitraryDocuments, (layers) => {
        const report = computeAgreement(documentsOf(layers), { labels: ['A', 'B', 'C'] });
        for (const pair of report.pairs) {
          for (const [key, x] of figuresOf(pair)) {
            if (x !== null) continue;
            const [what] = key.split(' ');
            const isExplained = report.notes.some((n) => n.includes(`(${pair.a}, ${pair.b})`) && (n.includes(what!) || n.startsWith('overall')));
            expect([key, isExplained]).toEqual([key, true]);
          }
        }
        for (const [key, x] of figuresOf(report.mean))
          if (x === null) expect(report.notes.some((n) => n.startsWith('mean') && n.includes(key.split(' ')[0]!))).toBe(true);
        for (const d of report.perDocument) {
          const hasNull = Object.values(d.overall).some((v) => v === null);
          if (hasNull) expect(report.notes.some((n) => n.startsWith('perDocument') && n.includes(d.docId))).toBe(true);
        }
      }),
    );
  });

  it('lists documents in order, least agreement first and nulls last', () => {
    fc.assert(
      fc.property(arbitraryDocuments, (layers) => {
        const { perDocument } = computeAgreement(documentsOf(layers));
        for (let i = 1; i < perDocument.length; i++) expect(compareDocuments(perDocument[i - 1]!, perDocument[i]!)).toBeLessThanOrEqual(0);
      }),
    );
  });
});
