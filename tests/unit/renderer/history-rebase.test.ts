/**
 * Rebasing an attribute change onto attributes another window changed meanwhile
 * (shared/model/attribute-patch.ts patchAttributes, which history-rebase.ts uses; pure): only the keys this window changed are
 * taken from its change; every other key keeps the value stored now.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patchAttributes } from '../../../shared/model/attribute-patch';
import type { Attributes } from '../../../shared/model/types';

const attributes = fc.dictionary(fc.constantFrom('checkworthy', 'claim_type', 'verifiable', 'stance'), fc.constantFrom('yes', 'no', 'other'));

describe("patchAttributes (rebasing a window's unsaved attribute change)", () => {
  it('sets the keys this window set, removes the keys it removed, and keeps the other window’s keys', () => {
    const current: Attributes = { claim_type: 'statistical', checkworthy: 'no', verifiable: 'yes' };
    const before: Attributes = { checkworthy: 'no', verifiable: 'yes' };
    const after: Attributes = { checkworthy: 'yes' };
    expect(patchAttributes(current, before, after)).toEqual({ claim_type: 'statistical', checkworthy: 'yes' });
  });

  it('is the change itself when nothing else changed the attributes', () => {
    fc.assert(
      fc.property(attributes, attributes, (before, after) => {
        expect(patchAttributes(before, before, after)).toEqual(after);
      }),
    );
  });

  it('leaves every key this window did not change as it is now, and gives every key it changed its value', () => {
    fc.assert(
      fc.property(attributes, attributes, attributes, (current, before, after) => {
        const result = patchAttributes(current, before, after);
        for (const key of new Set([...Object.keys(current), ...Object.keys(before), ...Object.keys(after)]))
          expect(result[key]).toBe(before[key] === after[key] ? current[key] : after[key]);
      }),
    );
  });

  it('does not change its inputs', () => {
    const current: Attributes = { claim_type: 'statistical' };
    patchAttributes(current, {}, { checkworthy: 'yes' });
    expect(current).toEqual({ claim_type: 'statistical' });
  });
});
