/**
 * Builds canonical article text from a list of block strings: blocks are joined by a blank
 * line ("\n\n") and each block records its [start, end) range in UTF-16 code units.
 * Pure; used by every importer so that all formats share one text layout.
 */
import type { Block, BlockType } from './types';

/** A block before layout: its kind, its text, and the optional fields a Block has (level, ordered, page). */
export type BlockDraft = Readonly<{ type: BlockType; text: string; level?: number; ordered?: boolean; page?: number }>;

/** The separator between blocks in canonical text. */
export const BLOCK_SEPARATOR = '\n\n';

/**
 * Normalises a block's text: CRLF/CR to LF, NBSP-like spaces kept, runs of spaces and tabs
 * collapsed, blank lines removed (a block never contains "\n\n"), ends trimmed.
 * @returns the cleaned text, possibly empty
 */
export function normaliseBlockText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/**
 * Lays out drafts as canonical text. Empty blocks (after normalising) are dropped.
 * @returns the text and its blocks; an empty text when no draft has content
 */
export function layoutBlocks(drafts: readonly BlockDraft[]): { text: string; blocks: Block[] } {
  const blocks: Block[] = [];
  let text = '';
  for (const draft of drafts) {
    const content = normaliseBlockText(draft.text);
    if (content === '') continue;
    if (blocks.length > 0) text += BLOCK_SEPARATOR;
    const start = text.length;
    text += content;
    // Optional keys only when set, in a fixed order, so stored JSON diffs cleanly.
    blocks.push({
      type: draft.type,
      start,
      end: text.length,
      ...(draft.level === undefined ? {} : { level: draft.level }),
      ...(draft.ordered === undefined ? {} : { ordered: draft.ordered }),
      ...(draft.page === undefined ? {} : { page: draft.page }),
    });
  }
  return { text, blocks };
}
