/**
 * Builds the ProseMirror document for a stored article: one node per block, holding exactly
 * `text.slice(block.start, block.end)`, grouped in sections of SECTION_SIZE blocks, so text
 * offsets and PM positions convert with renderer/editor/positions.ts. Never edits, trims or
 * merges text: list markers ("•", "2.") and page labels are node attributes drawn by CSS.
 */
import type { Node as PmNode } from 'prosemirror-model';
import { assertNever } from '../../shared/assert-never';
import { SECTION_SIZE } from '../../shared/anchoring/sections';
import type { Block, DocumentData } from '../../shared/model/types';
import { articleSchema, headingLevel, listDepth } from './schema';

/**
 * Builds the PM doc for `doc`.
 * @returns a doc of sections holding one node per block; one empty paragraph when there are no blocks
 * @throws RangeError when a block lies outside the text
 */
export function buildDoc(doc: Pick<DocumentData, 'text' | 'blocks'>): PmNode {
  const { text, blocks } = doc;
  const markers = listMarkers(blocks);
  const children = blocks.map((block, i) => {
    if (block.start < 0 || block.end > text.length || block.end < block.start)
      throw new RangeError(`block ${i} [${block.start}, ${block.end}) is outside the text (length ${text.length})`);
    const content = text.slice(block.start, block.end);
    const inline = content === '' ? [] : [articleSchema.text(content)];
    // A page label only where a new page starts, so a PDF shows one rule per page boundary.
    const page = block.page !== undefined && block.page !== blocks[i - 1]?.page ? block.page : null;
    switch (block.type) {
      case 'heading':
        return articleSchema.nodes.heading.create({ level: headingLevel(block.level), page }, inline);
      case 'paragraph':
        return articleSchema.nodes.paragraph.create({ page }, inline);
      case 'quote':
        return articleSchema.nodes.quote.create({ page }, inline);
      case 'list_item':
        return articleSchema.nodes.list_item.create(
          { level: listDepth(block.level), ordered: block.ordered === true, marker: markers[i] ?? '•', page },
          inline,
        );
      default:
        return assertNever(block.type);
    }
  });
  if (children.length === 0) children.push(articleSchema.nodes.paragraph.create());
  const sections: PmNode[] = [];
  for (let i = 0; i < children.length; i += SECTION_SIZE)
    sections.push(articleSchema.nodes.section.create(null, children.slice(i, i + SECTION_SIZE)));
  return articleSchema.nodes.doc.create(null, sections);
}

/**
 * The marker of each list item ("•" unordered, "n." ordered), by block index. Ordered items are
 * numbered per list and depth: a run of list items is one list; a deeper item starts a new count
 * at its depth, and returning to a shallower depth continues that depth's count.
 */
export function listMarkers(blocks: readonly Block[]): (string | undefined)[] {
  const counts: number[] = [];
  return blocks.map((block) => {
    if (block.type !== 'list_item') {
      counts.length = 0;
      return undefined;
    }
    const depth = listDepth(block.level);
    counts.length = depth; // forget the counts of deeper lists
    const count = (counts[depth - 1] ?? 0) + 1;
    counts[depth - 1] = count;
    return block.ordered === true ? `${count}.` : '•';
  });
}
