/** computeAgreement on tagged documents: pairs, shared documents, each measure end to end, notes, document order. */
import { describe, expect, it } from 'vitest';
import { alphaUnitizing } from '../../../shared/agreement/alpha-unitizing';
import { attributeCategory, kappaOf, newKappaTally, tallyPair } from '../../../shared/agreement/kappa';
import { computeAgreement } from '../../../shared/agreement/report';
import type { AgreementDocument } from '../../../shared/agreement/types';
import type { Attributes } from '../../../shared/model/types';
import { taggedDocument } from './build';

const both = (tagged: string, labels: Parameters<typeof taggedDocument>[1][string][1], links?: Parameters<typeof taggedDocument>[1][string][2]) =>
  [tagged, labels, links] as const;

/** One layer, given to ann and bob alike. */
const sameLayer = both(
  '"<c1>The grid will fail</c1>," <s1>officials</s1> <q>said</q>. "<c2>Prices rise</c2>," <s2>traders</s2> <q2>warn</q2>.',
  {
    c1: { label: 'Claim', attributes: { claim_type: 'prediction' } },
    s1: 'Source',
    q: 'Cue',
    c2: { label: 'Claim', attributes: { claim_type: 'statement' } },
    s2: 'Source',
    q2: 'Cue',
  },
  [
    ['c1', 'attributed_to', 's1'],
    ['c2', 'attributed_to', 's2'],
  ],
);

