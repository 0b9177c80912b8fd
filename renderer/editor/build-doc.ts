/**
 * Builds the ProseMirror document for a stored article: one node per block, holding exactly
 * `text.slice(block.start, block.end)`, grouped in sections of SECTION_SIZE blocks, so text
 * offsets and PM positions convert with renderer/editor/positions.ts. Never edits, trims or
 * merges text.
 */
import type { Node as PmNode } from 'prosemirror-model';
import { assertNever } from '../../shared/assert-never';
import { SECTION_SIZE } from '../../shared/anchoring/sections';
import type { DocumentData } from '../../shared/model/types';
import { articleSchema, headingLevel } from './schema';

/**
 * Builds the PM doc for `doc`.
 * @returns a doc of sections holding one node per block; one empty paragraph when there are no blocks
 * @throws RangeError when a block lies outside the text
 */
export function buildDoc(doc: Pick<DocumentData, 'text' | 'blocks'>): PmNode {
  const { text, blocks } = doc;
  const children = blocks.map((block, i) => {
    if (block.start < 0 || block.end > text.length || block.end < block.start)
      throw new RangeError(`block ${i} [${block.start}, ${block.end}) is outside the text (length ${text.length})`);
    const content = text.slice(block.start, block.end);
    const inline = content === '' ? [] : [articleSchema.text(content)];
    switch (block.type) {
      case 'heading':
        return articleSchema.nodes.heading.create({ level: headingLevel(block.level) }, inline);
      case 'paragraph':
        return articleSchema.nodes.paragraph.create(null, inline);
      case 'quote':
        return articleSchema.nodes.quote.create(null, inline);
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
