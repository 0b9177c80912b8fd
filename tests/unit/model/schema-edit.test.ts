import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import {
  draftFromSchema,
  draftIssues,
  fieldId,
  isDraftChanged,
  migrationFromDraft,
  newAttribute,
  parseValues,
  removalQuestion,
  removeLabel,
  schemaFromDraft,
  uniqueName,
  withKind,
  type LabelDraft,
  type SchemaDraft,
} from '../../../shared/model/schema-edit';
import { migrateDocumentLabels } from '../../../shared/model/schema-rules';
import type { DocumentData } from '../../../shared/model/types';

const base = draftFromSchema(DEFAULT_SCHEMA);
const keyOf = (d: SchemaDraft, name: string) => d.labels.find((l) => l.name === name)!.key;
const editLabel = (d: SchemaDraft, name: string, change: Partial<LabelDraft>): SchemaDraft => ({
  ...d,
  labels: d.labels.map((l) => (l.name === name ? { ...l, ...change } : l)),
});
const fields = (d: SchemaDraft) => draftIssues(d).map((i) => i.field);

describe('draft round trip', () => {
  it('gives back the schema it was made from, with no migration and no change', () => {
    expect(schemaFromDraft(base)).toEqual(DEFAULT_SCHEMA);
    expect(migrationFromDraft(base)).toEqual({ renamedLabels: {}, removedLabels: [] });
    expect(isDraftChanged(DEFAULT_SCHEMA, base)).toBe(false);
    expect(draftIssues(base)).toEqual([]);
  });

  it('gives every item a distinct key', () => {
    const keys = [
      ...base.labels.flatMap((l) => [l.key, ...l.attributes.map((a) => a.key)]),
      ...base.relationTypes.map((t) => t.key),
      ...base.documentAttributes.map((a) => a.key),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('renames and removals', () => {
  it('turns a rename into renamedLabels[old] = new and carries it into the relation types', () => {
    const renamed = editLabel(base, 'Source', { name: '  Speaker ' });
    expect(migrationFromDraft(renamed)).toEqual({ renamedLabels: { Source: 'Speaker' }, removedLabels: [] });
    const schema = schemaFromDraft(renamed);
    expect(schema.relationTypes.find((t) => t.name === 'attributed_to')).toEqual({ name: 'attributed_to', from: ['Claim'], to: ['Speaker'] });
    expect(schema.relationTypes.find((t) => t.name === 'coref')).toEqual({ name: 'coref', from: ['Speaker', 'Entity'], to: ['Speaker', 'Entity'] });
    expect(isDraftChanged(DEFAULT_SCHEMA, renamed)).toBe(true);
  });

  it('handles swapping two names and a rename that is undone', () => {
    const sk = keyOf(base, 'Source');
    const ck = keyOf(base, 'Claim');
    const swapped = {
      ...base,
      labels: base.labels.map((l) => (l.key === ck ? { ...l, name: 'Source' } : l.key === sk ? { ...l, name: 'Claim' } : l)),
    };
    expect(migrationFromDraft(swapped).renamedLabels).toEqual({ Claim: 'Source', Source: 'Claim' });
    expect(draftIssues(swapped)).toEqual([]);
    const back = editLabel(editLabel(base, 'Cue', { name: 'Verb' }), 'Verb', { name: 'Cue' });
    expect(migrationFromDraft(back)).toEqual({ renamedLabels: {}, removedLabels: [] });
  });

  it('drops a removed label from the relation types and records its original name', () => {
    const renamedThenRemoved = removeLabel(editLabel(base, 'Cue', { name: 'Verb' }), keyOf(base, 'Cue'));
    expect(migrationFromDraft(renamedThenRemoved)).toEqual({ renamedLabels: {}, removedLabels: ['Cue'] });
    const schema = schemaFromDraft(renamedThenRemoved);
    expect(schema.labels.map((l) => l.name)).not.toContain('Verb');
    expect(schema.relationTypes.find((t) => t.name === 'has_cue')).toEqual({ name: 'has_cue', from: ['Claim'], to: [] });
    // A relation type left without an end must be fixed or removed before saving.
    expect(fields(renamedThenRemoved)).toEqual([fieldId('rel-1', 'to')]);
  });

  it('records nothing for a new label that is removed again', () => {
    const added: SchemaDraft = {
      ...base,
      labels: [...base.labels, { key: 'new-1', originalName: null, name: 'Rumour', color: '#000000', hotkey: '', attributes: [] }],
    };
    expect(migrationFromDraft(removeLabel(added, 'new-1'))).toEqual({ renamedLabels: {}, removedLabels: [] });
  });

  it('migrates stored annotations as the service will', () => {
    const doc = {
      annotations: [
        { id: 'a', label: 'Cue' },
        { id: 'b', label: 'Source' },
        { id: 'c', label: 'Claim' },
      ],
      relations: [
        { id: 'r1', type: 'has_cue', from: 'c', to: 'a' },
        { id: 'r2', type: 'attributed_to', from: 'c', to: 'b' },
      ],
    } as unknown as DocumentData;
    const draft = removeLabel(editLabel(base, 'Source', { name: 'Speaker' }), keyOf(base, 'Cue'));
    const next = migrateDocumentLabels(doc, migrationFromDraft(draft));
    expect(next.annotations.map((a) => `${a.id}:${a.label}`)).toEqual(['b:Speaker', 'c:Claim']);
    expect(next.relations.map((r) => r.id)).toEqual(['r2']);
  });

  it('asks before removing a label in use, with the number of annotations', () => {
    expect(removalQuestion('Cue', 3)).toBe('Remove “Cue”? 3 annotations will be deleted, with their links.');
    expect(removalQuestion('Cue', 1)).toBe('Remove “Cue”? 1 annotation will be deleted, with its links.');
    expect(removalQuestion('Claim', 12000, (n) => n.toLocaleString('en-US'))).toBe(
      'Remove “Claim”? 12,000 annotations will be deleted, with their links.',
    );
  });
});

describe('validation', () => {
  it('requires label names, unique names and unique single-character hotkeys', () => {
    expect(fields(editLabel(base, 'Cue', { name: '  ' }))).toEqual([fieldId(keyOf(base, 'Cue'), 'name')]);
    expect(fields(editLabel(base, 'Cue', { name: 'claim' }))).toEqual([fieldId(keyOf(base, 'Cue'), 'name')]);
    const dupKey = draftIssues(editLabel(base, 'Cue', { hotkey: '1' }));
    expect(dupKey).toEqual([{ field: fieldId(keyOf(base, 'Cue'), 'hotkey'), message: '“1” is already the hotkey of Claim.' }]);
    expect(fields(editLabel(base, 'Cue', { hotkey: 'ab' }))).toEqual([fieldId(keyOf(base, 'Cue'), 'hotkey')]);
    expect(fields(editLabel(base, 'Cue', { hotkey: ' ' }))).toEqual([fieldId(keyOf(base, 'Cue'), 'hotkey')]);
    expect(fields(editLabel(base, 'Cue', { hotkey: '' }))).toEqual([]);
    expect(fields(editLabel(base, 'Cue', { color: 'grey' }))).toEqual([fieldId(keyOf(base, 'Cue'), 'color')]);
    expect(fields(editLabel(base, 'Cue', { name: 'x'.repeat(101) }))).toEqual([fieldId(keyOf(base, 'Cue'), 'name')]);
  });

  it('keeps v free for the attribute keys: a label cannot take it (either case), and the message says why', () => {
    for (const hotkey of ['v', 'V'])
      expect(draftIssues(editLabel(base, 'Cue', { hotkey }))).toEqual([
        {
          field: fieldId(keyOf(base, 'Cue'), 'hotkey'),
          message: expect.stringMatching(new RegExp(`^“${hotkey}” starts the attribute keys .*pick another hotkey`)),
        },
      ]);
    expect(fields(editLabel(base, 'Cue', { hotkey: 'w' }))).toEqual([]);
  });

  it('checks attributes: names, values for choices, defaults that fit the kind', () => {
    const withAttrs = (attributes: LabelDraft['attributes']) => editLabel(base, 'Entity', { attributes });
    const a = newAttribute('x1', 'wikidata');
    expect(fields(withAttrs([a]))).toEqual([]);
    expect(fields(withAttrs([a, newAttribute('x2', 'WikiData')]))).toEqual(['x2:name']);
    expect(fields(withAttrs([withKind(a, 'choice')]))).toEqual(['x1:values']);
    expect(fields(withAttrs([{ ...withKind(a, 'multi'), valuesText: 'a, b, a' }]))).toEqual(['x1:values']);
    expect(fields(withAttrs([{ ...withKind(a, 'choice'), valuesText: 'a, b', default: 'c' }]))).toEqual(['x1:default']);
    expect(fields(withAttrs([{ ...withKind(a, 'multi'), valuesText: 'a, b', default: ['b'] }]))).toEqual([]);
    expect(fields(withAttrs([{ ...withKind(a, 'number'), default: Number.NaN }]))).toEqual(['x1:default']);
    expect(fields(withAttrs([{ ...withKind(a, 'boolean'), default: true }]))).toEqual([]);
  });

  it('refuses "unset" as a choice value (every attribute can be unset), and reads a legacy one as no value', () => {
    const a = { ...withKind(newAttribute('x1', 'checked'), 'choice'), valuesText: 'yes, Unset, no' };
    expect(draftIssues(editLabel(base, 'Entity', { attributes: [a] }))).toEqual([
      { field: 'x1:values', message: 'Leave out “Unset”: every attribute can be left unset without it.' },
    ]);
    const legacy = {
      labels: [],
      relationTypes: [],
      documentAttributes: [{ name: 'reliability', kind: 'choice', values: ['unset', 'high', 'low'], default: 'unset' }],
    } as const;
    const draft = draftFromSchema(legacy);
    expect(draft.documentAttributes[0]).toMatchObject({ valuesText: 'high, low', default: null });
    expect(draftIssues(draft)).toEqual([]);
  });

  it('keeps the required option of an attribute, and writes it only when set', () => {
    const ck = keyOf(base, 'Claim');
    const required = {
      ...base,
      labels: base.labels.map((l) =>
        l.key === ck ? { ...l, attributes: l.attributes.map((x, i) => (i === 0 ? { ...x, isRequired: true } : x)) } : l,
      ),
    };
    expect(isDraftChanged(DEFAULT_SCHEMA, required)).toBe(true);
    const schema = schemaFromDraft(required);
    const claim = schema.labels.find((l) => l.name === 'Claim')!;
    expect(claim.attributes[0]).toMatchObject({ name: 'checkworthy', required: true });
    expect(claim.attributes.slice(1).every((x) => !Object.hasOwn(x, 'required'))).toBe(true);
    expect(draftFromSchema(schema).labels[0]!.attributes[0]!.isRequired).toBe(true);
    expect(isDraftChanged(schema, draftFromSchema(schema))).toBe(false);
  });

  it('clears the default when the kind changes, and keeps only choice values in the schema', () => {
    const choice = { ...withKind(newAttribute('x1', 'tone'), 'choice'), valuesText: ' calm ,, angry,', default: 'calm' };
    expect(parseValues(choice.valuesText)).toEqual(['calm', 'angry']);
    expect(withKind(choice, 'text').default).toBeNull();
    const schema = schemaFromDraft({ ...base, documentAttributes: [choice, withKind(choice, 'number')] });
    expect(schema.documentAttributes).toEqual([
      { name: 'tone', kind: 'choice', values: ['calm', 'angry'], default: 'calm' },
      { name: 'tone', kind: 'number', default: null },
    ]);
    expect(fields({ ...base, documentAttributes: [choice, { ...withKind(choice, 'number'), key: 'x2' }] })).toEqual(['x2:name']);
  });

  it('requires relation types to be named, unique and to link labels at both ends', () => {
    const rels = (relationTypes: SchemaDraft['relationTypes']) => fields({ ...base, relationTypes });
    expect(rels([{ key: 'n1', name: '', from: ['label-0'], to: ['label-1'] }])).toEqual(['n1:name']);
    expect(rels([...base.relationTypes, { key: 'n1', name: 'Coref', from: ['label-0'], to: ['label-1'] }])).toEqual(['n1:name']);
    expect(rels([{ key: 'n1', name: 'x', from: [], to: ['gone'] }])).toEqual(['n1:from', 'n1:to']);
  });

  it('names new items so they do not clash', () => {
    expect(uniqueName('New label', ['Claim'])).toBe('New label');
    expect(uniqueName('New label', ['new label', 'New label 2'])).toBe('New label 3');
  });
});
