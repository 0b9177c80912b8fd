import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flatFromSectioned, SECTION_SIZE, sectionedFromFlat } from '../../../shared/anchoring/sections';

/** The renderer groups blocks into sections of SECTION_SIZE (at least one section). */
const sectionCount = (blocks: readonly Block[]): number => Math.max(1, Math.ceil(blocks.length / SECTION_SIZE));
import { pmDocSize, pmPosFromOffset } from '../../../shared/anchoring/pm-offsets';
import type { Block } from '../../../shared/model/types';

/** Blocks of the given lengths, joined by "\n\n" like canonical text. */
function blocksOf(lengths: readonly number[]): Block[] {
  let at = 0;
  return lengths.map((len) => {
    const block: Block = { type: 'paragraph', start: at, end: at + len };
    at += len + 2;
    return block;
  });
}

/** The sectioned positions of each block's content start, computed the slow way. */
function contentStarts(lengths: readonly number[]): number[] {
  const out: number[] = [];
  let pos = 0;
  lengths.forEach((len, i) => {
    if (i % SECTION_SIZE === 0) pos += 1; // the section's opening token
    out.push(pos + 1);
    pos += len + 2;
    if (i % SECTION_SIZE === SECTION_SIZE - 1) pos += 1; // its closing token
  });
  return out;
}

describe('sectioned positions', () => {
  it('shifts positions by the section tokens before them', () => {
    const lengths = Array.from({ length: SECTION_SIZE * 2 + 5 }, (_, i) => (i * 7) % 13);
    const blocks = blocksOf(lengths);
    expect(sectionCount(blocks)).toBe(3);
    const starts = contentStarts(lengths);
    blocks.forEach((b, i) => {
      const flat = pmPosFromOffset(blocks, b.start, 1);
      expect(sectionedFromFlat(blocks, flat)).toBe(starts[i]);
      expect(flatFromSectioned(blocks, starts[i]!)).toBe(flat);
    });
  });

  it('round-trips every flat position, and maps section tokens to block boundaries', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(12), { minLength: 1, maxLength: SECTION_SIZE * 3 }), (lengths) => {
        const blocks = blocksOf(lengths);
        const size = pmDocSize(blocks);
        let last = -1;
        for (let pos = 0; pos <= size; pos++) {
          const sectioned = sectionedFromFlat(blocks, pos);
          expect(sectioned).toBeGreaterThan(last);
          last = sectioned;
          expect(flatFromSectioned(blocks, sectioned)).toBe(pos);
        }
        const total = size + 2 * sectionCount(blocks);
        for (let pos = 0; pos <= total; pos++) {
          const flat = flatFromSectioned(blocks, pos);
          expect(flat).toBeGreaterThanOrEqual(0);
          expect(flat).toBeLessThanOrEqual(size);
        }
      }),
    );
  });

  it('refuses positions outside the document', () => {
    const blocks = blocksOf([3, 4]);
    expect(() => sectionedFromFlat(blocks, -1)).toThrow(RangeError);
    expect(() => flatFromSectioned(blocks, 1000)).toThrow(RangeError);
  });
});
