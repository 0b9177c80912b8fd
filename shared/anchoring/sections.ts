/**
 * The renderer groups an article's blocks into sections of SECTION_SIZE blocks (doc >
 * section > block), because ProseMirror's view walks every child of a node, and looks up
 * each child's decorations linearly, whenever that node's decorations change: with thousands
 * of top-level blocks, one new highlight would cost O(blocks²). This module converts between
 * "flat" PM positions (one top-level node per block, as shared/anchoring/pm-offsets.ts
 * counts) and positions in the sectioned document: section `s` adds one opening token before
 * its blocks and one closing token after them. Pure; lookups are binary searches over a
 * per-`blocks` table cached in a WeakMap.
 */
import type { Block } from '../model/types';

/** Blocks per section: about the square root of a long article's block count. */
export const SECTION_SIZE = 64;

type SectionTable = Readonly<{
  /** Flat PM position where each section's first block starts (its opening token). */
  flatStarts: Int32Array;
  /** Size of the flat document's content. */
  flatSize: number;
}>;

const tables = new WeakMap<readonly Block[], SectionTable>();

function tableFor(blocks: readonly Block[]): SectionTable {
  const cached = tables.get(blocks);
  if (cached) return cached;
  const sections = Math.max(1, Math.ceil(blocks.length / SECTION_SIZE));
  const flatStarts = new Int32Array(sections);
  let pos = 0;
  blocks.forEach((block, i) => {
    if (i % SECTION_SIZE === 0) flatStarts[i / SECTION_SIZE] = pos;
    pos += block.end - block.start + 2;
  });
  const table = { flatStarts, flatSize: blocks.length === 0 ? 2 : pos };
  tables.set(blocks, table);
  return table;
}

/** Index of the last section starting at or before flat position `pos` (0 when none). */
function sectionAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Maps a flat PM position to the sectioned document. A position between two blocks of
 * different sections maps to the end of the earlier section's last block.
 * @param pos 0 <= pos <= flat content size
 * @throws RangeError when `pos` is outside the flat document
 */
export function sectionedFromFlat(blocks: readonly Block[], pos: number): number {
  const t = tableFor(blocks);
  if (!Number.isInteger(pos) || pos < 0 || pos > t.flatSize) throw new RangeError(`PM position ${pos} is outside the document [0, ${t.flatSize}]`);
  // A boundary position belongs to the section ending there, except the very start.
  const s = pos === 0 ? 0 : sectionAt(t.flatStarts, pos - 1);
  return pos + 1 + 2 * s;
}

/**
 * Maps a position in the sectioned document to a flat PM position. Positions on a section's
 * own tokens (before or after its blocks) map to the nearest block boundary.
 * @throws RangeError when `pos` is outside the sectioned document
 */
export function flatFromSectioned(blocks: readonly Block[], pos: number): number {
  const t = tableFor(blocks);
  const size = t.flatSize + 2 * t.flatStarts.length;
  if (!Number.isInteger(pos) || pos < 0 || pos > size) throw new RangeError(`PM position ${pos} is outside the document [0, ${size}]`);
  // Section s occupies [flatStarts[s] + 2s, flatEnd(s) + 2s + 2) in sectioned positions.
  let lo = 0;
  let hi = t.flatStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((t.flatStarts[mid] as number) + 2 * mid <= pos) lo = mid;
    else hi = mid - 1;
  }
  const start = (t.flatStarts[lo] as number) + 2 * lo;
  const end = lo + 1 < t.flatStarts.length ? (t.flatStarts[lo + 1] as number) : t.flatSize;
  return Math.min(end, Math.max(t.flatStarts[lo] as number, pos - start - 1 + (t.flatStarts[lo] as number)));
}
