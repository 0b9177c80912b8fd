import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../../../shared/model/default-schema';
import type { LabelDef, Schema } from '../../../shared/model/types';
import { mergeIndexFile } from '../../../shared/merge/workspace-index';
import { indexFile, row } from './fixtures';

const D1 = row('d10001', 'Budget');
const D2 = row('d20002', 'Envoy');
const D3 = row('d30003', 'Storm');
const base = indexFile([D1]);

/** The default schema with label `name` changed by `change`. */
const withLabel = (name: string, change: (l: LabelDef) => LabelDef | null, schema: Schema = DEFAULT_SCHEMA): Schema => ({
  ...schema,
  labels: schema.labels.flatMap((l) => (l.name === name ? (change(l) ?? []) : [l])),
});
const schemaOf = (file: Record<string, unknown>) => file.schema as Schema;
const label = (file: Record<string, unknown>, name: string) => schemaOf(file).labels.find((l) => l.name === name);

describe('mergeIndexFile: documents', () => {
  it('merges rows by id in ours’ order with theirs’ new rows appended, and applies deletes', () => {
    const { merged, conflicts } = mergeIndexFile(indexFile([D1, D3]), indexFile([D1, D2]), indexFile([D3, row('d40004', 'Flood')]));
    expect(conflicts).toBe(0);
    expect((merged.documents as { id: string }[]).map((d) => d.id)).toEqual(['d20002', 'd40004']);
  });

  it('merges a row field by field and lists a title renamed differently on both sides', () => {
    const oneSide = mergeIndexFile(base, indexFile([{ ...D1, title: 'Budget 2027' }]), indexFile([{ ...D1, publishedAt: '2026-02-02' }]));
    expect(oneSide.merged.documents).toEqual([{ ...D1, title: 'Budget 2027', publishedAt: '2026-02-02' }]);
    expect(oneSide.merged).not.toHaveProperty('conflicts');
    const both = mergeIndexFile(base, indexFile([{ ...D1, title: 'Ours' }]), indexFile([{ ...D1, title: 'Theirs' }]));
    expect(both.conflicts).toBe(1);
    expect(both.merged.documents).toEqual([{ ...D1, title: 'Ours' }]);
    expect(both.merged.conflicts).toEqual([{ field: 'documents.d10001.title', values: ['Ours', 'Theirs'] }]);
  });

  it('keeps a row one side deleted and the other renamed, and lists it', () => {
    const { merged } = mergeIndexFile(base, indexFile([]), indexFile([{ ...D1, title: 'Renamed' }]));
    expect(merged.documents).toEqual([{ ...D1, title: 'Renamed' }]);
    expect(merged.conflicts).toEqual([{ field: 'documents.d10001.deleted', values: [true, false] }]);
  });
});

