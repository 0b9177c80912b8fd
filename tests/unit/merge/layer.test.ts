import { describe, expect, it } from 'vitest';
import { canonicalLayer } from '../../../shared/model/layers';
import { mergeLayer } from '../../../shared/merge/layer';
import { CLAIM, CUE, LINK, OFFICIALS, SOURCE, ann, edit, find, layer, rel } from './fixtures';

const base = layer([CLAIM, SOURCE], [LINK]);

describe('mergeLayer: changes on one side or on different things', () => {
  it('takes the adds of both sides and keeps text order', () => {
    const { merged, conflicts } = mergeLayer(base, layer([CLAIM, SOURCE, OFFICIALS], [LINK]), layer([CLAIM, SOURCE, CUE], [LINK]));
    expect(conflicts).toBe(0);
    expect(merged.annotations.map((a) => a.id)).toEqual(['s1', 'q1', 'c1', 's2']);
    expect(merged).toEqual(canonicalLayer(merged));
  });

  it('applies a delete made on one side (and the link that went with it)', () => {
    const { merged, conflicts } = mergeLayer(base, layer([CLAIM]), base);
    expect(conflicts).toBe(0);
    expect(merged.annotations.map((a) => a.id)).toEqual(['c1']);
    expect(merged.relations).toEqual([]);
  });

  it('takes a field changed on one side, and different fields changed on each side', () => {
    const ours = layer([edit(CLAIM, { label: 'Evidence' }), SOURCE], [LINK]);
    const theirs = layer([edit(CLAIM, { note: 'check the figure', attributes: { checkworthy: 'yes' } }, 't2'), SOURCE], [LINK]);
    const { merged, conflicts } = mergeLayer(base, ours, theirs);
    expect(conflicts).toBe(0);
    expect(find(merged, 'c1')).toMatchObject({ label: 'Evidence', note: 'check the figure', attributes: { checkworthy: 'yes' }, updatedAt: 't2' });
    expect(find(merged, 'c1')).not.toHaveProperty('conflicts');
  });

  it('merges attributes one by one', () => {
    const ours = layer([edit(CLAIM, { attributes: { checkworthy: 'yes' } }), SOURCE], [LINK]);
    const theirs = layer([edit(CLAIM, { attributes: { claim_type: 'statistical' } }), SOURCE], [LINK]);
    expect(find(mergeLayer(base, ours, theirs).merged, 'c1').attributes).toEqual({ checkworthy: 'yes', claim_type: 'statistical' });
  });

  it('takes a layer status or attribute changed on one side', () => {
    const { merged, conflicts } = mergeLayer(
      base,
      layer([CLAIM, SOURCE], [LINK], { status: 'done' }),
      layer([CLAIM, SOURCE], [LINK], { attributes: { topic: 'economy' } }),
    );
    expect(conflicts).toBe(0);
    expect(merged).toMatchObject({ status: 'done', attributes: { topic: 'economy' } });
    expect(merged).not.toHaveProperty('conflicts');
  });
});

describe('mergeLayer: unset values stored the old way', () => {
  // An older Claimdesk stored "unset" (and [] or '') as values; this one drops them when it reads a layer, so a side that only saved it again changed nothing.
  const legacy = layer([edit(CLAIM, { attributes: { checkworthy: 'unset', claim_type: 'unset', topics: [] } }, 't0'), SOURCE], [LINK], {
    attributes: { topic: 'unset', region: '' },
  });
  const resaved = layer([edit(CLAIM, { attributes: {} }, 't0'), SOURCE], [LINK], { attributes: {} });

  it('takes the other side’s choice where one side only dropped the stored "unset", with no conflict, and keeps no unset value', () => {
    const theirs = layer([edit(CLAIM, { attributes: { checkworthy: 'yes', claim_type: 'unset', topics: [] } }, 't1'), SOURCE], [LINK], {
      attributes: { topic: 'economy', region: '' },
    });
    const { merged, conflicts } = mergeLayer(legacy, resaved, theirs);
    expect(conflicts).toBe(0);
    expect(find(merged, 'c1').attributes).toEqual({ checkworthy: 'yes' });
    expect(merged.attributes).toEqual({ topic: 'economy' });
  });

  it('applies a delete made on the other side, since the re-saved annotation did not change', () => {
    const { merged, conflicts } = mergeLayer(legacy, resaved, layer([SOURCE], [], { attributes: legacy.attributes }));
    expect(conflicts).toBe(0);
    expect(merged.annotations.map((a) => a.id)).toEqual(['s1']);
  });
});

