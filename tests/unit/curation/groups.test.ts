/** rivalGroups: competing candidates side by side, every candidate in exactly one group. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competes, curationCandidates, rivalGroups, type Candidate } from '../../../shared/curation';
import type { Annotation } from '../../../shared/model/types';
import { taggedLayers } from './build';

const quotes = (groups: readonly (readonly Candidate[])[]) => groups.map((g) => g.map((c) => `${c.label}:${c.quote}`));

describe('rivalGroups', () => {
  it('puts rival variants of one place together, and a nested span of another label on its own', () => {
    const { layers } = taggedLayers({
      ann: ['<c>"Grid fails," <s>officials</s> and staff said</c>. <q>Rain</q> soon.', { c: 'Claim', s: 'Source', q: 'Cue' }],
      bob: ['<c>"Grid fails," <s>officials and staff</s> said</c>. <q>Rain</q> soon.', { c: 'Claim', s: 'Source', q: 'Evidence' }],
    });
    expect(quotes(rivalGroups(curationCandidates(layers, { annotations: [] }, new Set())))).toEqual([
      ['Claim:"Grid fails," officials and staff said'],
      ['Source:officials and staff', 'Source:officials'],
      ['Cue:Rain', 'Evidence:Rain'],
    ]);
  });

  it('joins a chain of rivals into one group', () => {
    const { layers } = taggedLayers({
      ann: ['<a>one two</a> three four', { a: 'Claim' }],
      bob: ['one <b>two three</b> four', { b: 'Claim' }],
      cat: ['one two <c>three four</c>', { c: 'Claim' }],
    });
    expect(rivalGroups(curationCandidates(layers, { annotations: [] }, new Set())).map((g) => g.length)).toEqual([3]);
  });

  it('keeps every candidate once, in text order, and never separates two that compete', () => {
    const span = fc.record({
      label: fc.constantFrom('Claim', 'Source'),
      start: fc.integer({ min: 0, max: 40 }),
      length: fc.integer({ min: 1, max: 10 }),
    });
    const layer = (name: string) =>
      fc.array(span, { maxLength: 8 }).map((spans) => ({
        annotations: spans.map((s, i): Annotation => ({
          id: `${name}${i}`,
          label: s.label,
          start: s.start,
          end: s.start + s.length,
          quote: '',
          attributes: {},
          author: name,
          createdAt: 't',
          updatedAt: 't',
        })),
        relations: [],
      }));
    fc.assert(
      fc.property(layer('a'), layer('b'), (a, b) => {
        const candidates = curationCandidates({ ann: a, bob: b }, { annotations: [] }, new Set());
        const groups = rivalGroups(candidates);
        expect(groups.flat().sort((x, y) => candidates.indexOf(x) - candidates.indexOf(y))).toEqual(candidates);
        expect(groups.flat()).toHaveLength(candidates.length);
        const groupOf = new Map(groups.flatMap((g, i) => g.map((c) => [c.key, i] as const)));
        for (const x of candidates) for (const y of candidates) if (competes(x, y)) expect(groupOf.get(x.key)).toBe(groupOf.get(y.key));
        for (const g of groups) for (let i = 1; i < g.length; i++) expect(candidates.indexOf(g[i - 1]!)).toBeLessThan(candidates.indexOf(g[i]!));
      }),
    );
  });
});
