/**
 * Conversions between text offsets (UTF-16 code units into `DocumentData.text`) and
 * ProseMirror positions in the document the renderer builds from the same blocks: one
 * top-level PM node per block, in order, holding exactly `text.slice(block.start, block.end)`
 * as inline text (see renderer/editor/build-doc.ts). A document with no blocks is built as
 * one empty paragraph.
 *
 * PM counts a block's opening and closing token as one position each, so block `i`'s
 * content starts at `pmStart(i) + 1` where `pmStart(i)` is the sum of the node sizes
 * (`length + 2`) of the blocks before it. For canonical text (blocks joined by "\n\n") that
 * is simply `offset + 1`, but nothing here relies on it: any gaps between blocks work.
 *
 * Lookups are binary searches over a per-`blocks` table that is built once and cached in a
 * WeakMap (documents can have thousands of blocks). Pure: no DOM, no ProseMirror import.
 */
import type { Block } from '../model/types';

/**
 * Which way a value that falls between two blocks leans: `1` to the start of the following
 * block, `-1` to the end of the preceding one. Ranges use `1` for their start and `-1` for
 * their end, so they never swallow the separator between blocks.
 */
export type Assoc = -1 | 1;

type OffsetTable = Readonly<{
  /** Text offset of each block's start. */
  starts: Int32Array;
  /** Text offset of each block's end. */
  ends: Int32Array;
  /** PM position of the first character of each block (just inside its opening token). */
  pmContent: Int32Array;
  /** Size of the PM document's content (`doc.content.size`). */
  pmSize: number;
}>;

const tables = new WeakMap<readonly Block[], OffsetTable>();

function tableFor(blocks: readonly Block[]): OffsetTable {
  const cached = tables.get(blocks);
  if (cached) return cached;
  const n = blocks.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const pmContent = new Int32Array(n);
  let pm = 0;
  let previousEnd = 0;
  for (let i = 0; i < n; i++) {
    const block = blocks[i] as Block;
    if (!(block.start >= previousEnd && block.end >= block.start))
      throw new RangeError(`block ${i} [${block.start}, ${block.end}) overlaps or precedes block ${i - 1}`);
    starts[i] = block.start;
    ends[i] = block.end;
    pmContent[i] = pm + 1;
    pm += block.end - block.start + 2;
    previousEnd = block.end;
  }
  const table: OffsetTable = { starts, ends, pmContent, pmSize: n === 0 ? 2 : pm };
  tables.set(blocks, table);
  return table;
}

/** Index of the last entry of the ascending `values` that is <= `x`, or -1 when there is none. */
function lastAtOrBefore(values: Int32Array, x: number): number {
  let lo = 0;
  let hi = values.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The size of the PM document built from `blocks` (`doc.content.size`).
 * @returns the largest valid PM position
 */
export function pmDocSize(blocks: readonly Block[]): number {
  return tableFor(blocks).pmSize;
}

/**
 * Maps a text offset to a PM position. An offset inside a block, or at either of its edges,
 * maps to the matching position in that block's text. An offset in the gap between two
 * blocks (the "\n\n" separator) maps to the nearest block edge on the `assoc` side; one
 * before the first block maps to its start, one after the last block to its end. (Where two
 * blocks touch with no gap, their shared offset also goes to the `assoc` side.)
 * @param blocks the document's blocks, ascending and non-overlapping
 * @param offset a UTF-16 offset, `0 <= offset`
 * @param assoc where a gap offset leans (default 1: start of the following block)
 * @returns a PM position inside a textblock's content
 * @throws RangeError when `offset` is negative or not an integer, or the blocks overlap
 */
export function pmPosFromOffset(blocks: readonly Block[], offset: number, assoc: Assoc = 1): number {
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`text offset ${offset} is not a non-negative integer`);
  const t = tableFor(blocks);
  const n = t.starts.length;
  if (n === 0) return 1;
  let i = lastAtOrBefore(t.starts, offset);
  if (i < 0) return t.pmContent[0] as number;
  // Blocks with no gap share an offset (end of one, start of the next): assoc picks the side.
  if (assoc === -1 && i > 0 && offset === t.starts[i] && offset === t.ends[i - 1]) i -= 1;
  const start = t.starts[i] as number;
  const end = t.ends[i] as number;
  const content = t.pmContent[i] as number;
  if (offset <= end) return content + (offset - start);
  // In the gap after block i.
  if (assoc === 1 && i + 1 < n) return t.pmContent[i + 1] as number;
  return content + (end - start);
}

/**
 * Maps a PM position to a text offset. A position inside a block's content (or at its
 * edges) maps to the matching text offset. A position between two blocks (before the
 * opening token of one, after the closing token of the other) is one step from each block
 * edge; it maps to the start of the following block (`assoc` 1) or the end of the
 * preceding one (`assoc` -1). Position 0 maps to the first block's start and the last
 * position to the last block's end, whatever `assoc` says.
 * @param blocks the document's blocks, ascending and non-overlapping
 * @param pos a PM position, `0 <= pos <= pmDocSize(blocks)`
 * @param assoc where a between-blocks position leans (default 1: start of the following block)
 * @returns a UTF-16 offset into the document's text
 * @throws RangeError when `pos` is outside the document or not an integer
 */
export function offsetFromPmPos(blocks: readonly Block[], pos: number, assoc: Assoc = 1): number {
  const t = tableFor(blocks);
  if (!Number.isInteger(pos) || pos < 0 || pos > t.pmSize) throw new RangeError(`PM position ${pos} is outside the document [0, ${t.pmSize}]`);
  const n = t.starts.length;
  if (n === 0) return 0;
  const i = lastAtOrBefore(t.pmContent, pos);
  if (i < 0) return t.starts[0] as number; // position 0, before the first block
  const start = t.starts[i] as number;
  const end = t.ends[i] as number;
  const into = pos - (t.pmContent[i] as number);
  if (into <= end - start) return start + into;
  // After block i's closing token: between block i and block i + 1, or the document's end.
  if (assoc === 1 && i + 1 < n) return t.starts[i + 1] as number;
  return end;
}
