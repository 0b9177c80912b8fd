/** Splits: reproducible with a seed, disjoint, duplicates together, stratified when asked. */
import { describe, expect, it } from 'vitest';
import { assignSplits, parseSplitRatios, type SplitItem } from '../../../shared/formats/split';

const items: SplitItem[] = Array.from({ length: 100 }, (_, i) => ({
  id: `d${i}`,
  contentKey: i % 10 === 0 ? 'dup' : `k${i}`,
  hasClaims: i % 7 === 0,
}));

describe('assignSplits', () => {
  it('is reproducible for a seed, different for another, and independent of input order', () => {
    const a = assignSplits(items, [80, 10, 10], 7, false);
    expect([...assignSplits(items, [80, 10, 10], 7, false)]).toEqual([...a]);
    expect(new Map(assignSplits([...items].reverse(), [80, 10, 10], 7, false))).toEqual(a);
    expect([...assignSplits(items, [80, 10, 10], 8, false)]).not.toEqual([...a]);
  });

  it('gives each document exactly one split, by the ratios', () => {
    const a = assignSplits(items, [80, 10, 10], 1, false);
    expect(a.size).toBe(items.length);
    const groups = new Set(items.map((i) => i.contentKey)).size; // 91 groups
    const count = (s: string) => [...a.values()].filter((v) => v === s).length;
    expect(count('train') + count('dev') + count('test')).toBe(100);
    expect(count('dev')).toBeGreaterThanOrEqual(Math.floor(groups * 0.1) - 1);
  });

  it('keeps documents with the same content in one split', () => {
    const a = assignSplits(items, [34, 33, 33], 3, false);
    expect(new Set(items.filter((i) => i.contentKey === 'dup').map((i) => a.get(i.id))).size).toBe(1);
  });

  it('gives every split claims when stratified', () => {
    const few: SplitItem[] = Array.from({ length: 30 }, (_, i) => ({ id: `d${i}`, contentKey: `k${i}`, hasClaims: i < 3 }));
    for (let seed = 0; seed < 20; seed++) {
      const a = assignSplits(few, [80, 10, 10], seed, true);
      for (const s of ['train', 'dev', 'test']) expect(few.some((i) => i.hasClaims && a.get(i.id) === s)).toBe(true);
    }
  });

  it('parses ratios', () => {
    expect(parseSplitRatios('80/10/10')).toEqual([80, 10, 10]);
    expect(parseSplitRatios('0.9/0.1')).toEqual([0.9, 0.1, 0]);
    expect(parseSplitRatios('80/x/10')).toBeNull();
    expect(parseSplitRatios('0/0/0')).toBeNull();
    expect(parseSplitRatios('80')).toBeNull();
  });
});
