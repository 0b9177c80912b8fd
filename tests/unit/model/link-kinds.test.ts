import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import { firstLinkable, linkCandidates, linkEnds, linkKindsFor, linkOfferAfterTag, linkOfferQuestion } from '../../../shared/model/link-kinds';
import type { DocumentData } from '../../../shared/model/types';
import { makeDoc } from '../support/make-doc';

const byId = (doc: DocumentData, id: string) => doc.annotations.find((a) => a.id === id)!;

describe('link kinds: linking from either end', () => {
  it('lists each relation type an annotation can take part in, from its start first, in schema order; a symmetric type once', () => {
    expect(linkKindsFor(DEFAULT_SCHEMA, 'Claim')).toEqual([
      { type: 'attributed_to', reverse: false },
      { type: 'has_cue', reverse: false },
      { type: 'supports', reverse: true },
      { type: 'refutes', reverse: true },
    ]);
    expect(linkKindsFor(DEFAULT_SCHEMA, 'Source')).toEqual([
      { type: 'attributed_to', reverse: true },
      { type: 'coref', reverse: false },
    ]);
    expect(linkKindsFor(DEFAULT_SCHEMA, 'Nope')).toEqual([]);
  });

  it('from a Source, the candidates are the claims not yet attributed to it, and the link is stored Claim → Source', () => {
    const doc = makeDoc(
      '"<c1>I don\'t see any splintering</c1>," <s>Hill</s> said. "<c2>We are united</c2>," he added. <c3>Japan agreed</c3>.',
      { c1: 'Claim', s: 'Source', c2: 'Claim', c3: 'Claim' },
      { links: [['c3', 'attributed_to', 's']] },
    );
    const found = firstLinkable(doc, DEFAULT_SCHEMA, byId(doc, 's'));
    expect(found?.kind).toEqual({ type: 'attributed_to', reverse: true });
    expect([...found!.candidates].sort()).toEqual(['c1', 'c2']);
    expect(linkEnds(found!.kind, 's', 'c1')).toEqual({ from: 'c1', to: 's' });
    // From the claim's end, the source is the candidate while it is not linked yet.
    expect([...linkCandidates(doc, DEFAULT_SCHEMA, byId(doc, 'c1'), { type: 'attributed_to', reverse: false })]).toEqual(['s']);
    expect([...linkCandidates(doc, DEFAULT_SCHEMA, byId(doc, 'c3'), { type: 'attributed_to', reverse: false })]).toEqual([]);
  });

  it('finds nothing to link when no annotation can be joined either way', () => {
    const doc = makeDoc('<s>Hill</s> said <q>it</q>.', { s: 'Source', q: 'Evidence' });
    expect(firstLinkable(doc, DEFAULT_SCHEMA, byId(doc, 's'))).toBeNull();
  });
});

describe('the link offered after tagging', () => {
  const doc = makeDoc(
    '"<c>I don\'t see any splintering. On the contrary, I see a clear message</c>," <s>Hill</s> said in Tokyo. <far>Others</far> agreed.',
    { c: 'Claim', s: 'Source', far: 'Source' },
  );

  it('offers Claim → Source attributed_to whichever was tagged first, across a sentence end inside the claim', () => {
    for (const [previous, added] of [
      ['c', 's'],
      ['s', 'c'],
    ] as const) {
      const offer = linkOfferAfterTag(doc, DEFAULT_SCHEMA, byId(doc, previous), byId(doc, added));
      expect(offer && { from: offer.from.id, to: offer.to.id, type: offer.type, types: offer.types }).toEqual({
        from: 'c',
        to: 's',
        type: 'attributed_to',
        types: ['attributed_to'],
      });
    }
  });

  it('offers nothing for a source in another sentence, a pair the schema does not join, or a pair linked already', () => {
    expect(linkOfferAfterTag(doc, DEFAULT_SCHEMA, byId(doc, 'c'), byId(doc, 'far'))).toBeNull();
    const linked = makeDoc('"<c>We agree</c>," <s>Hill</s> said.', { c: 'Claim', s: 'Source' }, { links: [['c', 'attributed_to', 's']] });
    expect(linkOfferAfterTag(linked, DEFAULT_SCHEMA, byId(linked, 'c'), byId(linked, 's'))).toBeNull();
    const evidence = makeDoc('<e>Data</e> and <s>Hill</s> said.', { e: 'Evidence', s: 'Source' });
    expect(linkOfferAfterTag(evidence, DEFAULT_SCHEMA, byId(evidence, 'e'), byId(evidence, 's'))).toBeNull();
  });

  it('chooses the first of several allowed types and lists them all', () => {
    const doc2 = makeDoc('<e>Data</e> show <c>prices rose</c>.', { e: 'Evidence', c: 'Claim' });
    const offer = linkOfferAfterTag(doc2, DEFAULT_SCHEMA, byId(doc2, 'c'), byId(doc2, 'e'));
    expect(offer && [offer.from.id, offer.to.id, offer.type, offer.types]).toEqual(['e', 'c', 'supports', ['supports', 'refutes']]);
  });
});

describe('linkOfferQuestion', () => {
  it('names both ends with their labels and the type, says how to answer, and names the other types when it chose one', () => {
    const doc = makeDoc('<e>Data</e> show "<c>I don\'t see any splintering at all</c>," <s>Hill</s> said.', {
      e: 'Evidence',
      c: 'Claim',
      s: 'Source',
    });
    const attributed = linkOfferAfterTag(doc, DEFAULT_SCHEMA, byId(doc, 'c'), byId(doc, 's'))!;
    expect(linkOfferQuestion(attributed)).toMatch(/^Link Claim “I don't see any \w+…” → attributed_to → Source “Hill”\? Enter links, Esc dismisses$/);
    const supports = linkOfferAfterTag(doc, DEFAULT_SCHEMA, byId(doc, 'e'), byId(doc, 'c'))!;
    expect(linkOfferQuestion(supports)).toContain('→ supports → Claim');
    expect(linkOfferQuestion(supports)).toContain('(the first of supports, refutes)');
  });
});
