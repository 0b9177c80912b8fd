import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOperation, applyOperations, invertAll, OperationError, type Operation } from '../../../shared/model/operations';
import type { Annotation, DocumentData, Relation } from '../../../shared/model/types';

const TEXT = '"I don\'t see any splintering," Hill said.';
const doc: DocumentData = {
  id: 'abcdef123456',
  title: 't',
  text: TEXT,
  blocks: [{ type: 'paragraph', start: 0, end: TEXT.length }],
  meta: { sourcePath: 'x', sourceName: 'x', sha256: 'x', importedAt: '2026-01-01T00:00:00Z', format: 'txt', byteLength: 1 },
  status: 'new',
  attributes: {},
  annotations: [],
  relations: [],
};
const span = (id: string, label: string, quote: string): Annotation => {
  const start = TEXT.indexOf(quote);
  return { id, label, start, end: start + quote.length, quote, attributes: {}, author: 'ann', createdAt: 't0', updatedAt: 't0' };
};
const claim = span('c1', 'Claim', "I don't see any splintering");
const source = span('s1', 'Source', 'Hill');
const link: Relation = { id: 'r1', type: 'attributed_to', from: 'c1', to: 's1', author: 'ann', createdAt: 't0' };

const ops: Operation[] = [
  { op: 'addAnnotation', annotation: claim },
  { op: 'addAnnotation', annotation: source },
  { op: 'addRelation', relation: link },
  { op: 'updateAnnotation', id: 'c1', before: { attributes: {}, updatedAt: 't0' }, after: { attributes: { checkworthy: 'yes' }, updatedAt: 't1' } },
  { op: 'updateAnnotation', id: 's1', before: { note: undefined }, after: { note: 'US envoy' } },
  { op: 'updateDocument', before: { status: 'new' }, after: { status: 'in_progress' } },
];

describe('operations', () => {
  it('apply in order', () => {
    const after = applyOperations(doc, ops);
    expect(after.annotations.map((a) => a.id)).toEqual(['c1', 's1']);
    expect(after.annotations[0]!.attributes).toEqual({ checkworthy: 'yes' });
    expect(after.relations).toEqual([link]);
    expect(after.status).toBe('in_progress');
  });

  it('every prefix of a change is undone by its inverse', () => {
    for (let n = 1; n <= ops.length; n++) {
      const change = ops.slice(0, n);
      const undone = applyOperations(applyOperations(doc, change), invertAll(change));
      expect(undone.annotations).toEqual([]);
      expect(undone.relations).toEqual([]);
      expect(undone.status).toBe('new');
    }
  });

  it('redo after undo gives the same document', () => {
    const done = applyOperations(doc, ops);
    const redone = applyOperations(applyOperations(done, invertAll(ops)), ops);
    expect(redone).toEqual(done);
  });

  it('is idempotent, so a retried save cannot apply twice', () => {
    const once = applyOperations(doc, ops);
    expect(applyOperations(once, ops)).toEqual(once);
  });

  it('refuses spans whose quote does not match, ranges outside the text, and dangling links', () => {
    expect(() => applyOperation(doc, { op: 'addAnnotation', annotation: { ...claim, quote: 'nope' } })).toThrow(OperationError);
    expect(() => applyOperation(doc, { op: 'addAnnotation', annotation: { ...claim, end: 999 } })).toThrow(/not a non-empty range/);
    expect(() => applyOperation(doc, { op: 'addRelation', relation: link })).toThrow(/does not exist/);
    const linked = applyOperations(doc, ops.slice(0, 3));
    expect(() => applyOperation(linked, { op: 'removeAnnotation', annotation: claim })).toThrow(/still has links/);
  });

  it('holds for random sequences of adds and removes (property)', () => {
    const quotes = ["I don't", 'splintering', 'Hill', 'said', 'see any'];
    const arbOp = fc.record({ add: fc.boolean(), i: fc.nat({ max: quotes.length - 1 }) }).map(({ add, i }): Operation => {
      const a = span(`a${i}`, 'Claim', quotes[i]!);
      return add ? { op: 'addAnnotation', annotation: a } : { op: 'removeAnnotation', annotation: a };
    });
    fc.assert(
      fc.property(fc.array(arbOp, { maxLength: 20 }), (change) => {
        const done = applyOperations(doc, change);
        // Removing what was not there is a no-op, so the inverse may add back what never was: compare sets.
        const undone = applyOperations(done, invertAll(change));
        for (const a of undone.annotations) expect(TEXT.slice(a.start, a.end)).toBe(a.quote);
        // A retried batch leaves the same set of annotations (their order in the array is not meaningful).
        const byId = (d: DocumentData) => [...d.annotations].sort((x, y) => x.id.localeCompare(y.id));
        expect(byId(applyOperations(done, change))).toEqual(byId(done));
      }),
    );
  });
});
