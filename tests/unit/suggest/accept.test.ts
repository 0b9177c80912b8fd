import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import { applyOperations } from '../../../shared/model/operations';
import type { Annotation, DocumentData, Schema } from '../../../shared/model/types';
import { acceptOps, fitToSchema, keysOfLabel, visibleSuggestions } from '../../../shared/suggest/accept';
import { suggestionKey, type Suggestion, type SuggestionSet } from '../../../shared/suggest/types';

const text = '“I don’t see any splinters,” Hill said. The talks resume on Monday, Hill added.';
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

/** A suggestion over the first occurrence of `quote` (from `from` on). */
function at(label: string, quote: string, attributes: Suggestion['attributes'] = {}, rule = 'test-rule', from = 0): Suggestion {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`no ${quote}`);
  return { key: suggestionKey(label, start, start + quote.length), label, start, end: start + quote.length, attributes, rule };
}
const claim = at('Claim', '“I don’t see any splinters,”', { quote_form: 'direct' }, 'direct-quote');
const hill = at('Source', 'Hill');
const said = at('Cue', 'said', { cue_class: 'communication' });
const set: SuggestionSet = {
  suggestions: [claim, hill, said],
  links: [
    { type: 'attributed_to', from: claim.key, to: hill.key },
    { type: 'has_cue', from: claim.key, to: said.key },
  ],
};
const tagged = (label: string, start: number, end: number, id: string): Annotation => ({
  id,
  label,
  start,
  end,
  quote: text.slice(start, end),
  attributes: {},
  author: 'ana',
  createdAt: stamp.now,
  updatedAt: stamp.now,
});

describe('accepting suggestions', () => {
  it('accepting the claim adds the claim, its source and cue, both links, and the status move, each with its origin', () => {
    const after = applyOperations(doc, acceptOps(doc, set, [claim.key], new Set(), stamp));
    expect(after.annotations.map((a) => [a.label, a.quote, a.origin])).toEqual([
      ['Claim', '“I don’t see any splinters,”', 'suggestion:direct-quote'],
      ['Source', 'Hill', 'suggestion:test-rule'],
      ['Cue', 'said', 'suggestion:test-rule'],
    ]);
    expect(after.annotations[0]!.attributes).toEqual({ quote_form: 'direct' });
    expect(after.relations.map((r) => r.type)).toEqual(['attributed_to', 'has_cue']);
    expect(after.status).toBe('in_progress');
    expect(visibleSuggestions(set, after.annotations, new Set()).suggestions).toEqual([]);
    expect(acceptOps(after, set, [claim.key], new Set(), stamp)).toEqual([]);
  });

  it('a rejected source is neither shown nor brought by its claim', () => {
    const shown = visibleSuggestions(set, [], new Set([hill.key]));
    expect(shown.suggestions.map((s) => s.label)).toEqual(['Claim', 'Cue']);
    expect(shown.links.map((l) => l.type)).toEqual(['has_cue']);
    const ops = acceptOps(doc, set, keysOfLabel(set, 'Claim'), new Set([hill.key]), stamp);
    expect(applyOperations(doc, ops).annotations.map((a) => a.label)).toEqual(['Claim', 'Cue']);
  });

  it('an annotation over a suggestion hides it, and accepting its claim links to that annotation instead of adding one', () => {
    const withHill = applyOperations(doc, [{ op: 'addAnnotation', annotation: tagged('Source', hill.start, hill.end + 5, 'h') }]);
    expect(visibleSuggestions(set, withHill.annotations, new Set()).suggestions.map((s) => s.label)).toEqual(['Claim', 'Cue']);
    const after = applyOperations(withHill, acceptOps(withHill, set, [claim.key], new Set(), stamp));
    expect(after.annotations.filter((a) => a.label === 'Source').map((a) => a.id)).toEqual(['h']);
    expect(after.relations.find((r) => r.type === 'attributed_to')?.to).toBe('h');
  });

  it('accepting nested suggestions of one label at once adds the outer one only, and links the inner one’s ends to it', () => {
    const outer = at('Claim', '“I don’t see any splinters,” Hill said', {}, 'reporting-verb-clause');
    const nested: SuggestionSet = { suggestions: [outer, ...set.suggestions], links: set.links };
    const after = applyOperations(doc, acceptOps(doc, nested, keysOfLabel(nested, 'Claim'), new Set(), stamp));
    expect(after.annotations.filter((a) => a.label === 'Claim').map((a) => a.quote)).toEqual([text.slice(outer.start, outer.end)]);
    const outerId = after.annotations.find((a) => a.label === 'Claim')!.id;
    expect(after.relations.map((r) => [r.type, r.from])).toEqual([
      ['attributed_to', outerId],
      ['has_cue', outerId],
    ]);
  });

  it('a link to a key outside the set (an occurrence’s tagged mention) is shown and made when that annotation has exactly those bounds', () => {
    const second = at('Source', 'Hill', {}, 'occurrence', hill.end);
    const occurrence: SuggestionSet = { suggestions: [second], links: [{ type: 'coref', from: second.key, to: hill.key }] };
    const withHill = applyOperations(doc, [{ op: 'addAnnotation', annotation: tagged('Source', hill.start, hill.end, 'h') }]);
    expect(visibleSuggestions(occurrence, withHill.annotations, new Set()).links).toEqual(occurrence.links);
    const after = applyOperations(withHill, acceptOps(withHill, occurrence, [second.key], new Set(), stamp));
    expect(after.relations.map((r) => [r.type, r.to])).toEqual([['coref', 'h']]);
    // Not an annotation with those bounds: no link shown, none made.
    const elsewhere = applyOperations(doc, [{ op: 'addAnnotation', annotation: tagged('Source', hill.start, hill.end + 1, 'h2') }]);
    expect(visibleSuggestions(occurrence, elsewhere.annotations, new Set()).links).toEqual([]);
    expect(acceptOps(elsewhere, occurrence, [second.key], new Set(), stamp).filter((o) => o.op === 'addRelation')).toEqual([]);
  });
});

