/**
 * Text offsets <-> positions in the view's document. The view groups blocks into sections
 * (see shared/anchoring/sections.ts), so every conversion goes through the flat positions
 * of shared/anchoring/pm-offsets.ts and then the section shift. The only place in the
 * renderer that converts offsets.
 */
import { offsetFromPmPos, pmPosFromOffset, type Assoc } from '../../shared/anchoring/pm-offsets';
import { flatFromSectioned, sectionedFromFlat } from '../../shared/anchoring/sections';
import type { Block } from '../../shared/model/types';

/**
 * The view position of a text offset (see pmPosFromOffset for `assoc`).
 * @throws RangeError on a negative or non-integer offset
 */
export function viewPosFromOffset(blocks: readonly Block[], offset: number, assoc: Assoc = 1): number {
  return sectionedFromFlat(blocks, pmPosFromOffset(blocks, offset, assoc));
}

/**
 * The text offset of a view position (see offsetFromPmPos for `assoc`).
 * @throws RangeError when `pos` is outside the document
 */
export function offsetFromViewPos(blocks: readonly Block[], pos: number, assoc: Assoc = 1): number {
  return offsetFromPmPos(blocks, flatFromSectioned(blocks, pos), assoc);
}
