/**
 * The layout invariants every imported article must satisfy, as a list of violations (empty
 * when the article is sound), so that example tests and fast-check properties share them.
 */
import { BLOCK_SEPARATOR } from '../../../shared/model/blocks';
import type { Article } from '../../../electron/services/importers';

/**
 * Checks an article's text and blocks: no "\r"; blocks non-empty, ascending, not overlapping,
 * covering the text exactly with "\n\n" between neighbours and none inside; headings and list items
 * (and only they) carry a level 1-6, list items (and only they) say whether they are ordered; the title is one non-blank line.
 * @returns human-readable violations, empty when there are none
 */
export function blockInvariantViolations(article: Article): string[] {
  const { text, blocks, title } = article;
  const problems: string[] = [];
  if (text.includes('\r')) problems.push('text contains "\\r"');
  if (text === '' || blocks.length === 0) problems.push('article has no text or no blocks');
  if (title.trim() === '' || /[\r\n]/.test(title)) problems.push(`title is blank or multi-line: ${JSON.stringify(title)}`);
  blocks.forEach((block, i) => {
    const at = `block ${i} [${block.start}, ${block.end})`;
    const content = text.slice(block.start, block.end);
    if (!(block.start >= 0 && block.start < block.end && block.end <= text.length)) problems.push(`${at} is empty or out of range`);
    if (content.trim() === '') problems.push(`${at} is blank`);
    if (content !== content.trim()) problems.push(`${at} has leading or trailing whitespace`);
    if (content.includes(BLOCK_SEPARATOR)) problems.push(`${at} contains "\\n\\n"`);
    const gap = i === 0 ? text.slice(0, block.start) : text.slice(blocks[i - 1]!.end, block.start);
    if (gap !== (i === 0 ? '' : BLOCK_SEPARATOR)) problems.push(`${at} is preceded by ${JSON.stringify(gap)}`);
    const hasLevel = block.level !== undefined && Number.isInteger(block.level) && block.level >= 1 && block.level <= 6;
    const needsLevel = block.type === 'heading' || block.type === 'list_item';
    if (needsLevel !== hasLevel) problems.push(`${at} type ${block.type} with level ${String(block.level)}`);
    if ((block.type === 'list_item') !== (block.ordered !== undefined))
      problems.push(`${at} type ${block.type} with ordered ${String(block.ordered)}`);
  });
  const last = blocks.at(-1);
  if (last && last.end !== text.length) problems.push(`text continues after the last block: ${JSON.stringify(text.slice(last.end))}`);
  return problems;
}
