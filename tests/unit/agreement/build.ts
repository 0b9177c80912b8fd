/**
 * Test builders for agreement: a document's layers written as tagged texts (see
 * tests/unit/support/make-doc.ts), so positions are tagged, never counted by hand, and random
 * layers for property tests. Test-only.
 */
import fc from 'fast-check';
import type { AgreementDocument, LayerContent } from '../../../shared/agreement/types';
import type { Annotation, Attributes } from '../../../shared/model/types';
import { makeDoc, type TagLabel, type TagLink } from '../support/make-doc';

/** One annotator's layer as a tagged text, the labels of its tags, and its links. */
export type TaggedLayer = readonly [tagged: string, labels: Readonly<Record<string, TagLabel>>, links?: readonly TagLink[]];

/**
 * A document whose layers are tagged texts of one and the same text.
 * @throws RangeError when two layers' texts differ (a typo in a test)
 */
export function taggedDocument(docId: string, layers: Readonly<Record<string, TaggedLayer>>, title = docId): AgreementDocument {
  let text: string | null = null;
  const out: Record<string, LayerContent> = {};
  for (const [name, [tagged, labels, links]] of Object.entries(layers)) {
    const doc = makeDoc(tagged, labels, { links: links ?? [], id: docId });
    if (text !== null && doc.text !== text) throw new RangeError(`${name}'s layer of ${docId} has another text`);
    text = doc.text;
    out[name] = { annotations: doc.annotations, relations: doc.relations };
  }
  return { docId, title, textLength: text?.length ?? 0, layers: out };
}

/** An annotation at [start, end) with an id, label and attributes (test author and time). */
export function span(id: string, label: string, start: number, end: number, attributes: Attributes = {}): Annotation {
  return { id, label, start, end, quote: '', attributes, author: 'test', createdAt: 't0', updatedAt: 't0' };
}

/** The length of every generated document's text. */
export const TEXT_LENGTH = 200;

/** A random layer: up to 12 spans of labels A and B, attribute `x` in {p, q, unset}. */
export const arbitraryLayer = (prefix: string): fc.Arbitrary<LayerContent> =>
  fc
    .array(
      fc.record({
        label: fc.constantFrom('A', 'B'),
        start: fc.integer({ min: 0, max: TEXT_LENGTH - 1 }),
        length: fc.integer({ min: 1, max: 40 }),
        x: fc.constantFrom('p', 'q', null),
      }),
      { maxLength: 12 },
    )
    .map((spans) => ({
      annotations: spans.map((s, i) => span(`${prefix}${i}`, s.label, s.start, Math.min(TEXT_LENGTH, s.start + s.length), { x: s.x })),
      relations: [],
    }));

/** Random documents with layers by `ann` and `bob`. */
export const arbitraryDocuments = fc.array(
  fc.tuple(arbitraryLayer('a'), arbitraryLayer('b')).map(([ann, bob]) => ({ ann, bob })),
  { minLength: 1, maxLength: 4 },
);

/** Documents from generated layers, named d0, d1, … */
export const documentsOf = (layers: readonly Readonly<Record<string, LayerContent>>[]): AgreementDocument[] =>
  layers.map((l, i) => ({ docId: `d${i}`, title: `d${i}`, textLength: TEXT_LENGTH, layers: l }));
