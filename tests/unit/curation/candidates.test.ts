/** curationCandidates and candidateKey: one candidate per variant, in text order, with who made it, its state and links. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateKey, curationCandidates, type Candidate } from '../../../shared/curation';
import type { Annotation } from '../../../shared/model/types';
import { taggedLayers } from './build';

const NONE = new Set<string>();
const byQuote = (candidates: readonly Candidate[]) => candidates.map((c) => [c.label, c.quote, c.annotators.join('+'), c.state]);

describe('curationCandidates', () => {
  // ann and bob agree on the claim and its link's type, not on the source's bounds; only ann tags the cue.
  const { layers } = taggedLayers({
    ann: [
      '"<c>Grid fails</c>," <s>officials</s> and staff said. <q>Rain</q> soon.',
      { c: 'Claim', s: 'Source', q: 'Cue' },
      [['c', 'attributed_to', 's']],
    ],
    bob: ['"<c>Grid fails</c>," <s>officials and staff</s> said. Rain soon.', { c: 'Claim', s: 'Source' }, [['c', 'attributed_to', 's']]],
  });

  it('lists each variant once in text order (the longer first at one start), with its annotators and state', () => {
    expect(byQuote(curationCandidates(layers, { annotations: [] }, NONE))).toEqual([
      ['Claim', 'Grid fails', 'ann+bob', 'agreed'],
      ['Source', 'officials and staff', 'bob', 'disagreed'],
      ['Source', 'officials', 'ann', 'disagreed'],
      ['Cue', 'Rain', 'ann', 'only-one'],
    ]);
  });

  it('keeps each annotator’s source annotation', () => {
    const [claim] = curationCandidates(layers, { annotations: [] }, NONE);
    expect(Object.keys(claim!.sources)).toEqual(['ann', 'bob']);
    expect(claim!.sources.ann!.id).toBe('ann-c');
    expect(claim!.sources.bob!.id).toBe('bob-c');
  });

  it('gives each candidate the links of its sources, between candidate keys, with who made each', () => {
    const [claim, wide, narrow, cue] = curationCandidates(layers, { annotations: [] }, NONE);
    expect(claim!.links).toEqual(
      expect.arrayContaining([
        { type: 'attributed_to', from: claim!.key, to: narrow!.key, annotators: ['ann'] },
        { type: 'attributed_to', from: claim!.key, to: wide!.key, annotators: ['bob'] },
      ]),
    );
    expect(claim!.links).toHaveLength(2);
    expect(narrow!.links).toEqual([{ type: 'attributed_to', from: claim!.key, to: narrow!.key, annotators: ['ann'] }]);
    expect(cue!.links).toEqual([]);
  });

  it('merges a link both annotators made into one, and skips a relation whose end is missing', () => {
    const both = taggedLayers({
      ann: ['<c>Grid fails</c>, <s>Hill</s> said.', { c: 'Claim', s: 'Source' }, [['c', 'attributed_to', 's']]],
      bob: ['<c>Grid fails</c>, <s>Hill</s> said.', { c: 'Claim', s: 'Source' }, [['c', 'attributed_to', 's']]],
    }).layers;
    const dangling = { ...both.bob!, relations: [...both.bob!.relations, { ...both.bob!.relations[0]!, id: 'r9', to: 'gone' }] };
    const [claim, source] = curationCandidates({ ann: both.ann!, bob: dangling }, { annotations: [] }, NONE);
    expect(claim!.links).toEqual([{ type: 'attributed_to', from: claim!.key, to: source!.key, annotators: ['ann', 'bob'] }]);
  });

  it('does not count a span of another label inside or across it as a rival (a source inside a claim)', () => {
    const nested = taggedLayers({
      ann: ['<c>"Grid fails," <s>officials</s> said</c>.', { c: 'Claim', s: 'Source' }],
      bob: ['<c>"Grid fails," officials said</c>.', { c: 'Claim' }],
    }).layers;
    expect(byQuote(curationCandidates(nested, { annotations: [] }, NONE))).toEqual([
      ['Claim', '"Grid fails," officials said', 'ann+bob', 'agreed'],
      ['Source', 'officials', 'ann', 'only-one'],
    ]);
  });

  it('counts the same bounds with another label, and the same span with other attributes, as disagreements', () => {
    const differ = taggedLayers({
      ann: ['<c>Grid</c> <d>fails</d> now.', { c: 'Claim', d: { label: 'Claim', attributes: { claim_type: 'prediction' } } }],
      bob: ['<c>Grid</c> <d>fails</d> now.', { c: 'Evidence', d: { label: 'Claim', attributes: { claim_type: 'statistic' } } }],
    }).layers;
    expect(curationCandidates(differ, { annotations: [] }, NONE).map((c) => c.state)).toEqual(['disagreed', 'disagreed', 'disagreed', 'disagreed']);
  });

  it('is agreed only when every annotator with a layer made it, even an annotator who tagged nothing', () => {
    const three = { ...layers, cat: { annotations: [], relations: [] } };
    expect(curationCandidates(three, { annotations: [] }, NONE)[0]!.state).toBe('disagreed');
    const alone = curationCandidates({ ann: layers.ann! }, { annotations: [] }, NONE);
    expect(alone.every((c) => c.state === 'agreed')).toBe(true);
  });

  it('marks a candidate accepted when the curated layer holds its label, bounds and attributes, and rejected when its key is rejected', () => {
    const first = curationCandidates(layers, { annotations: [] }, NONE);
    const curated = { annotations: [{ ...layers.ann!.annotations[0]!, id: 'k1', author: 'cur' }] };
    const next = curationCandidates(layers, curated, new Set([first[2]!.key, first[0]!.key]));
    expect(next.map((c) => [c.state, c.curatedId])).toEqual([
      ['accepted', 'k1'],
      ['disagreed', null],
      ['rejected', null],
      ['only-one', null],
    ]);
  });
});

describe('candidateKey', () => {
  const base: Pick<Annotation, 'label' | 'start' | 'end' | 'attributes'> = {
    label: 'Claim',
    start: 3,
    end: 9,
    attributes: { a: 'x', m: ['p', 'q'] },
  };

  it('ignores attribute order, unset values and the order of a multi-value', () => {
    const same: (typeof base)[] = [
      { ...base, attributes: { m: ['q', 'p'], a: 'x' } },
      { ...base, attributes: { a: 'x', m: ['p', 'q'], b: null, c: '', d: [] } },
    ];
    for (const other of same) expect(candidateKey(other)).toBe(candidateKey(base));
  });

  it('gives a span with the legacy "unset" value the key of the same span without the attribute, so they are one variant', () => {
    expect(candidateKey({ ...base, attributes: { ...base.attributes, checkworthy: 'unset' } })).toBe(candidateKey(base));
    const { layers } = taggedLayers({
      ann: ['<c>Prices rise</c>.', { c: { label: 'Claim', attributes: { checkworthy: 'unset', topics: [] } } }],
      bob: ['<c>Prices rise</c>.', { c: 'Claim' }],
    });
    const candidates = curationCandidates(layers, { annotations: [] }, new Set());
    expect(candidates.map((c) => [c.annotators, c.state])).toEqual([[['ann', 'bob'], 'agreed']]);
  });

  it('tells apart label, bounds and attribute values (a string "true" is not the boolean true)', () => {
    const others = [
      { ...base, label: 'Source' },
      { ...base, start: 4 },
      { ...base, end: 8 },
      { ...base, attributes: { a: 'y', m: ['p', 'q'] } },
      { ...base, attributes: { a: 'x' } },
      { ...base, attributes: { a: 'x', m: ['p', 'q'], t: true } },
      { ...base, attributes: { a: 'x', m: ['p', 'q'], t: 'true' } },
    ];
    const keys = new Set([base, ...others].map(candidateKey));
    expect(keys.size).toBe(others.length + 1);
  });
});

describe('curationCandidates laws', () => {
  const TEXT_LENGTH = 60;
  const layer = (name: string) =>
    fc
      .array(
        fc.record({
          label: fc.constantFrom('Claim', 'Source'),
          start: fc.integer({ min: 0, max: TEXT_LENGTH - 1 }),
          length: fc.integer({ min: 1, max: 12 }),
          x: fc.constantFrom('p', 'q', null),
        }),
        { maxLength: 8 },
      )
      .map((spans) => ({
        annotations: spans.map((s, i): Annotation => ({
          id: `${name}${i}`,
          label: s.label,
          start: s.start,
          end: Math.min(TEXT_LENGTH, s.start + s.length),
          quote: '',
          attributes: { x: s.x },
          author: name,
          createdAt: 't',
          updatedAt: 't',
        })),
        relations: [],
      }));

  it('puts every annotation of every layer in exactly one candidate, which lists its annotator; keys are unique and in text order', () => {
    fc.assert(
      fc.property(layer('a'), layer('b'), layer('c'), (a, b, c) => {
        const layers = { ann: a, bob: b, cat: c };
        const candidates = curationCandidates(layers, { annotations: [] }, NONE);
        expect(new Set(candidates.map((x) => x.key)).size).toBe(candidates.length);
        for (const [name, l] of Object.entries(layers))
          for (const ann of l.annotations) {
            const holding = candidates.filter((x) => x.key === candidateKey(ann));
            expect(holding).toHaveLength(1);
            expect(holding[0]!.annotators).toContain(name);
          }
        for (let i = 1; i < candidates.length; i++) expect(candidates[i - 1]!.start).toBeLessThanOrEqual(candidates[i]!.start);
        for (const x of candidates) {
          if (x.state === 'agreed') expect(x.annotators).toHaveLength(3);
          if (x.state === 'only-one') expect(x.annotators).toHaveLength(1);
        }
      }),
    );
  });
});
