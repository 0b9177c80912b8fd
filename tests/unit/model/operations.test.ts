import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOperation, applyOperations, invertAll, OperationError, type Operation } from '../../../shared/model/operations';
import type { Annotation, DocumentData } from '../../../shared/model/types';
import { annotationOf, makeDoc } from '../support/make-doc';

// The claim c1 and its source s1, tagged in the text; the change below adds them (and their link) to the bare text.
const annotated = makeDoc(
  '"<c1>I don\'t see any splintering</c1>," <s1>Hill</s1> said.',
  { c1: 'Claim', s1: 'Source' },
  { links: [['c1', 'attributed_to', 's1']] },
);
const doc: DocumentData = { ...annotated, annotations: [], relations: [] };
const TEXT = doc.text;
const span = (id: string, label: string, quote: string): Annotation => {
  const start = TEXT.indexOf(quote);
  return { id, label, start, end: start + quote.length, quote, attributes: {}, author: 'ann', createdAt: 't0', updatedAt: 't0' };
};
const claim = annotationOf(annotated, 'c1');
const source = annotationOf(annotated, 's1');
const link = annotated.relations[0]!;

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
        expect(sortedById(applyOperations(done, change))).toEqual(sortedById(done));
      }),
    );
  });

  it('undoes any change made in the editor with its inverse (property)', () => {
    // Changes as the editor makes them: each operation fits the document as changed so far (an
    // update's `before` is what is there), over adds, removes, links and updates of every kind,
    // starting from a document that already has annotations, a link and a status (an update of
    // something the change itself added would be undone by removing it, whatever its inverse).
    const start = applyOperations(doc, ops);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 30 }), (choices) => {
        const change = editorChange(start, choices);
        const done = applyOperations(start, change);
        expect(sortedById(applyOperations(done, invertAll(change)))).toEqual(sortedById(start));
        // and so is every prefix of it
        const cut = choices.length === 0 ? 0 : choices[0]![0] % (change.length + 1);
        const prefix = change.slice(0, cut);
        expect(sortedById(applyOperations(applyOperations(start, prefix), invertAll(prefix)))).toEqual(sortedById(start));
      }),
    );
  });
});

/** The document with annotations and relations in id order (their order in the arrays is not meaningful). */
function sortedById(d: DocumentData): DocumentData {
  const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
  return { ...d, annotations: byId(d.annotations), relations: byId(d.relations) };
}

/** Turns random numbers into a change whose every operation fits the document as changed so far. */
function editorChange(start: DocumentData, choices: readonly (readonly [number, number, number])[]): Operation[] {
  const quotes = ["I don't", 'splintering', 'Hill', 'said', 'see any', 'any'];
  const labels = ['Claim', 'Source'];
  const statuses = ['new', 'in_progress', 'done'] as const;
  let current = start;
  const change: Operation[] = [];
  const pick = <T>(xs: readonly T[], n: number): T => xs[n % xs.length]!;
  for (const [kind, a, b] of choices) {
    const present = current.annotations;
    const linked = new Set(current.relations.flatMap((r) => [r.from, r.to]));
    let op: Operation | null = null;
    switch (kind % 7) {
      case 0: {
        const id = `a${a % 8}`;
        if (!present.some((x) => x.id === id))
          op = { op: 'addAnnotation', annotation: { ...span(id, pick(labels, b), pick(quotes, a)), createdAt: `t${change.length}` } };
        break;
      }
      case 1: {
        const victim = present.filter((x) => !linked.has(x.id))[a % Math.max(1, present.length)];
        if (victim) op = { op: 'removeAnnotation', annotation: victim };
        break;
      }
      case 2: {
        const target = present[a % Math.max(1, present.length)];
        if (target) {
          const moved = span(target.id, target.label, pick(quotes, b));
          op = {
            op: 'updateAnnotation',
            id: target.id,
            before: { start: target.start, end: target.end, quote: target.quote, updatedAt: target.updatedAt },
            after: { start: moved.start, end: moved.end, quote: moved.quote, updatedAt: `t${change.length}` },
          };
        }
        break;
      }
      case 3: {
        const target = present[a % Math.max(1, present.length)];
        if (target)
          op = {
            op: 'updateAnnotation',
            id: target.id,
            before: { label: target.label, attributes: target.attributes, note: target.note },
            after: { label: pick(labels, b), attributes: { checkworthy: b % 2 ? 'yes' : 'no' }, note: b % 3 ? `note ${b}` : undefined },
          };
        break;
      }
      case 4: {
        const [from, to] = [present[a % Math.max(1, present.length)], present[b % Math.max(1, present.length)]];
        const id = `r${(a + b) % 5}`;
        if (from && to && from.id !== to.id && !current.relations.some((r) => r.id === id))
          op = { op: 'addRelation', relation: { id, type: 'attributed_to', from: from.id, to: to.id, author: 'ann', createdAt: 't0' } };
        break;
      }
      case 5: {
        const relation = current.relations[a % Math.max(1, current.relations.length)];
        if (relation) op = { op: 'removeRelation', relation };
        break;
      }
      default:
        op = {
          op: 'updateDocument',
          before: { status: current.status, title: current.title, attributes: current.attributes },
          after: { status: pick(statuses, a), title: `title ${b % 4}`, attributes: { topic: `t${a % 3}` } },
        };
    }
    if (!op) continue;
    current = applyOperation(current, op);
    change.push(op);
  }
  return change;
}
