/** acceptOps, acceptAllOps and autoAccept: what accepting adds to the curated layer, links included, and what each policy accepts. */
import { describe, expect, it } from 'vitest';
import { acceptAllOps, acceptOps, autoAccept, curationCandidates, type Candidate, type LayerContent } from '../../../shared/curation';
import { applyOperations, invertAll } from '../../../shared/model/operations';
import type { DocumentData } from '../../../shared/model/types';
import { countingStamp, taggedLayers } from './build';

const NONE = new Set<string>();

// ann and bob agree on the claim (with its attribute) and on its link to "Hill"; only bob tags the cue.
const { layers, article } = taggedLayers({
  ann: [
    '"<c>Grid fails</c>," <s>Hill</s> said, <e>citing data</e>.',
    { c: { label: 'Claim', attributes: { claim_type: 'prediction' } }, s: 'Source', e: 'Evidence' },
    [['c', 'attributed_to', 's']],
  ],
  bob: [
    '"<c>Grid fails</c>," <s>Hill</s> <q>said</q>, citing data.',
    { c: { label: 'Claim', attributes: { claim_type: 'prediction' } }, s: 'Source', q: 'Cue' },
    [['c', 'attributed_to', 's']],
  ],
});

/** The curated document after applying `ops` (applyOperations checks every span against the text). */
const curatedAfter = (doc: DocumentData, ops: Parameters<typeof applyOperations>[1]) => applyOperations(doc, ops);
const candidatesOf = (curated: LayerContent) => curationCandidates(layers, curated, NONE);
const find = (candidates: readonly Candidate[], quote: string) => candidates.find((c) => c.quote === quote)!;

describe('acceptOps', () => {
  it('adds the candidate with an id derived from it, its label, bounds, quote and attributes, the curator as author', () => {
    const claim = find(candidatesOf(article), 'Grid fails');
    const ops = acceptOps(claim, article, countingStamp('cur'));
    const id = (ops[0] as { annotation: { id: string } }).annotation.id;
    expect(id).toMatch(/^c-[0-9a-f]{16}$/);
    // Two curators (or one on two machines) accepting the same candidate add the same annotation, which a merge by id keeps once.
    expect(acceptOps(claim, article, countingStamp('other'))[0]).toMatchObject({ annotation: { id } });
    expect(ops).toEqual([
      {
        op: 'addAnnotation',
        annotation: {
          id,
          label: 'Claim',
          start: claim.start,
          end: claim.end,
          quote: 'Grid fails',
          attributes: { claim_type: 'prediction' },
          author: 'cur',
          createdAt: '2026-02-01T00:00:00Z',
          updatedAt: '2026-02-01T00:00:00Z',
        },
      },
    ]);
    const doc = curatedAfter(article, ops);
    expect(find(candidatesOf(doc), 'Grid fails')).toMatchObject({ state: 'accepted', curatedId: id });
  });

  it('links to an end already accepted, whichever end is accepted second', () => {
    for (const order of [
      ['Hill', 'Grid fails'],
      ['Grid fails', 'Hill'],
    ]) {
      const stamp = countingStamp();
      const first = curatedAfter(article, acceptOps(find(candidatesOf(article), order[0]!), article, stamp));
      const ops = acceptOps(find(candidatesOf(first), order[1]!), first, stamp);
      const doc = curatedAfter(first, ops);
      const claimId = doc.annotations.find((a) => a.label === 'Claim')!.id;
      const sourceId = doc.annotations.find((a) => a.label === 'Source')!.id;
      expect(doc.relations).toEqual([
        {
          id: expect.stringMatching(/^r-[0-9a-f]{16}$/),
          type: 'attributed_to',
          from: claimId,
          to: sourceId,
          author: 'cur',
          createdAt: '2026-02-01T00:00:00Z',
        },
      ]);
    }
  });

  it('takes a fresh id when the derived one is taken (an accepted span the curator edited, accepted again)', () => {
    const claim = find(candidatesOf(article), 'Grid fails');
    const stamp = countingStamp('cur');
    const accepted = curatedAfter(article, acceptOps(claim, article, stamp));
    const id = accepted.annotations[0]!.id;
    const edited = curatedAfter(accepted, [{ op: 'updateAnnotation', id, before: { label: 'Claim' }, after: { label: 'Evidence' } }]);
    const again = acceptOps(find(candidatesOf(edited), 'Grid fails'), edited, stamp);
    expect(again[0]).toMatchObject({ op: 'addAnnotation', annotation: { label: 'Claim' } });
    expect((again[0] as { annotation: { id: string } }).annotation.id).not.toBe(id);
    expect(curatedAfter(edited, again).annotations).toHaveLength(2);
  });

  it('adds nothing for a candidate the curated layer holds already, and no relation it has already', () => {
    const stamp = countingStamp();
    const both = curatedAfter(article, acceptAllOps(candidatesOf(article).slice(0, 2), article, stamp));
    expect(both.relations).toHaveLength(1);
    expect(acceptOps(find(candidatesOf(both), 'Grid fails'), both, stamp)).toEqual([]);
  });

  it('is undone by its inverse', () => {
    const stamp = countingStamp();
    const first = curatedAfter(article, acceptOps(find(candidatesOf(article), 'Hill'), article, stamp));
    const ops = acceptOps(find(candidatesOf(first), 'Grid fails'), first, stamp);
    expect(curatedAfter(curatedAfter(first, ops), invertAll(ops))).toEqual(first);
  });
});

describe('acceptAllOps', () => {
  it('accepts in turn, so links between the accepted ones are made too', () => {
    const doc = curatedAfter(article, acceptAllOps(candidatesOf(article), article, countingStamp()));
    expect(doc.annotations.map((a) => a.quote).sort()).toEqual(['Grid fails', 'Hill', 'citing data', 'said']);
    expect(doc.relations).toHaveLength(1);
    expect(candidatesOf(doc).every((c) => c.state === 'accepted')).toBe(true);
  });
});

describe('autoAccept', () => {
  const three = taggedLayers({
    ann: ['<a>One</a> <b>two</b> <c>three</c>.', { a: 'Claim', b: 'Claim', c: 'Claim' }],
    bob: ['<a>One</a> <b>two</b> three.', { a: 'Claim', b: 'Claim' }],
    cat: ['<a>One</a> two three.', { a: 'Claim' }],
  }).layers;
  const quotes = (candidates: readonly Candidate[]) => candidates.map((c) => c.quote);

  it('accepts what all made under "all", what more than half made under "majority", nothing under "none"', () => {
    const candidates = curationCandidates(three, { annotations: [] }, NONE);
    expect(quotes(autoAccept(candidates, 'all', 3))).toEqual(['One']);
    expect(quotes(autoAccept(candidates, 'majority', 3))).toEqual(['One', 'two']);
    expect(autoAccept(candidates, 'none', 3)).toEqual([]);
  });

  it('leaves out candidates already accepted or rejected', () => {
    const first = curationCandidates(three, { annotations: [] }, NONE);
    const candidates = curationCandidates(three, { annotations: [] }, new Set([first[0]!.key]));
    expect(quotes(autoAccept(candidates, 'majority', 3))).toEqual(['two']);
  });

  it('needs a strict majority: one of two is not one', () => {
    const candidates = candidatesOf(article);
    expect(quotes(autoAccept(candidates, 'majority', 2))).toEqual(quotes(autoAccept(candidates, 'all', 2)));
  });
});
