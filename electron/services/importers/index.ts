/**
 * The importer entry point: picks the format from the file name's extension, decodes the
 * bytes and hands them to that format's importer. It is the error boundary for importing one
 * file: whatever goes wrong inside a format (a parser bug, a malformed page) leaves here as an
 * ImportError naming the file, never as a raw exception. It does not read files or enforce
 * size limits; the caller does.
 */
import type { SourceFormat } from '../../../shared/model/types';
import { timeSlicer, type Pause } from '../store/time-slice';
import type { BinaryImporter, FormatImporter } from './article';
import { decodeSource } from './decode';
import { importDocx } from './docx';
import { importHtml } from './html';
import { importMarkdown } from './markdown';
import { importPdf } from './pdf';
import { importText } from './text';
import { ImportError, SUPPORTED_EXTENSIONS, type Article } from './types';

export { ImportError, SUPPORTED_EXTENSIONS, type Article, type ExtractedMeta } from './types';

/** The format each supported extension selects (tests check it covers SUPPORTED_EXTENSIONS). */
const FORMAT_BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

/** Formats read from text: their bytes are decoded first (encoding found and named). */
const TEXT_IMPORTERS: Readonly<Record<TextFormat, FormatImporter>> = {
  txt: importText,
  md: importMarkdown,
  html: importHtml,
};
type TextFormat = 'txt' | 'md' | 'html';

/** Formats read from their bytes by their own parser. */
const BINARY_IMPORTERS: Readonly<Record<Exclude<SourceFormat, TextFormat>, BinaryImporter>> = {
  docx: importDocx,
  pdf: importPdf,
};

const FORMAT_NAMES: Readonly<Record<SourceFormat, string>> = {
  txt: 'plain text',
  md: 'Markdown',
  html: 'HTML',
  docx: 'a Word document',
  pdf: 'PDF',
};

/**
 * The format a file name's extension selects (case-insensitive).
 * @returns the format, or null when the extension is not supported
 */
export function formatFromFileName(name: string): SourceFormat | null {
  const extension = /\.[^./\\]*$/.exec(name)?.[0].toLowerCase() ?? '';
  return SUPPORTED_EXTENSIONS.includes(extension) ? (FORMAT_BY_EXTENSION[extension] ?? null) : null;
}

/**
 * Imports one article file.
 * @param name the file's name (its extension selects the format; it names the file in messages
 *   and is the title when the source has none)
 * @param bytes the file's content
 * @param pause where long loops give the event loop a turn (a 20 MB text file takes seconds)
 * @param options.encoding decode a text file with this encoding instead of finding it (a re-import "as")
 * @returns the article: canonical text, blocks, title, metadata and warnings
 * @throws ImportError for any input the user must fix: unsupported extension, binary, empty,
 *   no article text, or a source the format's parser could not read
 */
export async function importArticle(
  name: string,
  bytes: Uint8Array,
  pause: Pause = timeSlicer(),
  options: Readonly<{ encoding?: string }> = {},
): Promise<Article> {
  const format = formatFromFileName(name);
  if (format === null) {
    throw new ImportError(`${name} is not a supported article file; Claimdesk imports ${SUPPORTED_EXTENSIONS.join(', ')} files`);
  }
  try {
    if (!isTextFormat(format)) return await BINARY_IMPORTERS[format](name, bytes, pause);
    const source = await decodeSource(name, bytes, pause, { html: format === 'html', ...options });
    const article = await TEXT_IMPORTERS[format](name, source, pause);
    return { ...article, meta: { ...article.meta, encoding: source.encoding } };
  } catch (error) {
    throw asImportError(name, format, error);
  }
}

function isTextFormat(format: SourceFormat): format is TextFormat {
  return format in TEXT_IMPORTERS;
}

/** Passes ImportError through; turns anything else into one that names the file and the reason. */
function asImportError(name: string, format: SourceFormat, error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ImportError(`${name} could not be read as ${FORMAT_NAMES[format]}: ${reason}`, { cause: error });
}
