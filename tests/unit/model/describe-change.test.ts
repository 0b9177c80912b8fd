import { describe, expect, it } from 'vitest';
import { addSpan, deleteSpan, link, setAttribute, setNote, setStatus, relabel } from '../../../shared/model/commands';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import { describeChange } from '../../../shared/model/describe-change';
import { invertAll, type Operation } from '../../../shared/model/operations';
import { makeDoc } from '../support/make-doc';

const stamp = { author: 'ann', now: 'now', newId: () => 'new' };
const must = (x: Operation[] | string | null): Operation[] => {
  if (x === null || typeof x === 'string') throw new Error(`expected a change, got ${x}`);
  return x;
};

describe('describeChange', () => {
  const doc = makeDoc(
    '"<c>I don\'t see any splintering at all today</c>," <s>Hill</s> said.',
    { c: 'Claim', s: 'Source' },
    { links: [['c', 'attributed_to', 's']] },
  );

  it('names each kind of change an analyst makes, quoting a cut excerpt of the span', () => {
    const tagged = must(addSpan(doc, DEFAULT_SCHEMA, 'Claim', 1, 28, stamp));
    // The 27-character quote is cut short, with an ellipsis.
    expect(describeChange(tagged)).toMatch(/^tag Claim “I don't see any \w+…”$/);
    expect(describeChange(must(setAttribute(doc, 'c', 'quote_form', 'direct', 'now')))).toBe('set quote_form');
    expect(describeChange(must(setNote(doc, 'c', 'check this', 'now')))).toBe('edit note');
    expect(describeChange(must(relabel(doc, DEFAULT_SCHEMA, 's', 'Entity', 'now')?.ops ?? null))).toBe('relabel as Entity, removing a link');
    expect(describeChange(must(setStatus(doc, 'done')))).toBe('set status done');
  });

  it('names a deletion by its annotation, with the links it took along', () => {
    expect(describeChange(must(deleteSpan(doc, 's')))).toBe('delete Source “Hill” and its link');
  });

  it('names a link by its type; the inverse of a change is described as that other change', () => {
    const bare = makeDoc('"<c>We agree</c>," <s>Hill</s> said.', { c: 'Claim', s: 'Source' });
    const linked = must(link(bare, DEFAULT_SCHEMA, 'c', 's', stamp));
    expect(describeChange(linked)).toBe('link attributed_to');
    expect(describeChange(invertAll(linked))).toBe('unlink attributed_to');
    expect(describeChange(invertAll(must(deleteSpan(doc, 's'))))).toBe('tag Source “Hill” and its link');
  });

  it('counts several annotations, and says nothing for an empty change', () => {
    const two = [...must(addSpan(doc, DEFAULT_SCHEMA, 'Claim', 1, 5, stamp)), ...must(addSpan(doc, DEFAULT_SCHEMA, 'Source', 1, 5, stamp))];
    expect(describeChange(two)).toBe('tag 2 annotations');
    expect(describeChange([])).toBe('');
  });
});
