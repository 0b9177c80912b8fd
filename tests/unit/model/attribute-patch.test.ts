/**
 * Attribute updates apply key by key (shared/model/attribute-patch.ts, used by applyOperations):
 * two windows' edits of different attributes of one annotation, each recorded against the
 * attributes that window saw, both stand; an unset key is removed; a replayed batch stays a no-op.
 */
import { describe, expect, it } from 'vitest';
import { patchAttributes } from '../../../shared/model/attribute-patch';
import { setAttribute, setDocumentAttribute } from '../../../shared/model/commands';
import { applyOperations, type Operation } from '../../../shared/model/operations';
import { makeDoc } from '../support/make-doc';

const must = (ops: Operation[] | null): Operation[] => {
  if (!ops) throw new Error('no change');
  return ops;
};

describe('patchAttributes', () => {
  it('changes only the keys the change changed, keeps the order, and removes a key set back to unset', () => {
    expect(patchAttributes({ a: 'x', b: 'y', c: 'z' }, { a: 'x', b: 'y' }, { a: 'x', b: 'w', d: 'new' })).toEqual({
      a: 'x',
      b: 'w',
      c: 'z',
      d: 'new',
    });
    expect(Object.keys(patchAttributes({ a: 1, b: 2 }, { a: 1 }, { a: 3 }))).toEqual(['a', 'b']);
    expect(patchAttributes({ a: 'x', b: 'y' }, { a: 'x' }, {})).toEqual({ b: 'y' });
  });

  it('keeps an attribute named like an Object.prototype member as data', () => {
    const out = patchAttributes({}, {}, { ['__proto__']: 'yes' });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__']);
  });
});

describe('applyOperations with attribute updates made in two windows', () => {
  const doc = makeDoc('"<c>Taxes will fall</c>," the mayor said.', { c: 'Claim' });

  it('keeps both windows’ attributes: each update changes only its own key', () => {
    // Both windows start from the same version and set different attributes of one claim.
    const fromA = must(setAttribute(doc, 'c', 'claim_type', 'prediction', 'now'));
    const fromB = must(setAttribute(doc, 'c', 'quote_form', 'direct', 'now'));
    const stored = applyOperations(applyOperations(doc, fromA), fromB);
    expect(stored.annotations[0]!.attributes).toEqual({ claim_type: 'prediction', quote_form: 'direct' });
  });

  it('applies an unset from one window without undoing the other’s value, and a replay changes nothing', () => {
    const start = applyOperations(doc, must(setAttribute(doc, 'c', 'claim_type', 'opinion', 'now')));
    const unset = must(setAttribute(start, 'c', 'claim_type', null, 'now'));
    const other = must(setAttribute(start, 'c', 'veracity', 'false', 'now'));
    const stored = applyOperations(applyOperations(start, other), unset);
    expect(stored.annotations[0]!.attributes).toEqual({ veracity: 'false' });
    expect(applyOperations(stored, unset)).toEqual(stored);
  });

  it('does the same for document attributes', () => {
    const fromA = setDocumentAttribute(doc, 'topic', 'economy');
    const fromB = setDocumentAttribute(doc, 'reliability', 'high');
    const stored = applyOperations(applyOperations(doc, must(fromA)), must(fromB));
    expect(stored.attributes).toEqual({ topic: 'economy', reliability: 'high' });
  });
});
