/** The warm-up's sample article (#14) is a valid document of the schema it is drawn with: the same code paths as a real one. */
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../shared/formats/validate';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import { sampleArticle } from '../../../renderer/editor/sample-article';

describe('the warm-up article', () => {
  it('has a highlight of every label, quotes that match its text, blocks that cover it, and a link the schema allows', () => {
    const doc = sampleArticle(DEFAULT_SCHEMA);
    expect(doc.annotations.map((a) => a.label)).toEqual(DEFAULT_SCHEMA.labels.map((l) => l.name));
    for (const a of doc.annotations) expect(doc.text.slice(a.start, a.end)).toBe(a.quote);
    expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end)).join('\n\n')).toBe(doc.text);
    expect(doc.relations).toMatchObject([{ type: 'attributed_to' }]);
    expect(validateDocument(doc, DEFAULT_SCHEMA)).toEqual([]);
  });

  it('draws a schema of one label without a link', () => {
    const schema = { ...DEFAULT_SCHEMA, labels: DEFAULT_SCHEMA.labels.slice(0, 1) };
    const doc = sampleArticle(schema);
    expect(doc.annotations).toHaveLength(1);
    expect(doc.relations).toEqual([]);
  });
});
