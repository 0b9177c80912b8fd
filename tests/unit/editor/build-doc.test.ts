/**
 * The article view's document for list and page blocks: one flat node per block holding exactly
 * the block's text (so offsets map as for any block), list markers counted per list and depth,
 * and a page label only where a new page starts.
 */
import { describe, expect, it } from 'vitest';
import { layoutBlocks, type BlockDraft } from '../../../shared/model/blocks';
import { buildDoc } from '../../../renderer/editor/build-doc';

const DRAFTS: BlockDraft[] = [
  { type: 'paragraph', text: 'Three points:', page: 1 },
  { type: 'list_item', level: 1, ordered: true, text: 'trams', page: 1 },
  { type: 'list_item', level: 2, text: 'north', page: 1 },
  { type: 'list_item', level: 2, text: 'south', page: 2 },
  { type: 'list_item', level: 1, ordered: true, text: 'fares', page: 2 },
  { type: 'paragraph', text: 'Then:', page: 2 },
  { type: 'list_item', level: 1, ordered: true, text: 'again', page: 3 },
];

describe('buildDoc', () => {
  const { text, blocks } = layoutBlocks(DRAFTS);
  const nodes: { type: string; text: string; attrs: Record<string, unknown> }[] = [];
  buildDoc({ text, blocks }).descendants((node) => {
    if (node.isTextblock) nodes.push({ type: node.type.name, text: node.textContent, attrs: node.attrs });
    return !node.isTextblock;
  });

  it('makes one flat node per block with exactly its text', () => {
    expect(nodes.map((n) => n.text)).toEqual(DRAFTS.map((d) => d.text));
    expect(nodes.map((n) => n.type)).toEqual(DRAFTS.map((d) => d.type));
  });

  it('numbers ordered items per list and depth, and bullets the others', () => {
    expect(nodes.map((n) => n.attrs['marker'] ?? null)).toEqual([null, '1.', '•', '•', '2.', null, '1.']);
    expect(nodes.map((n) => n.attrs['level'] ?? null)).toEqual([null, 1, 2, 2, 1, null, 1]);
  });

  it('labels a page only on the block that starts it', () => {
    expect(nodes.map((n) => n.attrs['page'])).toEqual([1, null, null, 2, null, null, 3]);
  });
});