describe('mergeLayer: true conflicts keep ours in place and record both values', () => {
  it('records a label changed differently on both sides', () => {
    const { merged, conflicts } = mergeLayer(
      base,
      layer([edit(CLAIM, { label: 'Evidence' }), SOURCE], [LINK]),
      layer([edit(CLAIM, { label: 'Cue' }), SOURCE], [LINK]),
    );
    expect(conflicts).toBe(1);
    expect(find(merged, 'c1')).toMatchObject({ label: 'Evidence', conflicts: [{ field: 'label', values: ['Evidence', 'Cue'] }] });
  });

  it('records start, end and quote together as the span', () => {
    const ours = ann('c1', 'Claim', 'the budget would grow');
    const theirs = ann('c1', 'Claim', 'would grow by ten percent');
    const { merged, conflicts } = mergeLayer(base, layer([ours, SOURCE], [LINK]), layer([theirs, SOURCE], [LINK]));
    expect(conflicts).toBe(1);
    expect(find(merged, 'c1')).toMatchObject({ quote: 'the budget would grow', start: ours.start, end: ours.end });
    expect(find(merged, 'c1').conflicts).toEqual([
      {
        field: 'span',
        values: [
          { start: ours.start, end: ours.end, quote: ours.quote },
          { start: theirs.start, end: theirs.end, quote: theirs.quote },
        ],
      },
    ]);
  });

  it('records each attribute and the note separately, taking the rest', () => {
    const ours = edit(CLAIM, { note: 'mine', attributes: { checkworthy: 'yes', veracity: 'true' } });
    const theirs = edit(CLAIM, { note: 'theirs', attributes: { checkworthy: 'no', quote_form: 'direct' } });
    const { merged, conflicts } = mergeLayer(base, layer([ours, SOURCE], [LINK]), layer([theirs, SOURCE], [LINK]));
    expect(conflicts).toBe(2);
    const c1 = find(merged, 'c1');
    expect(c1).toMatchObject({ note: 'mine', attributes: { checkworthy: 'yes', veracity: 'true', quote_form: 'direct' } });
    expect(c1.conflicts).toEqual([
      { field: 'attributes.checkworthy', values: ['yes', 'no'] },
      { field: 'note', values: ['mine', 'theirs'] },
    ]);
  });

  it('records an absent value as null', () => {
    const { merged } = mergeLayer(null, layer([CLAIM]), layer([edit(CLAIM, { note: 'added' })]));
    expect(find(merged, 'c1').conflicts).toEqual([{ field: 'note', values: [null, 'added'] }]);
  });

  it('keeps an annotation deleted on one side and changed on the other, with a deleted conflict', () => {
    const theirsChanged = edit(CLAIM, { label: 'Evidence' });
    const oursDeleted = mergeLayer(base, layer([SOURCE]), layer([theirsChanged, SOURCE], [LINK]));
    expect(oursDeleted.conflicts).toBe(1);
    expect(find(oursDeleted.merged, 'c1')).toMatchObject({ label: 'Evidence', conflicts: [{ field: 'deleted', values: [true, false] }] });
    const theirsDeleted = mergeLayer(base, layer([theirsChanged, SOURCE], [LINK]), layer([SOURCE]));
    expect(find(theirsDeleted.merged, 'c1').conflicts).toEqual([{ field: 'deleted', values: [false, true] }]);
  });

  it('records a layer status and a layer attribute in the layer', () => {
    const ours = layer([CLAIM, SOURCE], [LINK], { status: 'done', attributes: { topic: 'economy' } });
    const theirs = layer([CLAIM, SOURCE], [LINK], { status: 'new', attributes: { topic: 'politics' } });
    const { merged, conflicts } = mergeLayer(base, ours, theirs);
    expect(conflicts).toBe(2);
    expect(merged).toMatchObject({ status: 'done', attributes: { topic: 'economy' } });
    expect(merged.conflicts).toEqual([
      { field: 'status', values: ['done', 'new'] },
      { field: 'attributes.topic', values: ['economy', 'politics'] },
    ]);
  });

  it('keeps conflicts found earlier, drops the ones settled on either side, and a new one replaces the old', () => {
    const older = edit(CLAIM, {
      conflicts: [
        { field: 'label', values: ['Claim', 'Cue'] },
        { field: 'note', values: ['a', 'b'] },
      ],
    });
    const settled = edit(older, { conflicts: [{ field: 'note', values: ['a', 'b'] }] });
    const { merged } = mergeLayer(layer([older]), layer([settled]), layer([edit(older, { label: 'Evidence' })]));
    expect(find(merged, 'c1')).toMatchObject({ label: 'Evidence', conflicts: [{ field: 'note', values: ['a', 'b'] }] });
    const again = mergeLayer(layer([older]), layer([edit(older, { note: 'x' })]), layer([edit(older, { note: 'y' })]));
    expect(find(again.merged, 'c1').conflicts).toEqual([
      { field: 'label', values: ['Claim', 'Cue'] },
      { field: 'note', values: ['x', 'y'] },
    ]);
    expect(again.conflicts).toBe(1);
  });
});

