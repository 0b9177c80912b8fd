/**
 * Properties of the text-offset <-> ProseMirror-position maps in shared/anchoring/pm-offsets:
 * round trips, agreement with a real PM document built from the same blocks (with a schema
 * shaped like the renderer's: doc > (heading | paragraph | quote)+, inline text only), and
 * the documented edge rules between blocks.
 */
import fc from 'fast-check';
import { Schema, type Node as PmNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { offsetFromPmPos, pmDocSize, pmPosFromOffset } from '../../../shared/anchoring/pm-offsets';
import { layoutBlocks, type BlockDraft } from '../../../shared/model/blocks';
import type { Block } from '../../../shared/model/types';

const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    heading: { group: 'block', content: 'text*', attrs: { level: { default: 1 } } },
    paragraph: { group: 'block', content: 'text*' },
    quote: { group: 'block', content: 'text*' },
    text: {},
  },
});

function buildDoc(text: string, blocks: readonly Block[]): PmNode {
  const nodes = blocks.map((b) => {
    const content = text.slice(b.start, b.end);
    const inline = content === '' ? [] : [schema.text(content)];
    return b.type === 'heading' ? schema.node('heading', { level: b.level ?? 1 }, inline) : schema.node(b.type, null, inline);
  });
  return schema.node('doc', null, nodes.length > 0 ? nodes : [schema.node('paragraph')]);
}

// Block text: any UTF-16 (lone surrogates, emoji, CJK, newlines) so offsets are code units.
const blockText = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
  fc.constantFrom('a', '😀', '日本', 'x\ny', '"Hi," Hill said.'),
);
const draft: fc.Arbitrary<BlockDraft> = fc.oneof(
  fc.record({ type: fc.constant('paragraph' as const), text: blockText }),
  fc.record({ type: fc.constant('quote' as const), text: blockText }),
  fc.record({ type: fc.constant('heading' as const), text: blockText, level: fc.integer({ min: 1, max: 6 }) }),
);
/** Canonical documents, laid out as the importers do (blocks joined by "\n\n"). */
const canonical = fc
  .array(draft, { minLength: 1, maxLength: 12 })
  .map((drafts) => layoutBlocks(drafts))
  .filter((d) => d.blocks.length > 0);

