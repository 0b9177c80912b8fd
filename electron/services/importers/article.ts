/**
 * Helpers shared by the format importers (text, markdown, html): titles from file names,
 * single-line clean-up, metadata compaction and the final layout of block drafts into an
 * Article. Pure: no file system, no DOM. Every format ends in `buildArticle`, so the
 * canonical text layout and the "no article text" failure are defined once.
 */
import { BLOCK_SEPARATOR, layoutBlocks, type BlockDraft } from '../../../shared/model/blocks';
import type { Block, SourceFormat } from '../../../shared/model/types';
import type { Pause } from '../store/time-slice';
import { ImportError, type Article, type ExtractedMeta } from './types';
import type { DecodedSource } from './decode';

/**
 * A format importer: decoded source in, article out; rejects with ImportError for input a user
 * must fix. Long loops call `pause` now and then, so that a large file does not hold the event loop.
 */
export type FormatImporter = (name: string, source: DecodedSource, pause: Pause) => Promise<Article>;

/** An importer of a binary format (docx, pdf): the file's bytes in, article out; otherwise as FormatImporter. */
export type BinaryImporter = (name: string, bytes: Uint8Array, pause: Pause) => Promise<Article>;

/** Separates table cells when a table row becomes one paragraph (markdown and HTML alike). */
export const TABLE_CELL_SEPARATOR = ' | ';

/** The order of metadata keys in an Article, so stored and golden JSON diff cleanly. */
const META_KEYS = ['byline', 'publishedAt', 'siteName', 'canonicalUrl', 'excerpt', 'lang', 'createdAt', 'modifiedAt', 'encoding'] as const;

/** Metadata as found in a source: any key may be missing, null or blank. */
export type RawMeta = { [K in keyof ExtractedMeta]?: string | null | undefined };

/**
 * The title to use when a source has none: the file's base name without its last extension.
 * @param name a file name or path ("/a/b/report.final.txt" -> "report.final")
 * @returns a non-empty string when `name` is non-empty
 */
export function titleFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const stem = base.replace(/\.[^.]*$/, '');
  return toSingleLine(stem) || toSingleLine(base) || name;
}

/**
 * Collapses every run of whitespace (line breaks included) to one space and trims the ends.
 * Used for titles and metadata, which are always one line.
 * @returns the cleaned string, possibly empty
 */
export function toSingleLine(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

/**
 * Keeps the metadata values that have content, single-lined, in a stable key order.
 * @returns an object with only the non-blank keys
 */
export function compactMeta(raw: RawMeta): ExtractedMeta {
  const meta: { -readonly [K in keyof ExtractedMeta]?: string } = {};
  for (const key of META_KEYS) {
    const value = toSingleLine(raw[key] ?? '');
    if (value !== '') meta[key] = value;
  }
  return meta;
}

/**
 * The error for a source that decoded fine but holds nothing Claimdesk can use as article text.
 * @param name the file name as the user knows it
 */
export function noArticleTextError(name: string): ImportError {
  return new ImportError(
    `${name} has no article text that Claimdesk could find; check that the file contains the article itself, not only navigation, markup or metadata`,
  );
}

/** Everything a format knows once it has read its source. */
export type ArticleParts = Readonly<{
  name: string;
  format: SourceFormat;
  /** The title as found; blank means "use the file name". */
  title: string;
  drafts: readonly BlockDraft[];
  meta: RawMeta;
  warnings: readonly string[];
}>;

/**
 * Lays out the drafts as canonical text (blocks joined by "\n\n") and assembles the Article.
 * @returns the article; its text is never empty
 * @throws ImportError when no draft has any text
 */
export async function buildArticle(parts: ArticleParts, pause: Pause): Promise<Article> {
  const { text, blocks } = await layoutInSlices(parts.drafts, pause);
  if (text === '') throw noArticleTextError(parts.name);
  return {
    format: parts.format,
    title: toSingleLine(parts.title) || titleFromFileName(parts.name),
    text,
    blocks,
    meta: compactMeta(parts.meta),
    warnings: [...parts.warnings],
  };
}

/**
 * The same text and blocks as `layoutBlocks(drafts)`, laid out `sliceSize` drafts at a time with
 * pauses between (a 20 MB text file has over 100,000 paragraphs).
 */
export async function layoutInSlices(drafts: readonly BlockDraft[], pause: Pause, sliceSize = 1024): Promise<{ text: string; blocks: Block[] }> {
  let text = '';
  const blocks: Block[] = [];
  for (let i = 0; i < drafts.length; i += sliceSize) {
    const part = layoutBlocks(drafts.slice(i, i + sliceSize));
    if (part.text !== '') {
      if (text !== '') text += BLOCK_SEPARATOR;
      const offset = text.length;
      text += part.text;
      for (const block of part.blocks) blocks.push({ ...block, start: block.start + offset, end: block.end + offset });
    }
    await pause();
  }
  return { text, blocks };
}
