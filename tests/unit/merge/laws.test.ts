import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LayerFile } from '../../../shared/model/layers';
import type { Annotation, FieldConflict } from '../../../shared/model/types';
import { mergeLayer } from '../../../shared/merge/layer';
import { conflictsIn } from '../../../shared/merge/workspace-json';
import { ann, layer, pretty, rel } from './fixtures';

// Random layers over a small pool of ids, labels, spans and values, so that three of them
// (base, ours, theirs) share ids often: every case of the merge (adds, deletes, one-sided and
// two-sided changes, deleted-and-changed, dangling relations) comes up.
const IDS = ['a', 'b', 'c', 'd'];
const arbAnnotation = (id: string): fc.Arbitrary<Annotation> =>
  fc
    .record({
      label: fc.constantFrom('Claim', 'Source', 'Cue'),
      quote: fc.constantFrom('The minister', 'said', 'the budget', 'ten percent', 'officials'),
      attributes: fc.record({ x: fc.constantFrom('yes', 'no'), y: fc.constantFrom('p', 'q') }, { requiredKeys: [] }),
      note: fc.option(fc.constantFrom('n1', 'n2'), { nil: undefined }),
      updatedAt: fc.constantFrom('t0', 't1', 't2'),
    })
    .map(({ label, quote, attributes, note, updatedAt }) =>
      ann(id, label, quote, note === undefined ? { attributes, updatedAt } : { attributes, note, updatedAt }),
    );

const arbLayer: fc.Arbitrary<LayerFile> = fc
  .record({
    ids: fc.subarray(IDS),
    status: fc.constantFrom('new', 'in_progress', 'done' as const),
    topic: fc.option(fc.constantFrom('economy', 'politics'), { nil: undefined }),
    links: fc.array(
      fc.record({
        id: fc.constantFrom('r1', 'r2', 'r3'),
        from: fc.constantFrom(...IDS),
        to: fc.constantFrom(...IDS),
        type: fc.constantFrom('t', 'u'),
      }),
      {
        maxLength: 3,
      },
    ),
  })
  .chain(({ ids, status, topic, links }) =>
    fc.tuple(...ids.map(arbAnnotation)).map((annotations) => {
      const relations = [
        ...new Map(links.filter((l) => ids.includes(l.from) && ids.includes(l.to)).map((l) => [l.id, rel(l.id, l.from, l.to, l.type)])).values(),
      ];
      return layer(annotations, relations, { status, attributes: topic === undefined ? {} : { topic } });
    }),
  );

/** The merge with every conflict taken out: each conflicted field left out, each conflict listed with its values as a set. */
function settled(merged: LayerFile): { layer: unknown; conflicts: string[] } {
  const conflicts: string[] = [];
  const note = (where: string, list: readonly FieldConflict[] | undefined) => {
    for (const c of list ?? []) conflicts.push(`${where}${c.field}=${[JSON.stringify(c.values[0]), JSON.stringify(c.values[1])].sort().join('|')}`);
  };
  const strip = <T extends Record<string, unknown>>(value: T, list: readonly FieldConflict[] | undefined): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...value, attributes: { ...(value.attributes as object) } };
    delete out.conflicts;
    for (const { field } of list ?? []) {
      if (field === 'span') for (const f of ['start', 'end', 'quote']) delete out[f];
      else if (field.startsWith('attributes.')) delete (out.attributes as Record<string, unknown>)[field.slice('attributes.'.length)];
      else delete out[field];
    }
    return out;
  };
  note('', merged.conflicts);
  for (const a of merged.annotations) note(`${a.id}.`, a.conflicts);
  const relationFields = (merged.conflicts ?? []).filter((c) => c.field.startsWith('relations.'));
  const relations = merged.relations.map((r) => {
    const out: Record<string, unknown> = { ...r };
    for (const c of relationFields) if (c.field.startsWith(`relations.${r.id}.`)) delete out[c.field.split('.')[2]!];
    return out;
  });
  return {
    // Ours' span decides an annotation's place in text order, so compare annotations by id.
    layer: {
      ...strip(merged, merged.conflicts),
      annotations: [...merged.annotations].sort((a, b) => a.id.localeCompare(b.id)).map((a) => strip(a, a.conflicts)),
      relations,
    },
    conflicts: conflicts.sort(),
  };
}

describe('mergeLayer laws', () => {
  it('merging a version with itself gives it back: merge(base, x, x) = x', () => {
    fc.assert(
      fc.property(fc.option(arbLayer, { nil: null }), arbLayer, (base, x) => {
        expect(mergeLayer(base, x, x)).toEqual({ merged: x, conflicts: 0 });
      }),
    );
  });

  it('a change on one side only is taken whole: merge(x, x, y) = merge(x, y, x) = y', () => {
    fc.assert(
      fc.property(arbLayer, arbLayer, (x, y) => {
        expect(mergeLayer(x, x, y)).toEqual({ merged: y, conflicts: 0 });
        expect(mergeLayer(x, y, x)).toEqual({ merged: y, conflicts: 0 });
      }),
    );
  });

  it('is symmetric up to which value is kept: the same result once conflicts are set aside, the same conflicts with their values swapped', () => {
    fc.assert(
      fc.property(fc.option(arbLayer, { nil: null }), arbLayer, arbLayer, (base, ours, theirs) => {
        const one = mergeLayer(base, ours, theirs);
        const other = mergeLayer(base, theirs, ours);
        expect(one.conflicts).toBe(other.conflicts);
        expect(settled(one.merged)).toEqual(settled(other.merged));
      }),
    );
  });

  it('counts every conflict it records (inputs without conflicts), and every relation it keeps links annotations it keeps', () => {
    fc.assert(
      fc.property(fc.option(arbLayer, { nil: null }), arbLayer, arbLayer, (base, ours, theirs) => {
        const { merged, conflicts } = mergeLayer(base, ours, theirs);
        expect(conflictsIn('documents/abc123/layers/ann.json', pretty(merged))).toBe(conflicts);
        const ids = new Set(merged.annotations.map((a) => a.id));
        for (const r of merged.relations) expect(ids.has(r.from) && ids.has(r.to)).toBe(true);
      }),
    );
  });

  it('keeps every annotation either side has unless the other deleted it unchanged', () => {
    fc.assert(
      fc.property(arbLayer, arbLayer, arbLayer, (base, ours, theirs) => {
        const { merged } = mergeLayer(base, ours, theirs);
        const has = (l: LayerFile, id: string) => l.annotations.find((a) => a.id === id);
        for (const id of IDS) {
          const [b, o, t] = [has(base, id), has(ours, id), has(theirs, id)];
          const deletedUnchanged =
            b !== undefined &&
            ((o === undefined && JSON.stringify(t) === JSON.stringify(b)) || (t === undefined && JSON.stringify(o) === JSON.stringify(b)));
          expect(has(merged, id) !== undefined).toBe((o !== undefined || t !== undefined) && !deletedUnchanged);
        }
      }),
    );
  });
});