describe('fitToSchema', () => {
  it('drops labels, attribute values and links the schema has not', () => {
    const schema: Schema = { ...DEFAULT_SCHEMA, labels: DEFAULT_SCHEMA.labels.filter((l) => l.name !== 'Cue') };
    const fitted = fitToSchema(set, schema);
    expect(fitted.suggestions.map((s) => s.label)).toEqual(['Claim', 'Source']);
    expect(fitted.links.map((l) => l.type)).toEqual(['attributed_to']);
    const noDirect: Schema = {
      ...DEFAULT_SCHEMA,
      labels: DEFAULT_SCHEMA.labels.map((l) =>
        l.name === 'Claim' ? { ...l, attributes: l.attributes.map((a) => (a.name === 'quote_form' ? { ...a, values: ['quoted', 'none'] } : a)) } : l,
      ),
    };
    expect(fitToSchema(set, noDirect).suggestions[0]!.attributes).toEqual({});
  });

  it('gives a value the kind of the schema’s attribute: a listed multi value as a list; a string into a boolean attribute dropped', () => {
    const retyped = (kind: 'multi' | 'boolean' | 'text'): Schema => ({
      ...DEFAULT_SCHEMA,
      labels: DEFAULT_SCHEMA.labels.map((l) =>
        l.name === 'Claim' ? { ...l, attributes: l.attributes.map((a) => (a.name === 'quote_form' ? { ...a, kind } : a)) } : l,
      ),
    });
    expect(fitToSchema(set, retyped('multi')).suggestions[0]!.attributes).toEqual({ quote_form: ['direct'] });
    expect(fitToSchema(set, retyped('boolean')).suggestions[0]!.attributes).toEqual({});
    expect(fitToSchema(set, retyped('text')).suggestions[0]!.attributes).toEqual({ quote_form: 'direct' });
  });

  it('keeps a link to a tagged mention outside the set when the schema allows its label', () => {
    const second = at('Source', 'Hill', {}, 'occurrence', hill.end);
    const occurrence: SuggestionSet = { suggestions: [second], links: [{ type: 'coref', from: second.key, to: hill.key }] };
    expect(fitToSchema(occurrence, DEFAULT_SCHEMA).links).toEqual(occurrence.links);
    const noCoref: Schema = { ...DEFAULT_SCHEMA, relationTypes: DEFAULT_SCHEMA.relationTypes.filter((t) => t.name !== 'coref') };
    expect(fitToSchema(occurrence, noCoref).links).toEqual([]);
  });
});
