/** adjacentUndecided: Tab and Shift+Tab through the candidates still undecided. */
import { describe, expect, it } from 'vitest';
import { adjacentUndecided, curationCandidates } from '../../../shared/curation';
import { taggedLayers } from './build';

// In text order: one (agreed), two (ann only), three (agreed, rejected below), four (bob only).
const { layers } = taggedLayers({
  ann: ['<a>One</a> <b>two</b> <c>three</c> four.', { a: 'Claim', b: 'Claim', c: 'Source' }],
  bob: ['<a>One</a> two <c>three</c> <d>four</d>.', { a: 'Claim', c: 'Source', d: 'Claim' }],
});
const plain = curationCandidates(layers, { annotations: [] }, new Set());
const candidates = curationCandidates(layers, { annotations: [] }, new Set([plain[2]!.key]));
const keyOf = (quote: string) => candidates.find((c) => c.quote === quote)!.key;

describe('adjacentUndecided', () => {
  it('moves forward and back over decided candidates', () => {
    expect(adjacentUndecided(candidates, keyOf('two'), 1)?.quote).toBe('four');
    expect(adjacentUndecided(candidates, keyOf('four'), -1)?.quote).toBe('two');
    expect(adjacentUndecided(candidates, keyOf('three'), -1)?.quote).toBe('two');
  });

  it('starts at either end without a current candidate', () => {
    expect(adjacentUndecided(candidates, null, 1)?.quote).toBe('One');
    expect(adjacentUndecided(candidates, null, -1)?.quote).toBe('four');
    expect(adjacentUndecided(candidates, 'no such key', 1)?.quote).toBe('One');
  });

  it('is null past either end', () => {
    expect(adjacentUndecided(candidates, keyOf('four'), 1)).toBeNull();
    expect(adjacentUndecided(candidates, keyOf('One'), -1)).toBeNull();
  });
});
