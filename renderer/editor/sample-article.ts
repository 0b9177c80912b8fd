/**
 * The warm-up's article (see warm-up.ts): a few news sentences with a highlight of every label of
 * the schema and one link it allows, a valid document like any other. No DOM here.
 */
import type { Annotation, DocumentData, Relation, Schema } from '../../shared/model/types';

const TIME = '2000-01-01T00:00:00.000Z';
const SENTENCES = [
  'The minister said on Monday that the plan would go ahead despite the protests.',
  'According to two officials, the talks broke down late on Sunday after a dispute over the budget.',
  '“We will not give up,” a spokeswoman for the union told reporters outside the building.',
];

/** A small article with one highlight per label (the first two nested), one link the schema allows, and a heading. */
export function sampleArticle(schema: Schema): DocumentData {
  const title = 'Warm-up';
  const text = [title, ...SENTENCES].join('\n\n');
  let at = 0;
  const blocks = [title, ...SENTENCES].map((part, i) => {
    const block = {
      type: i === 0 ? ('heading' as const) : ('paragraph' as const),
      start: at,
      end: at + part.length,
      ...(i === 0 ? { level: 1 } : {}),
    };
    at += part.length + 2;
    return block;
  });
  const annotations: Annotation[] = schema.labels.map((label, i) => {
    const block = blocks[1 + (i % SENTENCES.length)]!;
    const start = block.start + (i < 2 ? 0 : 4);
    const end = Math.min(block.end, start + (i === 1 ? 12 : 24));
    return {
      id: `warm-${i}`,
      label: label.name,
      start,
      end,
      quote: text.slice(start, end),
      attributes: {},
      author: '',
      createdAt: TIME,
      updatedAt: TIME,
    };
  });
  // The schema's first link type between two of its labels, so the marker after a linked claim is drawn too.
  const byLabel = (name: string) => annotations.find((a) => a.label === name);
  const links = schema.relationTypes.flatMap((t) =>
    t.from.flatMap((f) =>
      t.to.flatMap((to) => (f !== to && byLabel(f) && byLabel(to) ? [{ type: t.name, from: byLabel(f)!, to: byLabel(to)! }] : [])),
    ),
  );
  const relations: Relation[] = links
    .slice(0, 1)
    .map((link) => ({ id: 'warm-link', type: link.type, from: link.from.id, to: link.to.id, author: '', createdAt: TIME }));
  const meta = { sourcePath: '', sourceName: 'warm-up.txt', sha256: '', importedAt: TIME, format: 'txt' as const, byteLength: text.length };
  return { id: 'warm-up', title, text, blocks, meta, status: 'new', attributes: {}, annotations, relations };
}
