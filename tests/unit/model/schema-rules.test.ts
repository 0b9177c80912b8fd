import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import { choiceValues, findLabel, isUnset, missingRequired, suggestedValue, withAttribute, withoutUnset } from '../../../shared/model/schema-rules';
import type { LabelDef } from '../../../shared/model/types';
import { makeDoc } from '../support/make-doc';

/** Claim of the default schema with checkworthy and claim_type required. */
const CLAIM: LabelDef = {
  ...findLabel(DEFAULT_SCHEMA, 'Claim')!,
  attributes: findLabel(DEFAULT_SCHEMA, 'Claim')!.attributes.map((a) =>
    a.name === 'checkworthy' || a.name === 'claim_type' ? { ...a, required: true } : a,
  ),
};

describe('unset values', () => {
  it('reads absence, null, empty text, an empty list and the legacy "unset" as unset, and nothing else', () => {
    for (const v of [undefined, null, '', 'unset', []]) expect(isUnset(v)).toBe(true);
    for (const v of [' ', 'no', 'Unset', false, 0, ['a'], ['unset']]) expect(isUnset(v)).toBe(false);
  });

  it('drops every unset value from attributes, and leaves attributes without one as they are', () => {
    expect(withoutUnset({ a: 'unset', b: [], c: '', d: null, e: 'x', f: false })).toEqual({ e: 'x', f: false });
    const clean = { e: 'x' };
    expect(withoutUnset(clean)).toBe(clean);
  });

  it('stores nothing for an unset value, and offers no "unset" choice beside unset itself', () => {
    expect(withAttribute({ a: 'x', b: 'y' }, 'a', null)).toEqual({ b: 'y' });
    expect(withAttribute({ b: 'y' }, 'a', 'unset')).toEqual({ b: 'y' });
    expect(withAttribute({}, 'a', 'x')).toEqual({ a: 'x' });
    expect(choiceValues({ name: 'checkworthy', kind: 'choice', values: ['unset', 'yes', 'no'] })).toEqual(['yes', 'no']);
    expect(suggestedValue({ name: 'checkworthy', kind: 'choice', values: ['unset', 'yes'], default: 'unset' })).toBeNull();
    expect(suggestedValue({ name: 'claim_type', kind: 'choice', values: ['factual'], default: 'factual' })).toBe('factual');
  });
});

describe('missingRequired', () => {
  it('names the required attributes an annotation leaves unset, in schema order, until they are set', () => {
    const doc = makeDoc('<a>one</a> <b>two</b> <c>three</c>', {
      a: 'Claim',
      b: { label: 'Claim', attributes: { claim_type: 'opinion', checkworthy: 'unset' } },
      c: { label: 'Claim', attributes: { claim_type: 'opinion', checkworthy: 'no' } },
    });
    const [a, b, c] = doc.annotations;
    expect(missingRequired(a!, CLAIM)).toEqual(['checkworthy', 'claim_type']);
    expect(missingRequired(b!, CLAIM)).toEqual(['checkworthy']);
    expect(missingRequired(c!, CLAIM)).toEqual([]);
    expect(missingRequired(a!, findLabel(DEFAULT_SCHEMA, 'Claim'))).toEqual([]);
    expect(missingRequired(a!, undefined)).toEqual([]);
  });
});