describe('mergeLayer: relations', () => {
  it('merges relations by id: adds from both sides, deletes applied', () => {
    const r2 = rel('r2', 'c1', 's2');
    const ours = layer([CLAIM, SOURCE, OFFICIALS], [LINK, r2]);
    const theirs = layer([CLAIM, SOURCE]);
    const { merged, conflicts } = mergeLayer(base, ours, theirs);
    expect(conflicts).toBe(0);
    expect(merged.relations).toEqual([r2]);
  });

  it('drops a relation whose end the other side deleted, and records and counts it', () => {
    const r2 = rel('r2', 'c1', 's2');
    const withOfficials = layer([CLAIM, SOURCE, OFFICIALS], [LINK]);
    const { merged, conflicts } = mergeLayer(withOfficials, layer([CLAIM, SOURCE, OFFICIALS], [LINK, r2]), layer([CLAIM, SOURCE], [LINK]));
    expect(merged.relations).toEqual([LINK]);
    expect(conflicts).toBe(1);
    expect(merged.conflicts).toEqual([{ field: 'relations.r2.dropped', values: [r2, null] }]);
  });

  it('records a relation type changed differently on both sides', () => {
    const { merged, conflicts } = mergeLayer(
      base,
      layer([CLAIM, SOURCE], [{ ...LINK, type: 'a' }]),
      layer([CLAIM, SOURCE], [{ ...LINK, type: 'b' }]),
    );
    expect(conflicts).toBe(1);
    expect(merged.relations[0]?.type).toBe('a');
    expect(merged.conflicts).toEqual([{ field: 'relations.r1.type', values: ['a', 'b'] }]);
  });
});

describe('mergeLayer: no common ancestor', () => {
  it('adds what both sides added, and records what they added differently under one id', () => {
    const { merged, conflicts } = mergeLayer(null, layer([CLAIM, SOURCE]), layer([edit(CLAIM, { label: 'Cue' }, 't0'), OFFICIALS]));
    expect(merged.annotations.map((a) => a.id).sort()).toEqual(['c1', 's1', 's2']);
    expect(conflicts).toBe(1);
    expect(find(merged, 'c1').conflicts).toEqual([{ field: 'label', values: ['Claim', 'Cue'] }]);
  });
});

describe('mergeLayer: the curated layer’s rejected candidates', () => {
  it('keeps every rejection made on either side and drops one taken back on either side', () => {
    const was = { ...base, rejected: ['k1', 'k2'] };
    const ours = { ...base, rejected: ['k1', 'k2', 'k3'] }; // rejected k3 here
    const theirs = { ...base, rejected: ['k2', 'k4'] }; // took k1 back there, rejected k4
    const { merged, conflicts } = mergeLayer(canonicalLayer(was), canonicalLayer(ours), canonicalLayer(theirs));
    expect(merged.rejected).toEqual(['k2', 'k3', 'k4']);
    expect(conflicts).toBe(0);
  });
});