/** Documents whose blocks are separated by gaps of any non-zero width (and may start late). */
const gapped = fc
  .array(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.string({ minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 10 })
  .map((parts) => {
    let text = '';
    const blocks: Block[] = [];
    for (const [gap, content] of parts) {
      text += gap;
      blocks.push({ type: 'paragraph', start: text.length, end: text.length + content.length });
      text += content;
    }
    return { text, blocks };
  });

const anyDoc = fc.oneof(canonical, gapped);

describe('pmPosFromOffset / offsetFromPmPos', () => {
  it('offset -> pos -> offset is the identity for every offset inside a block (edges included)', () => {
    fc.assert(
      fc.property(anyDoc, ({ blocks }) => {
        for (const b of blocks)
          for (let o = b.start; o <= b.end; o++) {
            for (const assoc of [1, -1] as const) expect(offsetFromPmPos(blocks, pmPosFromOffset(blocks, o, assoc), assoc)).toBe(o);
          }
      }),
    );
  });

  it('lands in the right PM block at the right place, and knows the document size', () => {
    fc.assert(
      fc.property(anyDoc, ({ text, blocks }) => {
        const doc = buildDoc(text, blocks);
        expect(pmDocSize(blocks)).toBe(doc.content.size);
        blocks.forEach((b, i) => {
          for (let o = b.start; o <= b.end; o++) {
            const $pos = doc.resolve(pmPosFromOffset(blocks, o));
            expect($pos.depth).toBe(1);
            expect($pos.index(0)).toBe(i);
            expect($pos.parentOffset).toBe(o - b.start);
          }
        });
      }),
    );
  });

  it('a PM text slice equals text.slice for any range whose ends are inside blocks', () => {
    const withRange = canonical.chain((d) => {
      const inBlock = fc.integer({ min: 0, max: d.blocks.length - 1 }).chain((i) => {
        const b = d.blocks[i] as Block;
        return fc.integer({ min: b.start, max: b.end });
      });
      return fc.tuple(fc.constant(d), inBlock, inBlock);
    });
    fc.assert(
      fc.property(withRange, ([{ text, blocks }, a, b]) => {
        const [s, e] = a <= b ? [a, b] : [b, a];
        const doc = buildDoc(text, blocks);
        const from = pmPosFromOffset(blocks, s, 1);
        const to = pmPosFromOffset(blocks, e, -1);
        expect(doc.textBetween(from, to, '\n\n')).toBe(text.slice(s, e));
      }),
    );
  });

  it('every PM position maps into the text, and positions inside a textblock round-trip', () => {
    fc.assert(
      fc.property(anyDoc, ({ text, blocks }) => {
        const doc = buildDoc(text, blocks);
        for (let pos = 0; pos <= doc.content.size; pos++) {
          const $pos = doc.resolve(pos);
          const forward = offsetFromPmPos(blocks, pos, 1);
          const backward = offsetFromPmPos(blocks, pos, -1);
          expect(forward).toBeGreaterThanOrEqual(0);
          expect(backward).toBeLessThanOrEqual(text.length);
          if ($pos.parent.isTextblock) {
            expect(forward).toBe(backward);
            expect(pmPosFromOffset(blocks, forward)).toBe(pos);
          } else {
            // Between blocks: forward leans to the next block's start, backward to the previous block's end.
            const after = $pos.index(0);
            const next = blocks[Math.min(after, blocks.length - 1)] as Block;
            const prev = blocks[Math.max(after - 1, 0)] as Block;
            expect(forward).toBe(after < blocks.length ? next.start : prev.end);
            expect(backward).toBe(after > 0 ? prev.end : next.start);
          }
        }
      }),
    );
  });

  it('offsets in the gap between blocks go to the nearest edge on the assoc side', () => {
    fc.assert(
      fc.property(
        canonical.filter((d) => d.blocks.length > 1),
        ({ text, blocks }) => {
          const doc = buildDoc(text, blocks);
          for (let i = 0; i + 1 < blocks.length; i++) {
            const prev = blocks[i] as Block;
            const next = blocks[i + 1] as Block;
            for (let o = prev.end + 1; o < next.start; o++) {
              expect(doc.resolve(pmPosFromOffset(blocks, o, 1)).parentOffset).toBe(0);
              expect(doc.resolve(pmPosFromOffset(blocks, o, 1)).index(0)).toBe(i + 1);
              expect(pmPosFromOffset(blocks, o, -1)).toBe(pmPosFromOffset(blocks, prev.end));
            }
          }
        },
      ),
    );
  });

  it('maps an empty document (built as one empty paragraph) and rejects positions outside it', () => {
    expect(pmPosFromOffset([], 0)).toBe(1);
    expect(offsetFromPmPos([], 1)).toBe(0);
    expect(pmDocSize([])).toBe(2);
    const { blocks } = layoutBlocks([{ type: 'paragraph', text: 'Hill said.' }]);
    expect(() => pmPosFromOffset(blocks, -1)).toThrow(RangeError);
    expect(() => pmPosFromOffset(blocks, 1.5)).toThrow(RangeError);
    expect(() => offsetFromPmPos(blocks, pmDocSize(blocks) + 1)).toThrow(RangeError);
    expect(() =>
      offsetFromPmPos(
        [
          { type: 'paragraph', start: 5, end: 9 },
          { type: 'paragraph', start: 2, end: 3 },
        ],
        0,
      ),
    ).toThrow(RangeError);
  });

  it('gives the shared offset of two touching blocks to the assoc side', () => {
    const blocks: Block[] = [
      { type: 'paragraph', start: 0, end: 2 },
      { type: 'paragraph', start: 2, end: 4 },
    ];
    expect(pmPosFromOffset(blocks, 2, -1)).toBe(3); // end of the first block's content
    expect(pmPosFromOffset(blocks, 2, 1)).toBe(5); // start of the second block's content
    expect(offsetFromPmPos(blocks, 3)).toBe(2);
    expect(offsetFromPmPos(blocks, 5)).toBe(2);
  });

  it('handles thousands of blocks (binary search over a cached table)', () => {
    const { text, blocks } = layoutBlocks(Array.from({ length: 5000 }, (_, i) => ({ type: 'paragraph' as const, text: `Paragraph ${i}.` })));
    const doc = buildDoc(text, blocks);
    const last = blocks[blocks.length - 1] as Block;
    const pos = pmPosFromOffset(blocks, last.start + 3);
    expect(doc.resolve(pos).index(0)).toBe(blocks.length - 1);
    expect(offsetFromPmPos(blocks, pos)).toBe(last.start + 3);
  });
});
