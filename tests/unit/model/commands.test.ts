import { describe, expect, it } from 'vitest';
import { addSpan, deleteSpan, link, setAttribute, setNote, setStatus } from '../../../shared/model/commands';
import { isUnsourcedClaim } from '../../../shared/model/vocabulary';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import { applyOperations, invertAll } from '../../../shared/model/operations';
import { makeDoc, tagsOf } from '../support/make-doc';

// The claim and the source the commands tag, tagged as positions only: the document starts bare.
const TAGGED = '"<c>I don\'t see any splintering</c>," <s>Hill</s> said.';
const { tags } = tagsOf(TAGGED);
const empty = makeDoc(TAGGED);
let n = 0;
const stamp = { author: 'ann', now: '2026-11-27T10:00:00.000Z', newId: () => `id${++n}` };
const must = <T>(x: T | string | null): T => {
  if (x === null || typeof x === 'string') throw new Error(`expected a change, got ${x}`);
  return x;
};

describe('commands', () => {
  const withClaim = applyOperations(empty, must(addSpan(empty, DEFAULT_SCHEMA, 'Claim', tags.c!.start, tags.c!.end, stamp)));
  const claimId = withClaim.annotations[0]!.id;
  const withBoth = applyOperations(withClaim, must(addSpan(withClaim, DEFAULT_SCHEMA, 'Source', tags.s!.start, tags.s!.end, stamp)));
  const sourceId = withBoth.annotations[1]!.id;

  it('adds a span with its quote, author, times and the label defaults', () => {
    expect(withClaim.annotations[0]).toMatchObject({ label: 'Claim', quote: "I don't see any splintering", author: 'ann', createdAt: stamp.now });
    expect(withClaim.annotations[0]!.attributes).toMatchObject({
      checkworthy: 'unset',
      claim_type: 'factual',
      attribution: 'attributed',
      factcheck_url: null,
    });
    expect(addSpan(empty, DEFAULT_SCHEMA, 'Rumour', 1, 5, stamp)).toMatch(/no label/);
    expect(addSpan(empty, DEFAULT_SCHEMA, 'Claim', 5, 5, stamp)).toMatch(/Select/);
  });

  it('links a claim to its source with attributed_to, and refuses links the schema does not allow', () => {
    const linked = applyOperations(withBoth, must(link(withBoth, DEFAULT_SCHEMA, claimId, sourceId, stamp)));
    expect(linked.relations[0]).toMatchObject({ type: 'attributed_to', from: claimId, to: sourceId });
    expect(link(linked, DEFAULT_SCHEMA, claimId, sourceId, stamp)).toMatch(/already linked/);
    expect(link(withBoth, DEFAULT_SCHEMA, sourceId, claimId, stamp)).toMatch(/no link from Source to Claim/);
    expect(isUnsourcedClaim(withBoth.annotations[0]!, withBoth.relations)).toBe(true);
    expect(isUnsourcedClaim(linked.annotations[0]!, linked.relations)).toBe(false);
  });

  it('deletes a span with its links, and undo brings both back', () => {
    const linked = applyOperations(withBoth, must(link(withBoth, DEFAULT_SCHEMA, claimId, sourceId, stamp)));
    const change = must(deleteSpan(linked, sourceId));
    const deleted = applyOperations(linked, change);
    expect(deleted.annotations.map((a) => a.id)).toEqual([claimId]);
    expect(deleted.relations).toEqual([]);
    const restored = applyOperations(deleted, invertAll(change));
    expect([...restored.annotations].sort((a, b) => a.start - b.start)).toEqual(linked.annotations);
    expect(restored.relations).toEqual(linked.relations);
  });

  it('edits attributes, notes and status, each undoable, and ignores no-op edits', () => {
    for (const change of [
      must(setAttribute(withBoth, claimId, 'checkworthy', 'yes', 't1')),
      must(setNote(withBoth, sourceId, 'US envoy Christopher Hill', 't1')),
      must(setStatus(withBoth, 'done')),
    ]) {
      const after = applyOperations(withBoth, change);
      expect(after).not.toEqual(withBoth);
      expect(applyOperations(after, invertAll(change))).toEqual(withBoth);
    }
    expect(setAttribute(withBoth, claimId, 'checkworthy', 'unset', 't1')).toBeNull();
    expect(setStatus(withBoth, 'new')).toBeNull();
  });
});
