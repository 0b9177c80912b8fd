/**
 * Small hand-made documents for the export unit tests of round 2 (#12): a claim linked to a
 * source, a span of a label outside the claims table, and attributes that nobody set (absent
 * from `attributes`, or null). Offsets are found by quote, so the tests read like the text.
 */
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import type { Annotation, Attributes, DocumentData, Relation, Schema } from '../../../shared/model/types';

const TIME = '2025-01-01T00:00:00.000Z';

/** The text of the small documents: a claim, its source and a cue, and a place name. */
export const SMALL_TEXT = 'Ministers said prices will fall in Genève.';

/** The default schema plus a label of the analyst's own (not a claim, source or cue). */
export const SMALL_SCHEMA: Schema = {
  ...DEFAULT_SCHEMA,
  labels: [...DEFAULT_SCHEMA.labels, { name: 'Place name', color: '#336699', hotkey: '', attributes: [] }],
};

/** A span over the first occurrence of `quote` in SMALL_TEXT. */
export function smallSpan(id: string, label: string, quote: string, attributes: Attributes = {}): Annotation {
  const start = SMALL_TEXT.indexOf(quote);
  if (start === -1) throw new Error(`"${quote}" is not in the small text`);
  return { id, label, start, end: start + quote.length, quote, attributes, author: 'a', createdAt: TIME, updatedAt: TIME };
}

/** A relation between two spans. */
export const smallRelation = (id: string, type: string, from: string, to: string): Relation => ({ id, type, from, to, author: 'a', createdAt: TIME });

/** A document of SMALL_TEXT with the given spans and relations. */
export function smallDocument(annotations: readonly Annotation[], relations: readonly Relation[] = [], id = 'abcdef123456'): DocumentData {
  return {
    id,
    title: 'Prices',
    text: SMALL_TEXT,
    blocks: [{ type: 'paragraph', start: 0, end: SMALL_TEXT.length }],
    status: 'done',
    attributes: {},
    meta: {
      sourcePath: 'prices.txt',
      sourceName: 'prices.txt',
      sha256: '0'.repeat(64),
      importedAt: TIME,
      format: 'txt',
      byteLength: SMALL_TEXT.length,
    },
    annotations,
    relations,
  };
}
