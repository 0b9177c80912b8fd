import { describe, expect, it } from 'vitest';
import { applyOperations } from '../../../shared/model/operations';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import type { DocumentData } from '../../../shared/model/types';
import { acceptOps, fitToSchema, keysOfLabel, visibleSuggestions } from '../../../shared/suggest/accept';
import { suggest } from '../../../shared/suggest/engine';

const text = '“I don’t see any splinters,” Hill said. The talks resume on Monday.';
const doc: DocumentData = {
  id: 'abc123',
  title: 't',
  text,
  blocks: [{ type: 'paragraph', start: 0, end: text.length }],
  meta: { sourcePath: '', sourceName: 'a.txt', sha256: '', importedAt: '2026-01-01T00:00:00.000Z', format: 'txt', byteLength: 0 },
  status: 'new',
  attributes: {},
  annotations: [],
  relations: [],
};
let n = 0;
const stamp = { author: 'ana', now: '2026-12-06T00:00:00.000Z', newId: () => `id${++n}` };

describe('suggestions: visible, accept', () => {
  const set = fitToSchema(suggest({ text, blocks: doc.blocks }), DEFAULT_SCHEMA);

  it('proposes the quotation as a direct claim, linked to its source and cue', () => {
    expect(set.suggestions.map((s) => [s.label, text.slice(s.start, s.end)])).toEqual([
      ['Claim', '“I don’t see any splinters,”'],
      ['Source', 'Hill'],
      ['Cue', 'said'],
    ]);
    expect(set.suggestions[0]!.attributes).toEqual({ quote_form: 'direct' });
    expect(set.links.map((l) => l.type)).toEqual(['attributed_to', 'has_cue']);
  });

  it('accepting the claim adds the claim, its source and cue, both links, and the status move, each with its origin', () => {
    const ops = acceptOps(doc, set, [set.suggestions[0]!.key], new Set(), stamp);
    const after = applyOperations(doc, ops);
    expect(after.annotations.map((a) => [a.label, a.quote, a.origin])).toEqual([
      ['Claim', '“I don’t see any splinters,”', 'suggestion:direct-quote'],
      ['Source', 'Hill', 'suggestion:direct-quote'],
      ['Cue', 'said', 'suggestion:direct-quote'],
    ]);
    expect(after.relations.map((r) => r.type)).toEqual(['attributed_to', 'has_cue']);
    expect(after.status).toBe('in_progress');
    expect(visibleSuggestions(set, after.annotations, new Set()).suggestions).toEqual([]);
    expect(acceptOps(after, set, [set.suggestions[0]!.key], new Set(), stamp)).toEqual([]);
  });

  it('a rejected source is neither shown nor brought by its claim; an annotation over a suggestion hides it and takes its links', () => {
    const source = set.suggestions.find((s) => s.label === 'Source')!;
    const shown = visibleSuggestions(set, [], new Set([source.key]));
    expect(shown.suggestions.map((s) => s.label)).toEqual(['Claim', 'Cue']);
    expect(shown.links.map((l) => l.type)).toEqual(['has_cue']);
    const ops = acceptOps(doc, set, keysOfLabel(set, 'Claim'), new Set([source.key]), stamp);
    expect(applyOperations(doc, ops).annotations.map((a) => a.label)).toEqual(['Claim', 'Cue']);

    const tagged = applyOperations(doc, [
      {
        op: 'addAnnotation',
        annotation: {
          id: 'h',
          label: 'Source',
          start: source.start,
          end: source.end + 5,
          quote: text.slice(source.start, source.end + 5),
          attributes: {},
          author: 'ana',
          createdAt: stamp.now,
          updatedAt: stamp.now,
        },
      },
    ]);
    const after = applyOperations(tagged, acceptOps(tagged, set, keysOfLabel(set, 'Claim'), new Set(), stamp));
    expect(after.annotations.filter((a) => a.label === 'Source').map((a) => a.id)).toEqual(['h']);
    expect(after.relations.find((r) => r.type === 'attributed_to')?.to).toBe('h');
  });

  it('fitToSchema drops labels, attribute values and links the schema has not', () => {
    const schema = { ...DEFAULT_SCHEMA, labels: DEFAULT_SCHEMA.labels.filter((l) => l.name !== 'Cue') };
    const fitted = fitToSchema(set, schema);
    expect(fitted.suggestions.map((s) => s.label)).toEqual(['Claim', 'Source']);
    expect(fitted.links.map((l) => l.type)).toEqual(['attributed_to']);
  });
});
