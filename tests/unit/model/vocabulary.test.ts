import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ATTRIBUTED_TO, CLAIM_LABEL, HAS_CUE, isUnsourcedClaim, relationsByEnd, unsourcedClaimIds } from '../../../shared/model/vocabulary';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import type { Relation } from '../../../shared/model/types';
import { annotationOf, makeDoc } from '../support/make-doc';

const rel = (id: string, type: string, from: string, to: string): Relation => ({ id, type, from, to, author: 'a', createdAt: 't' });
// A reported claim, an authorial one and a source, tagged in the text.
const doc = makeDoc('<c>Reported</c>, <own>authorial</own>, <s>source</s>.', {
  c: CLAIM_LABEL,
  own: { label: CLAIM_LABEL, attributes: { attribution: 'authorial' } },
  s: 'Source',
});

describe('the vocabulary', () => {
  it('names labels and relation types the default schema has', () => {
    expect(DEFAULT_SCHEMA.labels.map((l) => l.name)).toContain(CLAIM_LABEL);
    expect(DEFAULT_SCHEMA.relationTypes.map((t) => t.name)).toEqual(expect.arrayContaining([ATTRIBUTED_TO, HAS_CUE]));
  });

  it('flags a reported claim without attributed_to, not an authorial one, a linked one or another label', () => {
    const claim = annotationOf(doc, 'c');
    expect(isUnsourcedClaim(claim, [])).toBe(true);
    expect(isUnsourcedClaim(claim, [rel('r', HAS_CUE, 'c', 'q')])).toBe(true);
    expect(isUnsourcedClaim(claim, [rel('r', ATTRIBUTED_TO, 'c', 's')])).toBe(false);
    expect(isUnsourcedClaim(annotationOf(doc, 'own'), [])).toBe(false);
    expect(isUnsourcedClaim(annotationOf(doc, 's'), [])).toBe(false);
    // A link that reaches the claim is not its source.
    expect(isUnsourcedClaim(claim, [rel('r', ATTRIBUTED_TO, 'x', 'c')])).toBe(true);
  });

  it('indexes relations by both ends: every relation is found from its start and from its end, and nothing else is', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(fc.array(fc.tuple(ids, ids), { maxLength: 20 }), (pairs) => {
        const relations = pairs.map(([from, to], i) => rel(`r${i}`, ATTRIBUTED_TO, from, to));
        const byEnd = relationsByEnd(relations);
        for (const id of ['a', 'b', 'c', 'd', 'e']) {
          expect(byEnd.from(id)).toEqual(relations.filter((r) => r.from === id));
          expect(byEnd.to(id)).toEqual(relations.filter((r) => r.to === id));
        }
      }),
    );
  });

  it('finds the unsourced claims of a document in one pass, as asking each claim would', () => {
    const doc = makeDoc(
      '<c1>One</c1>, <c2>two</c2>, <s>source</s>.',
      { c1: CLAIM_LABEL, c2: CLAIM_LABEL, s: 'Source' },
      { links: [['c2', ATTRIBUTED_TO, 's']] },
    );
    expect([...unsourcedClaimIds(doc)]).toEqual(['c1']);
  });
});
