/**
 * Makes real PDFs for tests by printing HTML with the headless Chromium the e2e tests use
 * (`chromium --headless --print-to-pdf`), into a temporary folder, and scores extracted text
 * against its source with token precision / recall / F1. Test-only.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/** Where Debian installs Chromium; tests that print skip plainly when it is missing. */
export const CHROMIUM = process.env.CLAIMDESK_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/**
 * Prints `html` to PDF.
 * @param options.headerFooter keep Chromium's running header (date, title) and footer (URL, "n/N")
 * @returns the PDF's bytes
 */
export async function printToPdf(html: string, options: Readonly<{ headerFooter?: boolean }> = {}): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-pdf-'));
  const page = join(dir, 'page.html');
  const out = join(dir, 'page.pdf');
  await writeFile(page, html);
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${join(dir, 'profile')}`, `--print-to-pdf=${out}`];
  if (options.headerFooter !== true) args.push('--no-pdf-header-footer');
  try {
    await promisify(execFile)(CHROMIUM, [...args, pathToFileURL(page).href], { timeout: 300_000 });
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An HTML page of a headline and paragraphs; `columns` lays the paragraphs out in CSS columns. */
export function articlePage(title: string, paragraphs: readonly string[], options: Readonly<{ columns?: number; css?: string }> = {}): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const columns = options.columns ?? 1;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font:11pt/1.35 "DejaVu Serif",serif;margin:0} h1{font-size:22pt} p{margin:0 0 0.8em}
.body{columns:${columns};column-gap:2.5em} ${options.css ?? ''}</style></head>
<body><h1>${esc(title)}</h1><div class="body">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div></body></html>`;
}

/** Unicode word tokens (letters, marks, digits), NFC and lowercased: what the F1 counts. */
export function tokens(text: string): string[] {
  return (text
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) as string[];
}

/** Token precision, recall and F1 of `found` against `expected` (bags of tokens). */
export function tokenF1(expected: string, found: string): { precision: number; recall: number; f1: number } {
  const want = new Map<string, number>();
  for (const t of tokens(expected)) want.set(t, (want.get(t) ?? 0) + 1);
  let hits = 0;
  const got = tokens(found);
  for (const t of got) {
    const n = want.get(t) ?? 0;
    if (n > 0) {
      hits++;
      want.set(t, n - 1);
    }
  }
  const precision = got.length === 0 ? 0 : hits / got.length;
  const recall = hits / Math.max(1, tokens(expected).length);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
