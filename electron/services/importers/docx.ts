/**
 * Word (.docx) importer. mammoth reads the document (headings, paragraphs, quotes, lists,
 * tables, footnotes; tracked changes accepted: inserted text kept, deleted text gone; comments
 * left out) and docx-html.ts reduces its HTML to blocks. What mammoth does not expose is read
 * from the archive itself (zip.ts): the core properties (title, author, created, modified) and
 * whether there are tracked changes or comments, which the import report then says.
 * A password-protected file (an OLE compound file, not a ZIP) or a damaged one is an ImportError
 * naming the file and what to do. Pure with respect to the workspace.
 */
import type { Pause } from '../store/time-slice';
import { buildArticle, toSingleLine, type RawMeta } from './article';
import { startsWith } from './decode';
import { draftsFromMammothHtml } from './docx-html';
import { ImportError, type Article } from './types';
import { readZip, ZipError } from './zip';

const OLE_COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

/** Word styles mammoth does not map by default: quotes become block quotes, Title a level-1 heading. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh", // LibreOffice
  "p[style-name='Block Text'] => blockquote > p:fresh",
];

/**
 * Imports a .docx file.
 * @param name the file name (the title when neither the core properties nor a heading give one)
 * @param bytes the file's content
 * @returns the article; title from the core properties' title, else the first level-1 heading
 * @throws ImportError for a password-protected, damaged or empty document
 */
export async function importDocx(name: string, bytes: Uint8Array, pause: Pause): Promise<Article> {
  if (startsWith(bytes, OLE_COMPOUND_FILE))
    throw new ImportError(
      `${name} is password-protected (or an old Word .doc file): Claimdesk cannot open it; open it in Word, remove the password or save it as .docx, and import that file`,
    );
  if (!startsWith(bytes, ZIP_LOCAL_HEADER)) throw damaged(name, 'it is not a ZIP package');
  let part: (path: string) => Uint8Array | null;
  try {
    part = readZip(bytes);
  } catch (error) {
    if (error instanceof ZipError) throw damaged(name, error.message);
    throw error;
  }
  const xml = (path: string): string => {
    try {
      const data = part(path);
      return data === null ? '' : new TextDecoder().decode(data);
    } catch (error) {
      if (error instanceof ZipError) throw damaged(name, error.message);
      throw error;
    }
  };
  const documentXml = xml('word/document.xml');
  if (documentXml === '') throw damaged(name, 'it has no word/document.xml');
  const html = await convert(name, bytes);
  await pause();
  const drafts = await draftsFromMammothHtml(html);
  const core = coreProperties(xml('docProps/core.xml'));
  const firstH1 = drafts.find((d) => d.type === 'heading' && d.level === 1);
  return buildArticle(
    {
      name,
      format: 'docx',
      title: core.title || (firstH1?.text ?? ''),
      drafts,
      meta: { byline: core.creator, createdAt: core.created, modifiedAt: core.modified } satisfies RawMeta,
      warnings: reviewWarnings(documentXml, xml('word/comments.xml')),
    },
    pause,
  );
}

async function convert(name: string, bytes: Uint8Array): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images are dropped from the text: give mammoth an empty element instead of reading them.
      { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    return result.value;
  } catch (error) {
    throw damaged(name, error instanceof Error ? error.message : String(error));
  }
}

/** What the report says about revisions: tracked changes (accepted on import) and comments (left out). */
function reviewWarnings(documentXml: string, commentsXml: string): string[] {
  const warnings: string[] = [];
  if (/<w:(?:ins|del|moveFrom|moveTo)\b/.test(documentXml))
    warnings.push('the document has tracked changes: the text was imported with all changes accepted');
  const comments = commentsXml.match(/<w:comment\b/g)?.length ?? 0;
  if (comments > 0) warnings.push(`the document has ${comments} comment${comments === 1 ? ': it was' : 's: they were'} not imported`);
  return warnings;
}

type CoreProperties = Readonly<{ title: string; creator: string; created: string; modified: string }>;

/** Title, author and dates from docProps/core.xml (Dublin Core elements, any namespace prefix). */
function coreProperties(xml: string): CoreProperties {
  const field = (local: string): string => {
    const match = new RegExp(`<(?:[\\w-]+:)?${local}\\b[^>]*>([^<]*)</(?:[\\w-]+:)?${local}>`).exec(xml);
    return toSingleLine(decodeXmlEntities(match?.[1] ?? ''));
  };
  return { title: field('title'), creator: field('creator'), created: field('created'), modified: field('modified') };
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([\da-fA-F]+)|(\w+));/g, (whole, dec?: string, hex?: string, named?: string) => {
    if (named !== undefined) return XML_ENTITIES[named] ?? whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function damaged(name: string, reason: string): ImportError {
  return new ImportError(`${name} is a damaged Word file (${reason}); open it in Word, save it again as .docx, and import that file`);
}
