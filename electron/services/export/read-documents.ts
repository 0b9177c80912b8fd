/**
 * How an export reads documents: in order, a few ahead of the one being serialized. File reads
 * run on libuv's threads, so reading the next documents overlaps parsing and serializing this
 * one; the bound keeps memory flat.
 */
import type { DocId, DocumentData } from '../../../shared/model/types';

/** Documents read ahead of the one being used. */
const READ_AHEAD = 4;

/**
 * Reads documents in order, up to READ_AHEAD of them in flight.
 * @param read reads one document (the export scopes it too)
 * @returns each item with its document, in the items' order; a failed read throws at its item
 */
export async function* readInOrder<T extends { id: DocId }>(items: readonly T[], read: (id: DocId) => Promise<DocumentData>): AsyncGenerator<[T, DocumentData]> {
  const pending: Promise<DocumentData>[] = [];
  let next = 0;
  for (let i = 0; i < items.length; i++) {
    while (next < items.length && next < i + READ_AHEAD) {
      const reading = read(items[next++]!.id);
      reading.catch(() => undefined); // a read left behind by a cancelled or failed export must not be an unhandled rejection
      pending.push(reading);
    }
    yield [items[i]!, await pending.shift()!];
  }
}
