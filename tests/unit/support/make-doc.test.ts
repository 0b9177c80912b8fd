import { describe, expect, it } from 'vitest';
import { documentFileProblem } from '../../../shared/model/file-checks';
import { annotationOf, makeDoc, tagsOf } from './make-doc';

describe('makeDoc', () => {
  it('computes ranges and quotes from the tags, with links, and the result passes the file checks', () => {
    const doc = makeDoc(
      '"<c>I don\'t see any splintering</c>," <s>Hill</s> said.',
      { c: 'Claim', s: 'Source' },
      { links: [['c', 'attributed_to', 's']] },
    );
    expect(doc.text).toBe('"I don\'t see any splintering," Hill said.');
    expect(doc.annotations.map(({ id, label, start, end, quote }) => ({ id, label, start, end, quote }))).toEqual([
      { id: 'c', label: 'Claim', start: 1, end: 28, quote: "I don't see any splintering" },
      { id: 's', label: 'Source', start: 31, end: 35, quote: 'Hill' },
    ]);
    expect(doc.relations).toMatchObject([{ id: 'r1', type: 'attributed_to', from: 'c', to: 's' }]);
    expect(doc.status).toBe('new');
    expect(documentFileProblem(doc)).toBeNull();
  });

  it('takes nested and overlapping tags, attributes and notes, and lists annotations in the order labelled', () => {
    const doc = makeDoc(
      '<a>one <b>two</a> three</b> <c>f<d>ou</d>r</c>',
      { d: 'Cue', a: { label: 'Claim', attributes: { checkworthy: 'yes' }, note: 'n' }, b: 'Source', c: 'Claim' },
      { title: 'Envoy', status: 'done' },
    );
    expect(doc.text).toBe('one two three four');
    expect(doc.annotations.map((a) => [a.id, a.quote])).toEqual([
      ['d', 'ou'],
      ['a', 'one two'],
      ['b', 'two three'],
      ['c', 'four'],
    ]);
    expect(annotationOf(doc, 'a')).toMatchObject({ attributes: { checkworthy: 'yes' }, note: 'n' });
    expect(annotationOf(doc, 'b')).not.toHaveProperty('note');
    expect(doc).toMatchObject({ title: 'Envoy', status: 'done' });
    expect(documentFileProblem(doc)).toBeNull();
  });

  it('makes one paragraph block per paragraph', () => {
    const doc = makeDoc('First <c>claim</c>.\n\nSecond one.');
    expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end))).toEqual(['First claim.', 'Second one.']);
    expect(doc.blocks.every((b) => b.type === 'paragraph')).toBe(true);
    expect(doc.annotations).toEqual([]);
  });

  it('keeps unlabelled tags as positions, an unclosed tag as a point', () => {
    expect(tagsOf('a<p>b<q>c</q>')).toEqual({ text: 'abc', tags: { p: { start: 1, end: 1 }, q: { start: 2, end: 3 } } });
  });

  it('refuses tags that cannot be annotations and links to nothing', () => {
    expect(() => makeDoc('<c>x</c>', { d: 'Claim' })).toThrow(/no <d>/);
    expect(() => makeDoc('<c>x', { c: 'Claim' })).toThrow(/empty range/);
    expect(() => makeDoc('<c>x</c><c>y</c>')).toThrow(/tagged twice/);
    expect(() => makeDoc('x</c>')).toThrow(/not open/);
    expect(() => makeDoc('<c>x</c>', { c: 'Claim' }, { links: [['c', 'attributed_to', 's']] })).toThrow(/needs an annotation s/);
    expect(() => annotationOf(makeDoc('x'), 'c')).toThrow(/no annotation c/);
  });
});
