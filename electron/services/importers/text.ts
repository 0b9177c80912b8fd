/**
 * Plain-text importer. Paragraphs are separated by blank lines; the line breaks inside a
 * paragraph are hard wraps and become spaces; a paragraph whose every line starts with ">"
 * is a quote. A short first line followed by a blank line is the headline (block 0). It
 * never guesses structure beyond that: no list, heading or markdown detection.
 */
import type { BlockDraft } from '../../../shared/model/blocks';
import type { Pause } from '../store/time-slice';
import { buildArticle, titleFromFileName } from './article';
import type { DecodedSource } from './decode';
import type { Article } from './types';

/** A first line longer than this is the first paragraph, not a headline. */
const MAX_TITLE_LENGTH = 200;
/** Headlines do not end like a sentence or a clause; body text (even one line) does. */
const ENDS_LIKE_PROSE = /[.,;:]["'\u2019\u201d\u00bb)\]]*$/;
const QUOTE_MARKER = /^[ \t]*(?:>[ \t]?)+/;

/**
 * Imports a decoded .txt file.
 * @param name the file name (the title when the text has no headline)
 * @param source the decoded text, LF line endings
 * @returns the article; when a headline is found it is the title and block 0 (heading, level 1)
 * @throws ImportError when no paragraph has text
 */
export async function importText(name: string, source: DecodedSource, pause: Pause): Promise<Article> {
  const paragraphs = await splitParagraphs(source.text, pause);
  const first = paragraphs[0];
  const hasHeadline = first !== undefined && paragraphs.length > 1 && isHeadline(first);
  const drafts: BlockDraft[] = [];
  for (const [i, lines] of paragraphs.entries()) {
    drafts.push(i === 0 && hasHeadline ? { type: 'heading', level: 1, text: lines.join(' ') } : paragraphDraft(lines));
    if (i % 1024 === 1023) await pause();
  }
  return buildArticle(
    {
      name,
      format: 'txt',
      title: hasHeadline && first ? first.join(' ') : titleFromFileName(name),
      drafts,
      meta: {},
      warnings: source.warnings,
    },
    pause,
  );
}

/** Groups the lines between blank (or whitespace-only) lines; each group is one paragraph. */
async function splitParagraphs(text: string, pause: Pause): Promise<string[][]> {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (let at = 0, n = 0; at <= text.length; n++) {
    const next = text.indexOf('\n', at);
    const end = next === -1 ? text.length : next;
    const line = text.slice(at, end);
    at = end + 1;
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else {
      current.push(line);
    }
    if (n % 4096 === 4095) await pause();
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/**
 * The first paragraph is the headline when it is a single line followed by more text, short
 * enough for a headline, not a quote, and not ending like a sentence (files whose paragraphs
 * are each one long line would otherwise lose their first paragraph to the title).
 */
function isHeadline(lines: readonly string[]): boolean {
  const line = lines[0]?.trim() ?? '';
  return lines.length === 1 && line.length <= MAX_TITLE_LENGTH && !QUOTE_MARKER.test(line) && !ENDS_LIKE_PROSE.test(line);
}

/** A paragraph, or a quote when every line carries a ">" marker; hard wraps become spaces. */
function paragraphDraft(lines: readonly string[]): BlockDraft {
  const isQuote = lines.every((line) => QUOTE_MARKER.test(line));
  const content = isQuote ? lines.map((line) => line.replace(QUOTE_MARKER, '')) : lines;
  return { type: isQuote ? 'quote' : 'paragraph', text: content.join(' ') };
}
