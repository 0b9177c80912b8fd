import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ATTRIBUTED_TO, CLAIM_LABEL, HAS_CUE, isUnsourcedClaim, relationsByEnd, unsourcedClaimIds } from '../../../shared/model/vocabulary';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import type { Annotation, DocumentData, Relation } from '../../../shared/model/types';

const span = (id: string, label: string, attributes: Annotation['attributes'] = {}): Annotation => ({
  id,
  label,
  start: 0,
  end: 1,
  quote: 'x',
  attributes,
  author: 'a',
  createdAt: 't',
  updatedAt: 't',
});
const rel = (id: string, type: string, from: string, to: string): Relation => ({ id, type, from, to, author: 'a', createdAt: 't' });
const docOf = (annotations: Annotation[], relations: Relation[]): DocumentData => ({
  id: 'abcdef',
  title: 't',
  text: 'x',
  blocks: [],
  meta: { sourcePath: 'x', sourceName: 'x', sha256: 'x', importedAt: 't', format: 'txt', byteLength: 1 },
  status: 'new',
  attributes: {},
  annotations,
  relations,
});

describe('the vocabulary', () => {
  it('names labels and relation types the default schema has', () => {
    expect(DEFAULT_SCHEMA.labels.map((l) => l.name)).toContain(CLAIM_LABEL);
    expect(DEFAULT_SCHEMA.relationTypes.map((t) => t.name)).toEqual(expect.arrayContaining([ATTRIBUTED_TO, HAS_CUE]));
  });

  it('flags a reported claim without attributed_to, not an authorial one, a linked one or another label', () => {
    const claim = span('c', CLAIM_LABEL);
    expect(isUnsourcedClaim(claim, [])).toBe(true);
    expect(isUnsourcedClaim(claim, [rel('r', HAS_CUE, 'c', 'q')])).toBe(true);
    expect(isUnsourcedClaim(claim, [rel('r', ATTRIBUTED_TO, 'c', 's')])).toBe(false);
    expect(isUnsourcedClaim(span('c', CLAIM_LABEL, { attribution: 'authorial' }), [])).toBe(false);
    expect(isUnsourcedClaim(span('s', 'Source'), [])).toBe(false);
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
    const doc = docOf([span('c1', CLAIM_LABEL), span('c2', CLAIM_LABEL), span('s', 'Source')], [rel('r', ATTRIBUTED_TO, 'c2', 's')]);
    expect([...unsourcedClaimIds(doc)]).toEqual(['c1']);
  });
});
