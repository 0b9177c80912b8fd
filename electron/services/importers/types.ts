/**
 * The importer contract: source bytes in, canonical article out. Importers are pure with
 * respect to the workspace (they never touch it) and throw ImportError for input a user
 * must fix; the workspace turns that into a per-file report.
 */
import { ARTICLE_EXTENSIONS } from '../../../shared/api';
import type { Block, DocumentMeta, SourceFormat } from '../../../shared/model/types';

/** The metadata an importer can find in a source (the workspace adds hashes, paths and times). */
export type ExtractedMeta = Pick<
  DocumentMeta,
  'byline' | 'publishedAt' | 'siteName' | 'canonicalUrl' | 'excerpt' | 'lang' | 'createdAt' | 'modifiedAt' | 'encoding'
>;

/** An article reduced to canonical text: blocks joined by "\n\n", the title as the first heading when present. */
export type Article = Readonly<{
  format: SourceFormat;
  title: string;
  text: string;
  blocks: readonly Block[];
  meta: ExtractedMeta;
  warnings: readonly string[];
}>;

/** A failure the user can act on; `message` says what is wrong and what to do. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** File extensions (lowercase, with the dot) that the importers accept (one list with the window's pickers). */
export const SUPPORTED_EXTENSIONS: readonly string[] = ARTICLE_EXTENSIONS;
