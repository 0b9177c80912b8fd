/**
 * Quotation marks: where each quotation of an article opens and closes, in every style news
 * uses (straight and curly double quotes, « », „ “, single quotes at the top level), with
 * single quotes inside double ones kept inside, apostrophes (don’t, D’Souza, the ’90s) never
 * taken for quotes, and a quotation over several paragraphs (each paragraph reopens it without
 * closing the previous one) kept as one. One pass over each block's characters; no regex.
 */
import type { Block } from '../../model/types';

/** One quotation: its bounds (UTF-16, marks included), whether it runs over several blocks, and whether it uses single quotes. */
export type Quotation = Readonly<{ start: number; end: number; isMultiParagraph: boolean; isSingle: boolean }>;

/** The closing marks of each opening mark (scraped news mixes straight and curly double quotes, and sometimes closes with an opening curly mark). */
const CLOSING: Readonly<Record<string, readonly string[]>> = {
  '“': ['”', '"', '“'],
  '«': ['»'],
  '„': ['“', '”'],
  '"': ['"', '”'],
  "''": ["''"],
  '‘': ['’'],
  '‹': ['›'],
};
/** Every character that is, or starts, a quotation mark. */
const MARKS = new Set(['“', '”', '«', '»', '„', '"', "'", '‘', '’', '‹', '›']);
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

/** An open quotation carried from one block to the next. */
type Open = { start: number; mark: string; blocks: number };

/**
 * Scans blocks in order; keeps an unclosed quotation open into the next block when that block
 * reopens it with the same mark.
 */
export class QuoteScanner {
  private open: Open | null = null;

  /** @param carries whether a quotation may run over several blocks (rule 'multi-paragraph-quote'); when not, it closes at its block's end. */
  constructor(private readonly carries: boolean) {}

  /**
   * The quotations that close in this block (or at its end when the next block does not reopen them).
   * @param next the following block, to decide whether an unclosed quotation continues
   */
  scan(text: string, block: Block, next: Block | undefined): Quotation[] {
    const out: Quotation[] = [];
    const carried = this.open;
    this.open = null;
    let open: Open | null = carried ? { ...carried, blocks: carried.blocks + 1 } : null;
    // A carried quotation's reopening mark at the start of this block is not a new quotation.
    let i = carried ? skipReopening(text, block.start, carried.mark) : block.start;
    for (; i < block.end; i++) {
      // Most characters are no mark: one set lookup each.
      if (!MARKS.has(text[i]!)) continue;
      // Two apostrophes are one double mark (some wires and archives write quotations ''like this'').
      const c = text.startsWith("''", i) ? "''" : text[i]!;
      const before = i > block.start ? text[i - 1]! : ' ';
      const after = i + c.length < block.end ? text[i + c.length]! : ' ';
      if (open) {
        if (CLOSING[open.mark]!.includes(c) && isClosing(c, before, after, text, i)) {
          out.push({ start: open.start, end: i + c.length, isMultiParagraph: open.blocks > 0, isSingle: open.mark === '‘' });
          open = null;
        }
      } else if (CLOSING[c] && isOpening(c, before, after)) {
        open = { start: i, mark: c, blocks: 0 };
      }
      i += c.length - 1;
    }
    if (!open) return out;
    if (next && this.carries && open.mark !== '‘' && startsWith(text, next, open.mark)) this.open = open;
    else if (open.mark !== '‘') out.push({ start: open.start, end: block.end, isMultiParagraph: open.blocks > 0, isSingle: false });
    return out;
  }
}

/** An opening mark stands after a space, a bracket or a dash (or at the block's start) and before a word or another mark. */
function isOpening(c: string, before: string, after: string): boolean {
  if (SPACE.test(after)) return false;
  if (c === '‘' || c === '"' || c === "''") return !WORD.test(before);
  return true;
}

/** A closing mark ends a word or a punctuation mark and is not an apostrophe inside a word (don’t) or after a plural (the workers’ union). */
function isClosing(c: string, before: string, after: string, text: string, at: number): boolean {
  if (SPACE.test(before)) return false;
  if (c !== '’' && c !== '"' && c !== "''") return true;
  if (WORD.test(after)) return false;
  // "the workers’ union": a plural's apostrophe followed by a lower-case word.
  return !(c === '’' && before === 's' && after === ' ' && /[a-z]/.test(text[at + 2] ?? ''));
}

/** Whether a block opens (after spaces) with this mark. */
function startsWith(text: string, block: Block, mark: string): boolean {
  return text.slice(block.start, block.end).trimStart().startsWith(mark);
}

/** The offset after a block's reopening mark (and the spaces before it). */
function skipReopening(text: string, from: number, mark: string): number {
  let i = from;
  while (SPACE.test(text[i] ?? '')) i++;
  return text.startsWith(mark, i) ? i + mark.length : i;
}
