/** Reading ahead for an export: order kept, a bounded number of reads in flight, failures at their item. */
import { describe, expect, it } from 'vitest';
import { readInOrder } from '../../../electron/services/export/read-documents';
import type { DocumentData } from '../../../shared/model/types';

const items = Array.from({ length: 20 }, (_, i) => ({ id: `d${i}` }));

/** A reader that finishes reads in a scrambled order and records how many are in flight. */
function scrambledReader(fail?: string) {
  let inFlight = 0;
  let most = 0;
  const read = async (id: string): Promise<DocumentData> => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    await new Promise((r) => setTimeout(r, (Number(id.slice(1)) * 7) % 5));
    inFlight -= 1;
    if (id === fail) throw new Error(`cannot read ${id}`);
    return { id } as unknown as DocumentData;
  };
  return { read, most: () => most };
}

describe('readInOrder', () => {
  it('yields every item with its document, in order, with a few reads in flight at most', async () => {
    const reader = scrambledReader();
    const seen: string[] = [];
    for await (const [item, doc] of readInOrder(items, reader.read)) {
      expect(doc.id).toBe(item.id);
      seen.push(item.id);
    }
    expect(seen).toEqual(items.map((i) => i.id));
    expect(reader.most()).toBeGreaterThan(1);
    expect(reader.most()).toBeLessThanOrEqual(4);
  });

  it('throws a failed read at its item, after the ones before it', async () => {
    const reader = scrambledReader('d7');
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const [item] of readInOrder(items, reader.read)) seen.push(item.id);
      })(),
    ).rejects.toThrow('cannot read d7');
    expect(seen).toEqual(items.slice(0, 7).map((i) => i.id));
  });

  it('leaves no unhandled rejection behind when the caller stops early', async () => {
    const reader = scrambledReader('d3');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      for await (const [item] of readInOrder(items, reader.read)) if (item.id === 'd1') break;
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});
