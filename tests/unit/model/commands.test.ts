import { describe, expect, it } from 'vitest';
import { addSpan, deleteSpan, link, relabel, setAttribute, setDocumentAttribute, setNote, setStatus } from '../../../shared/model/commands';
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

  it('adds a span with its quote, author and times, and no attribute values: nobody chose them', () => {
    expect(withClaim.annotations[0]).toMatchObject({ label: 'Claim', quote: "I don't see any splintering", author: 'ann', createdAt: stamp.now });
    expect(withClaim.annotations[0]!.attributes).toEqual({});
    expect(withBoth.annotations[1]!.attributes).toEqual({});
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
    expect(setStatus(withBoth, 'done')).not.toBeNull();
  });

  it('moves a new document to in progress with its first annotation, in the same change (one undo reverts both)', () => {
    expect(empty.status).toBe('new');
    const change = must(addSpan(empty, DEFAULT_SCHEMA, 'Claim', tags.c!.start, tags.c!.end, stamp));
    const tagged = applyOperations(empty, change);
    expect(tagged.status).toBe('in_progress');
    expect(applyOperations(tagged, invertAll(change))).toEqual(empty);
    // Later annotations, or a status the analyst set, are left alone.
    const second = must(addSpan(tagged, DEFAULT_SCHEMA, 'Source', tags.s!.start, tags.s!.end, stamp));
    expect(second.map((op) => op.op)).toEqual(['addAnnotation']);
    const done = applyOperations(tagged, must(setStatus(tagged, 'done')));
    expect(applyOperations(done, must(addSpan(done, DEFAULT_SCHEMA, 'Source', tags.s!.start, tags.s!.end, stamp))).status).toBe('done');
  });

  it('stores nothing for an unset value: null or the legacy "unset" removes the attribute; a stored "unset" reads as unset', () => {
    const set = applyOperations(withBoth, must(setAttribute(withBoth, claimId, 'checkworthy', 'yes', 't1')));
    for (const unset of [null, 'unset'] as const) {
      const cleared = applyOperations(set, must(setAttribute(set, claimId, 'checkworthy', unset, 't2')));
      expect(Object.hasOwn(cleared.annotations[0]!.attributes, 'checkworthy')).toBe(false);
    }
    const legacy = makeDoc(TAGGED, { c: { label: 'Claim', attributes: { checkworthy: 'unset' } } });
    expect(setAttribute(legacy, 'c', 'checkworthy', null, 't1')).toBeNull();
    const chosen = applyOperations(legacy, must(setAttribute(legacy, 'c', 'checkworthy', 'no', 't1')));
    expect(chosen.annotations[0]!.attributes).toEqual({ checkworthy: 'no' });
    const docSet = applyOperations(withBoth, must(setDocumentAttribute(withBoth, 'reliability', 'high')));
    expect(setDocumentAttribute(withBoth, 'reliability', 'unset')).toBeNull();
    expect(applyOperations(docSet, must(setDocumentAttribute(docSet, 'reliability', 'unset'))).attributes).toEqual({});
  });
});

describe('relabel', () => {
  const doc = makeDoc(
    '"<c>I don\'t see any splintering</c>," <s>Hill</s> <q>said</q>.',
    { c: { label: 'Claim', attributes: { claim_type: 'opinion', checkworthy: 'yes', veracity: null } }, s: 'Source', q: 'Cue' },
    {
      links: [
        ['c', 'attributed_to', 's'],
        ['c', 'has_cue', 'q'],
      ],
    },
  );

  it('removes the links the new label may not have and drops the attributes it does not define, and says so', () => {
    const change = relabel(doc, DEFAULT_SCHEMA, 'c', 'Source', 't1')!;
    const after = applyOperations(doc, change.ops);
    expect(after.annotations.find((a) => a.id === 'c')).toMatchObject({ label: 'Source', attributes: {} });
    expect(after.relations).toEqual([]);
    expect(change.message).toBe(
      'Changed to Source; removed 2 links (attributed_to, has_cue) the schema does not allow for Source and dropped 2 attributes Source does not have (claim_type, checkworthy). Undo restores them.',
    );
  });

  it('is undone in one step: label, links and attributes come back', () => {
    const change = relabel(doc, DEFAULT_SCHEMA, 'c', 'Evidence', 't1')!;
    const after = applyOperations(doc, change.ops);
    const undone = applyOperations(after, invertAll(change.ops));
    expect(undone.annotations).toEqual(doc.annotations);
    expect([...undone.relations].sort((x, y) => x.id.localeCompare(y.id))).toEqual(doc.relations);
  });

  it('keeps the links and attributes the new label allows, and says nothing when nothing goes', () => {
    const source = makeDoc(
      '<s>Hill</s> and <e>he</e>',
      { s: { label: 'Source', attributes: { kind: 'person' } }, e: 'Entity' },
      { links: [['s', 'coref', 'e']] },
    );
    const change = relabel(source, DEFAULT_SCHEMA, 'e', 'Source', 't1')!;
    expect(change.message).toBeNull();
    expect(change.ops).toEqual([
      { op: 'updateAnnotation', id: 'e', before: { label: 'Entity', updatedAt: 't0' }, after: { label: 'Source', updatedAt: 't1' } },
    ]);
    expect(applyOperations(source, change.ops).relations).toEqual(source.relations);
    const linked = relabel(doc, DEFAULT_SCHEMA, 's', 'Entity', 't1')!;
    expect(linked.message).toBe('Changed to Entity; removed 1 link (attributed_to) the schema does not allow for Entity. Undo restores it.');
    expect(relabel(doc, DEFAULT_SCHEMA, 'c', 'Claim', 't1')).toBeNull();
    expect(relabel(doc, DEFAULT_SCHEMA, 'c', 'Rumour', 't1')).toBeNull();
  });
});
