/**
 * Word and PDF files through the real Workspace: a folder holding good and bad files imports the
 * good ones and reports every bad one by name with what to do; a 300-page PDF (printed by
 * Chromium) imports whole while the service's event loop keeps turning (pdf.js reads a page at a
 * time with pauses between). Figures are printed, not asserted as times.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace';
import { buildDocx, listPara, para } from '../unit/support/docx';
import { passwordPdf, scanLikePdf } from '../unit/support/pdf-bytes';
import { articlePage, HAS_CHROMIUM, printToPdf } from '../unit/support/print-pdf';
import { articleFile } from './support/layout';
import { tempDir } from './support/temp';

describe.skipIf(!HAS_CHROMIUM)('importing Word and PDF files into a workspace', () => {
  it('imports the good files of a folder and reports each bad one by name, with what to do', async () => {
    const dir = await tempDir();
    const folder = join(dir, 'inbox');
    await mkdir(folder);
    const docx = buildDocx({ body: [para('Tram plan', 'Title'), para('The council voted.'), listPara('trams', 1)], core: { creator: 'Ana Ruiz' } });
    await writeFile(join(folder, 'tram.docx'), docx);
    await writeFile(
      join(folder, 'envoy.pdf'),
      await printToPdf(articlePage('Envoy lands', ['A top envoy arrived in Tokyo on Sunday.', 'Talks begin Monday.'])),
    );
    await writeFile(join(folder, 'broken.docx'), docx.subarray(0, 200));
    await writeFile(join(folder, 'locked.pdf'), passwordPdf());
    await writeFile(join(folder, 'scan.pdf'), scanLikePdf());
    await writeFile(join(folder, 'renamed.txt'), scanLikePdf());
    const ws = await Workspace.open(join(dir, 'workspace'));
    const report = await ws.importPaths([folder]);
    expect(report.imported.map((i) => i.name).sort()).toEqual(['envoy.pdf', 'tram.docx']);
    expect(Object.fromEntries(report.failed.map((f) => [f.name, f.reason]))).toEqual({
      'broken.docx': expect.stringMatching(
        /^broken\.docx is a damaged Word file \(.+\); open it in Word, save it again as \.docx, and import that file$/,
      ),
      'locked.pdf': expect.stringMatching(/^locked\.pdf is encrypted and needs a password: /),
      'scan.pdf': 'scan.pdf is probably a scan, with no text layer: run OCR first (for example ocrmypdf) and import the result',
      'renamed.txt': expect.stringMatching(
        /^renamed\.txt looks like a binary file \(a PDF file\), not an article; give it the \.pdf extension and import it again$/,
      ),
    });
    const pdfRow = report.imported.find((i) => i.name === 'envoy.pdf')!.row;
    const stored = JSON.parse(await readFile(articleFile(join(dir, 'workspace'), pdfRow.id), 'utf8')) as {
      text: string;
      blocks: { page?: number }[];
      meta: { format: string };
    };
    expect(stored.text).toBe('Envoy lands\n\nA top envoy arrived in Tokyo on Sunday.\n\nTalks begin Monday.');
    expect(stored.blocks.map((b) => b.page)).toEqual([1, 1, 1]);
    expect(stored.meta.format).toBe('pdf');
    await ws.close();
  });

  it('imports a 300-page PDF whole while the event loop keeps turning', async () => {
    const dir = await tempDir();
    const cities = ['Tokyo', 'Seoul', 'Beijing', 'Geneva', 'Nairobi', 'Lima', 'Oslo'];
    // Seven of each, not five: at five paragraphs a page, a line repeated every fifth paragraph would sit at the
    // same place on every page with the same words, which is exactly what a running footer is.
    const verbs = ['doubted', 'welcomed', 'questioned', 'praised', 'criticised', 'noted', 'backed'];
    const paragraphs = Array.from(
      { length: 1500 },
      (_, i) =>
        `Report ${i}: the minister met the envoy in ${cities[i % 7]} on day ${i % 28}; officials said talks would go on for ${i % 11} weeks, and analysts ${verbs[(i * 3) % 7]} the plan.`,
    );
    const source = join(dir, 'long-report.pdf');
    await writeFile(source, await printToPdf(articlePage('A very long report', paragraphs, { css: 'p{margin:0 0 12em}' })));
    const ws = await Workspace.open(join(dir, 'workspace'));
    const turns: number[] = [];
    const ticker = setInterval(() => turns.push(performance.now()), 5);
    const started = performance.now();
    const report = await ws.importPaths([source]);
    const ended = performance.now();
    clearInterval(ticker);
    const gaps = [...turns, ended].map((t, i, all) => t - (i === 0 ? started : all[i - 1]!));
    const longest = Math.max(...gaps);
    expect(report.failed).toEqual([]);
    const stored = JSON.parse(await readFile(articleFile(join(dir, 'workspace'), report.imported[0]!.row.id), 'utf8')) as {
      text: string;
      blocks: { page?: number }[];
    };
    const pages = stored.blocks.at(-1)!.page!;
    console.info(
      `${pages}-page PDF import: ${Math.round(ended - started)} ms, ${turns.length} timer turns, longest stretch without one ${Math.round(longest)} ms`,
    );
    expect(pages).toBeGreaterThanOrEqual(300);
    expect(stored.blocks).toHaveLength(paragraphs.length + 1);
    expect(stored.text).toBe(['A very long report', ...paragraphs].join('\n\n'));
    // A relation, not a time: read in one piece, pdf.js would hold the loop for most of the import.
    expect(longest).toBeLessThan((ended - started) / 3);
    await ws.close();
  }, 600_000);
});
