/** The Annotations sidebar's index of a document: text order, chips, filters, flags, search texts. */
import { describe, expect, it } from 'vitest';
import { hasValue, indexDocument, keyAttributes, UNKNOWN_LABEL_COLOR } from '../../../shared/model/annotation-index';
import { attributeText } from '../../../shared/model/claims-table';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import { makeDoc } from '../support/make-doc';

const doc = makeDoc(
  '"<c>I don\'t see <q>any</q> splintering</c>," <s>Hill</s> <cue>said</cue>. <r>Rumour</r> has it.',
  {
    s: { label: 'Source', attributes: { identification: 'named' } },
    c: { label: 'Claim', attributes: { claim_type: 'opinion' }, note: 'Key Quote' },
    q: 'Claim',
    cue: 'Cue',
    r: 'Rumour',
  },
  { links: [['c', 'attributed_to', 's']] },
);

describe('indexDocument', () => {
  const index = indexDocument(doc, DEFAULT_SCHEMA);

  it('lists entries in text order (the enclosing span first), each with its label colour', () => {
    expect(index.entries.map((e) => e.a.id)).toEqual(['c', 'q', 's', 'cue', 'r']);
    expect(index.entries.map((e) => e.order)).toEqual([0, 1, 2, 3, 4]);
    expect(index.entries.find((e) => e.a.id === 's')!.color).toBe(DEFAULT_SCHEMA.labels.find((l) => l.name === 'Source')!.color);
    expect(index.entries.find((e) => e.a.id === 'r')!.color).toBe(UNKNOWN_LABEL_COLOR);
  });

  it('flags only the claim without a source, and counts it', () => {
    expect(index.entries.filter((e) => e.isUnsourced).map((e) => e.a.id)).toEqual(['q']);
    expect(index.unsourcedCount).toBe(1);
  });

  it('has a chip per schema label (with zero counts) and one for a label the schema lacks, after them', () => {
    const chips = Object.fromEntries(index.chips.map((c) => [c.name, [c.count, c.isInSchema]]));
    expect(chips).toMatchObject({ Claim: [2, true], Source: [1, true], Cue: [1, true], Evidence: [0, true], Rumour: [1, false] });
    expect(index.chips.at(-1)!.name).toBe('Rumour');
  });

  it('offers the values attributes take, with counts', () => {
    const options = index.attributeOptions.map((o) => `${o.name}=${o.value}:${o.count}`);
    expect(options).toEqual(expect.arrayContaining(['claim_type=opinion:1', 'identification=named:1']));
  });

  it('searches quotes and notes, lower-cased, in entry order', () => {
    expect(index.searchText()[0]).toBe("i don't see any splintering\nkey quote");
    expect(index.orderById.get('cue')).toBe(3);
  });
});

describe('filters and summaries', () => {
  it('matches a value, or a list that includes it, and booleans and numbers by their text', () => {
    expect(hasValue('yes', 'yes')).toBe(true);
    expect(hasValue(['a', 'b'], 'b')).toBe(true);
    expect(hasValue(['a'], 'b')).toBe(false);
    expect(hasValue(null, 'yes')).toBe(false);
    expect(hasValue(true, attributeText(true))).toBe(true);
    expect(hasValue(false, attributeText(true))).toBe(false);
    expect(hasValue(3, '3')).toBe(true);
  });

  it('summarises set, non-text attribute values under a quote, a chosen default included, unset ones left out', () => {
    const claim = doc.annotations.find((a) => a.id === 'c')!;
    const def = DEFAULT_SCHEMA.labels.find((l) => l.name === 'Claim')!;
    expect(keyAttributes(claim, def)).toContain('claim_type: opinion');
    expect(keyAttributes({ ...claim, attributes: {} }, def)).toBe('');
    expect(keyAttributes({ ...claim, attributes: { claim_type: 'factual', checkworthy: 'unset', veracity: null } }, def)).toBe('claim_type: factual');
  });

  it('flags the annotations that leave a required attribute unset, and counts them', () => {
    const required = {
      ...DEFAULT_SCHEMA,
      labels: DEFAULT_SCHEMA.labels.map((l) => ({
        ...l,
        attributes: l.attributes.map((a) => (a.name === 'claim_type' ? { ...a, required: true } : a)),
      })),
    };
    const flagged = indexDocument(doc, required);
    expect(flagged.entries.filter((e) => e.missing.length > 0).map((e) => [e.a.id, e.missing])).toEqual([['q', ['claim_type']]]);
    expect(flagged.incompleteCount).toBe(1);
    expect(indexDocument(doc, DEFAULT_SCHEMA).incompleteCount).toBe(0);
  });
});