describe('computeAgreement', () => {
  it('gives 1 for every defined figure when the layers are identical', () => {
    const report = computeAgreement([taggedDocument('d1', { ann: sameLayer, bob: sameLayer })]);
    expect(report.annotators).toEqual(['ann', 'bob']);
    expect(report.documents).toBe(1);
    const [pair] = report.pairs;
    expect(pair).toMatchObject({ a: 'ann', b: 'bob', overall: { f1_exact: 1, f1_overlap: 1 } });
    for (const label of ['Claim', 'Cue', 'Source']) expect(pair!.labels[label]).toEqual({ f1_exact: 1, f1_overlap: 1, alpha_u: 1 });
    expect(pair!.relations).toEqual({ attributed_to: { f1: 1 } });
    expect(pair!.attributes).toEqual({ 'Claim.claim_type': { kappa: 1, n: 2 } });
    expect(report.mean).toEqual({ labels: pair!.labels, overall: pair!.overall, relations: pair!.relations, attributes: pair!.attributes });
    expect(report.perDocument).toEqual([{ docId: 'd1', title: 'd1', overall: { f1_exact: 1, f1_overlap: 1, alpha_u: 1 } }]);
  });

  it('compares every pair of three annotators and leaves the curated layer out unless asked for', () => {
    const doc = taggedDocument('d1', { cat: sameLayer, ann: sameLayer, curated: sameLayer, bob: sameLayer });
    expect(computeAgreement([doc]).pairs.map((p) => [p.a, p.b])).toEqual([
      ['ann', 'bob'],
      ['ann', 'cat'],
      ['bob', 'cat'],
    ]);
    expect(computeAgreement([doc], { annotators: ['curated', 'ann'] }).pairs.map((p) => [p.a, p.b])).toEqual([['curated', 'ann']]);
  });

  it('scores exact and overlapping matches: one of five spans exact, two pairs overlapping', () => {
    const doc = taggedDocument('d1', {
      ann: both('<a1>The grid</a1> will <a2>fail soon</a2>, they say, and often.', { a1: 'Claim', a2: 'Claim' }),
      bob: both('<b1>The grid</b1> will fail <b2>soon, they</b2> say, <b3>and</b3> often.', { b1: 'Claim', b2: 'Claim', b3: 'Claim' }),
    });
    const { labels, overall } = computeAgreement([doc]).pairs[0]!;
    expect(labels['Claim']!.f1_exact).toBeCloseTo(2 / 5, 12);
    expect(labels['Claim']!.f1_overlap).toBeCloseTo(4 / 5, 12);
    expect(overall).toEqual({ f1_exact: labels['Claim']!.f1_exact, f1_overlap: labels['Claim']!.f1_overlap });
  });

  it('gives F1 0 for disjoint annotations, and a label only one side used F1 0 too', () => {
    const doc = taggedDocument('d1', {
      ann: both('<a>The grid</a> will fail, <c>they</c> say.', { a: 'Claim', c: 'Cue' }),
      bob: both('The grid <b>will fail</b>, they say.', { b: 'Claim' }),
    });
    const { labels } = computeAgreement([doc]).pairs[0]!;
    expect(labels['Claim']).toMatchObject({ f1_exact: 0, f1_overlap: 0 });
    expect(labels['Cue']).toMatchObject({ f1_exact: 0, f1_overlap: 0 });
  });

  it('matches relations through the span matching: same type, both ends matched', () => {
    const doc = taggedDocument('d1', {
      ann: both('"<c>The grid will fail</c>," <s>officials</s> said, <t>traders</t> agree.', { c: 'Claim', s: 'Source', t: 'Source' }, [
        ['c', 'attributed_to', 's'],
      ]),
      bob: both('"The <c>grid will fail</c>," <s>officials</s> said, <t>traders</t> agree.', { c: 'Claim', s: 'Source', t: 'Source' }, [
        ['c', 'attributed_to', 's'],
        ['c', 'attributed_to', 't'],
      ]),
    });
    expect(computeAgreement([doc]).pairs[0]!.relations['attributed_to']!.f1).toBeCloseTo(2 / 3, 12);
    // Relations still match through spans of labels that are not reported.
    expect(computeAgreement([doc], { labels: ['Claim'] }).pairs[0]!.relations['attributed_to']!.f1).toBeCloseTo(2 / 3, 12);
  });

  it("computes Cohen's kappa over the matched pairs of every shared document, unset values included", () => {
    const claim = (v: string | null) => ({ label: 'Claim', attributes: { type: v } });
    const docs = [
      taggedDocument('d1', {
        ann: both('<x>One</x> and <y>two</y> and <z>three</z>.', { x: claim('a'), y: claim('a'), z: claim('b') }),
        bob: both('<x>One</x> and <y>two</y> and <z>three</z>.', { x: claim('a'), y: claim('b'), z: claim('b') }),
      }),
      taggedDocument('d2', {
        ann: both('<x>Four</x> and <y>five</y>.', { x: claim(null), y: 'Claim' }),
        bob: both('<x>Four</x> and <y>five</y>.', { x: claim('a'), y: 'Claim' }),
      }),
    ];
    const tally = newKappaTally();
    const pairs = [
      ['a', 'a'],
      ['a', 'b'],
      ['b', 'b'],
      [null, 'a'],
      [null, null],
    ] as const;
    for (const [x, y] of pairs) tallyPair(tally, attributeCategory(x), attributeCategory(y));
    expect(computeAgreement(docs).pairs[0]!.attributes['Claim.type']).toEqual({ kappa: kappaOf(tally).kappa, n: 5 });
  });

  it('gives the same figures when unset values are stored as the legacy "unset", an empty list or empty text as when they are absent', () => {
    const layers = (unset: Attributes) =>
      taggedDocument('d1', {
        ann: both('<x>One</x> and <y>two</y> and <z>three</z>.', {
          x: { label: 'Claim', attributes: { type: 'a', ...unset } },
          y: { label: 'Claim', attributes: { ...unset } },
          z: { label: 'Claim', attributes: { type: 'b' } },
        }),
        bob: both('<x>One</x> and <y>two</y> and <z>three</z>.', {
          x: { label: 'Claim', attributes: { type: 'a' } },
          y: { label: 'Claim', attributes: { type: 'b' } },
          z: { label: 'Claim', attributes: { type: 'b', ...unset } },
        }),
      });
    const absent = computeAgreement([layers({})]);
    for (const unset of [
      { topics: 'unset', type2: 'unset' },
      { topics: [], type2: '' },
    ]) {
      const legacy = computeAgreement([layers(unset)]);
      expect(legacy.pairs, JSON.stringify(unset)).toEqual(absent.pairs);
    }
  });

  it('puts the shared documents back to back for alpha_u', () => {
    const docs = [
      taggedDocument('d1', { ann: both('<a>Grid</a> fails.', { a: 'Claim' }), bob: both('Grid <b>fails</b>.', { b: 'Claim' }) }),
      taggedDocument('d2', { ann: both('Prices <a>rise</a>.', { a: 'Claim' }), bob: both('Prices <b>rise</b>.', { b: 'Claim' }) }),
    ];
    const [d1, d2] = docs as [AgreementDocument, AgreementDocument];
    const unit = (doc: AgreementDocument, who: string, offset: number) =>
      doc.layers[who]!.annotations.map((a) => ({ start: a.start + offset, end: a.end + offset }));
    const expected = alphaUnitizing(d1.textLength + d2.textLength, [
      [...unit(d1, 'ann', 0), ...unit(d2, 'ann', d1.textLength)],
      [...unit(d1, 'bob', 0), ...unit(d2, 'bob', d1.textLength)],
    ]);
    expect(computeAgreement(docs).pairs[0]!.labels['Claim']!.alpha_u).toBeCloseTo(expected!.alpha, 12);
  });

  it('counts only documents both annotators have a layer in, and says how many', () => {
    const docs = [
      taggedDocument('d1', { ann: sameLayer, bob: sameLayer }),
      taggedDocument('d2', { ann: both('<a>Grid</a> fails.', { a: 'Claim' }) }),
    ];
    const report = computeAgreement(docs);
    expect(report.pairs[0]!.labels['Claim']!.f1_exact).toBe(1);
    expect(report.notes).toContain('(ann, bob): 1 shared document (both have a layer in it)');
    expect(report.perDocument.map((d) => d.docId)).toEqual(['d1', 'd2']);
    expect(report.notes.some((n) => n.includes('d2') && n.includes('fewer than two'))).toBe(true);
  });

  it('explains each null: a label nobody used in the pair, a pair that shares nothing', () => {
    const docs = [taggedDocument('d1', { ann: sameLayer, bob: both(sameLayer[0], { c1: 'Claim' }) }), taggedDocument('d2', { cat: sameLayer })];
    const report = computeAgreement(docs, { labels: ['Claim', 'Evidence'] });
    expect(report.pairs[0]!.labels['Evidence']).toEqual({ f1_exact: null, f1_overlap: null, alpha_u: null });
    expect(report.notes).toContain('f1_exact, f1_overlap, alpha_u for Evidence (ann, bob): no spans by either annotator in their 1 shared document');
    expect(report.notes).toContain('(ann, cat) share no document: every figure of the pair is null');
    expect(report.notes).toContain('mean f1_exact, f1_overlap, alpha_u for Evidence: undefined for every pair');
  });

  it('lists documents from least to most agreement, documents without figures last', () => {
    const docs = [
      taggedDocument('same', { ann: sameLayer, bob: sameLayer }),
      taggedDocument('alone', { ann: sameLayer }),
      taggedDocument('apart', { ann: both('<a>Grid</a> fails today.', { a: 'Claim' }), bob: both('Grid fails <b>today</b>.', { b: 'Claim' }) }),
      taggedDocument('near', { ann: both('<a>Grid fails</a> today.', { a: 'Claim' }), bob: both('<b>Grid fails today</b>.', { b: 'Claim' }) }),
    ];
    expect(computeAgreement(docs).perDocument.map((d) => d.docId)).toEqual(['apart', 'near', 'same', 'alone']);
  });

  it('refuses an annotation outside its text', () => {
    const doc = taggedDocument('d1', { ann: sameLayer, bob: sameLayer });
    const broken = { ...doc, textLength: 10 };
    expect(() => computeAgreement([broken])).toThrow(RangeError);
  });

  it('says so when there are fewer than two annotators', () => {
    const report = computeAgreement([taggedDocument('d1', { ann: sameLayer })]);
    expect(report.pairs).toEqual([]);
    expect(report.mean.labels['Claim']).toEqual({ f1_exact: null, f1_overlap: null, alpha_u: null });
    expect(report.notes[0]).toMatch(/agreement needs two/);
  });
});