describe('mergeIndexFile: schema and settings', () => {
  it('merges a label’s color and hotkey changed on different sides, and lists a color changed on both', () => {
    const ours = indexFile([D1], { schema: withLabel('Claim', (l) => ({ ...l, color: '#000000' })) });
    const theirs = indexFile([D1], { schema: withLabel('Claim', (l) => ({ ...l, hotkey: '9' })) });
    expect(label(mergeIndexFile(base, ours, theirs).merged, 'Claim')).toMatchObject({ color: '#000000', hotkey: '9' });
    const clash = indexFile([D1], { schema: withLabel('Claim', (l) => ({ ...l, color: '#ffffff' })) });
    const { merged, conflicts } = mergeIndexFile(base, ours, clash);
    expect(conflicts).toBe(1);
    expect(label(merged, 'Claim')?.color).toBe('#000000');
    expect(merged.conflicts).toEqual([{ field: 'schema.labels.Claim.color', values: ['#000000', '#ffffff'] }]);
  });

  it('merges labels by name (new ones appended) and a label’s attributes by name, a choice’s values as a set', () => {
    const addValue = (v: string) => (l: LabelDef) => ({
      ...l,
      attributes: l.attributes.map((a) => (a.name === 'checkworthy' ? { ...a, values: [...(a.values ?? []), v] } : a)),
    });
    const ours = indexFile([D1], {
      schema: withLabel('Claim', addValue('maybe'), {
        ...DEFAULT_SCHEMA,
        labels: [...DEFAULT_SCHEMA.labels, { name: 'Quote', color: '#111111', hotkey: '7', attributes: [] }],
      }),
    });
    const theirs = indexFile([D1], {
      schema: withLabel(
        'Claim',
        (l) => ({ ...addValue('n/a')(l), attributes: [...addValue('n/a')(l).attributes, { name: 'urgent', kind: 'boolean', default: false }] }),
        {
          ...DEFAULT_SCHEMA,
          labels: [...DEFAULT_SCHEMA.labels, { name: 'Date', color: '#222222', hotkey: '8', attributes: [] }],
        },
      ),
    });
    const { merged, conflicts } = mergeIndexFile(base, ours, theirs);
    expect(conflicts).toBe(0);
    expect(schemaOf(merged).labels.map((l) => l.name)).toEqual([...DEFAULT_SCHEMA.labels.map((l) => l.name), 'Quote', 'Date']);
    const claim = label(merged, 'Claim')!;
    const baseValues = label(indexFile([D1]), 'Claim')!.attributes.find((a) => a.name === 'checkworthy')!.values!;
    expect(claim.attributes.find((a) => a.name === 'checkworthy')?.values).toEqual([...baseValues, 'maybe', 'n/a']);
    expect(claim.attributes.at(-1)).toEqual({ name: 'urgent', kind: 'boolean', default: false });
  });

  it('keeps a label one side deleted and the other changed, and lists it', () => {
    const ours = indexFile([D1], { schema: withLabel('Entity', () => null) });
    const theirs = indexFile([D1], { schema: withLabel('Entity', (l) => ({ ...l, color: '#123456' })) });
    const { merged } = mergeIndexFile(base, ours, theirs);
    expect(label(merged, 'Entity')?.color).toBe('#123456');
    expect(merged.conflicts).toEqual([{ field: 'schema.labels.Entity.deleted', values: [true, false] }]);
    const unchanged = mergeIndexFile(base, ours, base);
    expect(label(unchanged.merged, 'Entity')).toBeUndefined();
  });

  it('merges relation types and document attributes by name', () => {
    const ours = indexFile([D1], {
      schema: { ...DEFAULT_SCHEMA, relationTypes: [...DEFAULT_SCHEMA.relationTypes, { name: 'contradicts', from: ['Claim'], to: ['Claim'] }] },
    });
    const theirs = indexFile([D1], {
      schema: { ...DEFAULT_SCHEMA, documentAttributes: [...DEFAULT_SCHEMA.documentAttributes, { name: 'region', kind: 'text', default: null }] },
    });
    const { merged, conflicts } = mergeIndexFile(base, ours, theirs);
    expect(conflicts).toBe(0);
    expect(schemaOf(merged).relationTypes.at(-1)?.name).toBe('contradicts');
    expect(schemaOf(merged).documentAttributes.at(-1)?.name).toBe('region');
  });

  it('merges settings key by key and lists a key set differently on both sides', () => {
    const ours = indexFile([D1], { settings: { theme: 'dark', font: 14 } });
    const theirs = indexFile([D1], { settings: { theme: 'sepia', wrap: true } });
    const { merged, conflicts } = mergeIndexFile(base, ours, theirs);
    expect(conflicts).toBe(1);
    expect(merged.settings).toEqual({ theme: 'dark', font: 14, wrap: true });
    expect(merged.conflicts).toEqual([{ field: 'settings.theme', values: ['dark', 'sepia'] }]);
  });

  it('keeps listed conflicts unless one side settled them', () => {
    const listed = indexFile([D1], { conflicts: [{ field: 'settings.theme', values: ['a', 'b'] }] });
    expect(mergeIndexFile(listed, indexFile([D1]), listed).merged).not.toHaveProperty('conflicts');
    const kept = mergeIndexFile(listed, listed, indexFile([D1, D2], { conflicts: listed.conflicts }));
    expect(kept.merged.conflicts).toEqual([{ field: 'settings.theme', values: ['a', 'b'] }]);
  });
});

describe('mergeIndexFile laws', () => {
  const versions = [
    base,
    indexFile([D1, D2]),
    indexFile([D3], { settings: { theme: 'dark' } }),
    indexFile([D2], { schema: withLabel('Cue', () => null) }),
  ];

  it('gives a version merged with itself back, with and without a base', () => {
    for (const x of versions) for (const b of [null, ...versions]) expect(mergeIndexFile(b, x, x)).toEqual({ merged: x, conflicts: 0 });
  });

  it('takes a one-sided change whole', () => {
    for (const x of versions)
      for (const y of versions) {
        expect(mergeIndexFile(x, x, y).merged).toEqual(y);
        expect(mergeIndexFile(x, y, x).merged).toEqual(y);
      }
  });

  it('is symmetric up to which value is kept', () => {
    for (const b of [null, ...versions])
      for (const x of versions)
        for (const y of versions) {
          const one = mergeIndexFile(b, x, y);
          const other = mergeIndexFile(b, y, x);
          expect(one.conflicts).toBe(other.conflicts);
          const swapped = ((other.merged.conflicts as { field: string; values: unknown[] }[] | undefined) ?? []).map((c) => ({
            field: c.field,
            values: [...c.values].reverse(),
          }));
          expect(one.merged.conflicts ?? []).toEqual(swapped);
          const ids = (f: Record<string, unknown>) => (f.documents as { id: string }[]).map((d) => d.id).sort();
          expect(ids(one.merged)).toEqual(ids(other.merged));
        }
  });
});
