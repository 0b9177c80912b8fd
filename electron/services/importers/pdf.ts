/**
 * PDF importer: pdf.js (the legacy build, for Node 20; never in the renderer) reads the text
 * layer page by page, pausing between pages so that a 300-page file does not hold the service;
 * pdf-layout.ts puts the text in reading order and into blocks, each with its page. Title,
 * author and dates come from the document information. A PDF without a text layer (a scan), an
 * encrypted one that needs a password, and a damaged one are ImportErrors naming the file and
 * what to do. Pure with respect to the workspace.
 */
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Pause } from '../store/time-slice';
import { buildArticle, toSingleLine } from './article';
import { draftsFromPages, type PageText, type TextRun } from './pdf-layout';
import { ImportError, type Article } from './types';

/** Fewer visible characters than this in the whole file: there is no text layer to read. */
const MIN_TEXT_CHARS = 20;

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js, loaded on first use (the app's start and exports never load it). */
function getPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/**
 * Imports a .pdf file.
 * @param name the file name (the title when the document information has none and no heading stands out)
 * @param bytes the file's content
 * @returns the article; every block carries the page it starts on
 * @throws ImportError for a PDF without a text layer, one that needs a password, or a damaged one
 */
export async function importPdf(name: string, bytes: Uint8Array, pause: Pause): Promise<Article> {
  const lib = await getPdfJs();
  // pdf.js takes ownership of (and may detach) the buffer it is given, and refuses a Buffer: hand it a plain copy.
  const task = lib.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, stopAtErrors: false });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    throw openError(name, error);
  }
  try {
    const pages: PageText[] = [];
    let pagesWithoutText = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue; // marked-content boundaries carry no text
        const [a, b, , , x, y] = item.transform as number[];
        runs.push({
          text: item.str,
          x: x ?? 0,
          y: y ?? 0,
          width: item.width,
          size: item.height || Math.hypot(a ?? 0, b ?? 0),
          rtl: item.dir === 'rtl',
        });
      }
      if (!runs.some((run) => run.text.trim() !== '')) pagesWithoutText++;
      pages.push({ width: viewport.width, height: viewport.height, runs });
      page.cleanup();
      await pause();
    }
    const visible = pages.reduce((n, page) => n + page.runs.reduce((m, run) => m + run.text.replace(/\s/g, '').length, 0), 0);
    if (visible < MIN_TEXT_CHARS)
      throw new ImportError(`${name} is probably a scan, with no text layer: run OCR first (for example ocrmypdf) and import the result`);
    const { drafts, unreadable } = draftsFromPages(pages);
    await pause();
    const info = await documentInfo(lib, document);
    const firstH1 = drafts.find((d) => d.type === 'heading' && d.level === 1);
    const warnings: string[] = [];
    if (pagesWithoutText > 0)
      warnings.push(
        `${pagesWithoutText} of ${document.numPages} pages have no text layer (scanned?): run OCR on the file (for example ocrmypdf) to import their text`,
      );
    if (unreadable > 0)
      warnings.push(
        `${unreadable} character${unreadable === 1 ? '' : 's'} of the PDF's text layer could not be read (its fonts map them to no text) and were left out`,
      );
    return await buildArticle(
      {
        name,
        format: 'pdf',
        title: info.title || (firstH1?.text ?? ''),
        drafts,
        meta: { byline: info.author, createdAt: info.created, modifiedAt: info.modified },
        warnings,
      },
      pause,
    );
  } finally {
    await document.destroy();
  }
}

type DocumentInfo = Readonly<{ title: string; author: string; created: string; modified: string }>;

/** Title, author and dates from the document information dictionary; dates as ISO 8601. */
async function documentInfo(lib: PdfJs, document: { getMetadata(): Promise<{ info: object }> }): Promise<DocumentInfo> {
  const { info } = await document.getMetadata().catch(() => ({ info: {} }));
  const field = (key: string): string => {
    const value = (info as Record<string, unknown>)[key];
    return typeof value === 'string' ? toSingleLine(value) : '';
  };
  const date = (key: string): string => {
    const parsed = lib.PDFDateString.toDateObject(field(key));
    return parsed === null || Number.isNaN(parsed.getTime()) ? field(key) : parsed.toISOString();
  };
  // Word processors set "Microsoft Word - name.docx" as a title: that is a file name, not a title.
  const title = /^microsoft (?:word|powerpoint) - /i.test(field('Title')) ? '' : field('Title');
  return { title, author: field('Author'), created: date('CreationDate'), modified: date('ModDate') };
}

/** What pdf.js's refusal to open a file means for the user. */
function openError(name: string, error: unknown): ImportError {
  const kind = error instanceof Error ? error.name : '';
  if (kind === 'PasswordException')
    return new ImportError(
      `${name} is encrypted and needs a password: open it in a PDF reader with its password, save or print an unprotected copy as PDF, and import that`,
    );
  const reason = error instanceof Error ? error.message : String(error);
  return new ImportError(
    `${name} is a damaged or unreadable PDF (${reason}); open it in a PDF reader, save or print it again as PDF, and import that`,
  );
}
