/**
 * Large input: a 50 MB file is refused with a message before it is read; a 20 MB text file
 * imports while the service's event loop keeps turning (the work goes in slices with pauses),
 * and the sliced steps give exactly what one-piece ones would. The figures (duration, loop
 * turns, longest event-loop delay) are printed, not asserted: budgets live in `npm run bench`.
 */
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../shared/api';
import { layoutBlocks, type BlockDraft } from '../../shared/model/blocks';
import { importArticle } from '../../electron/services/importers';
import { layoutInSlices } from '../../electron/services/importers/article';
import { decodeSource } from '../../electron/services/importers/decode';
import { prettyJsonInSlices } from '../../electron/services/store/pretty-json';
import { timeSlicer, type Pause } from '../../electron/services/store/time-slice';
import { ANALYST, articleFile } from './support/layout';

/** No pauses: the slicing is exercised, not the event loop. */
const noPause: Pause = async () => undefined;
import { Workspace } from '../../electron/services/workspace';
import { tempDir } from './support/temp';

/** About `megabytes` MB of plain text in paragraphs, headed by a title line. */
function longReport(megabytes: number): { text: string; paragraphs: number } {
  const parts = ['A very long report\n\n'];
  let size = parts[0]!.length;
  let i = 0;
  while (size < megabytes * 1024 * 1024) {
    const p = `Paragraph ${i} reports that the minister met the envoy in Tokyo on day ${i % 28}; officials said talks would go on, and analysts doubted the plan.\n\n`;
    parts.push(p);
    size += p.length;
    i++;
  }
  return { text: parts.join(''), paragraphs: i };
}

describe('a 50 MB file', () => {
  it('is refused with a message, from disk without being read, and as bytes handed over', async () => {
    const dir = await tempDir();
    const huge = join(dir, 'huge.txt');
    const file = await open(huge, 'w');
    await file.truncate(MAX_IMPORT_BYTES); // exactly 50 MB (a sparse file: nothing to write)
    await file.close();
    const ws = await Workspace.open(join(dir, 'workspace'));
    const fromDisk = await ws.importPaths([huge]);
    expect(fromDisk.failed).toEqual([
      { name: 'huge.txt', reason: 'huge.txt is 50.0 MB, at the 50 MB limit (an article must be smaller); split it into smaller files' },
    ]);

    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1024 * 1024).fill(0x61);
    const handedOver = await ws.importSources([{ name: 'pasted.txt', sourcePath: 'pasted.txt', size: null, read: async () => bytes }]);
    expect(handedOver.failed[0]!.reason).toMatch(
      /^pasted\.txt is 51\.0 MB, over the 50 MB limit \(an article must be smaller\); split it into smaller files$/,
    );
    expect(ws.listDocuments(ANALYST)).toEqual([]);
    await ws.close();
  });
});

describe('a 20 MB text file', () => {
  it('imports whole while the event loop keeps turning', async () => {
    const dir = await tempDir();
    const source = join(dir, 'long-report.txt');
    const { text, paragraphs } = longReport(20);
    await writeFile(source, text);
    const ws = await Workspace.open(join(dir, 'workspace'));

    const delay = monitorEventLoopDelay({ resolution: 10 });
    const turns: number[] = [];
    const ticker = setInterval(() => turns.push(performance.now()), 5);
    delay.enable();
    const started = performance.now();
    const report = await ws.importPaths([source]);
    const ended = performance.now();
    delay.disable();
    clearInterval(ticker);
    const gaps = [started, ...turns, ended].slice(1).map((t, i, all) => t - (i === 0 ? started : all[i - 1]!));
    const longest = Math.max(...gaps);
    console.info(
      `20 MB import: ${Math.round(ended - started)} ms, ${turns.length} timer turns, longest stretch without one ${Math.round(longest)} ms, longest event-loop delay ${Math.round(delay.max / 1e6)} ms`,
    );
    expect(report.failed).toEqual([]);
    const row = report.imported[0]!.row;
    // A relation, not a time: done in one piece, parsing and writing held the loop for most of the import.
    expect(longest).toBeLessThan((ended - started) / 3);
    const stored = await readFile(articleFile(join(dir, 'workspace'), row.id), 'utf8');
    const doc = JSON.parse(stored) as { title: string; text: string; blocks: unknown[] };
    expect(stored).toBe(JSON.stringify(doc, null, 2)); // written in pieces, byte for byte the same
    expect(doc.title).toBe('A very long report');
    expect(doc.blocks).toHaveLength(paragraphs + 1);
    expect(doc.text).toBe(text.trimEnd());
    await ws.close();
  });
});

describe('the sliced steps', () => {
  it('let the event loop turn while a 20 MB article is parsed in memory', async () => {
    const bytes = new TextEncoder().encode(longReport(20).text);
    let turns = 0;
    const ticker = setInterval(() => turns++, 5);
    const article = await importArticle('long-report.txt', bytes);
    clearInterval(ticker);
    expect(article.title).toBe('A very long report');
    expect(turns).toBeGreaterThan(0); // parsing in one piece leaves the timer no turn at all
  });

  it('write JSON byte for byte as JSON.stringify(value, null, 2) does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue()), fc.string({ unit: 'binary', maxLength: 60 }), async (value, text) => {
        const withText = { ...value, text };
        expect(await prettyJsonInSlices(withText, noPause, 7)).toBe(JSON.stringify(withText, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it('decode text as one decoder call does, whatever the slice size', async () => {
    const whole = (bytes: Uint8Array) => decodeSource('x.txt', bytes, noPause, { sliceBytes: Number.MAX_SAFE_INTEGER });
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 9 }), async (bytes, slice) => {
        const expected = await whole(bytes).catch((err: Error) => err.message);
        expect(await decodeSource('x.txt', bytes, noPause, { sliceBytes: slice }).catch((err: Error) => err.message)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    const le = Buffer.from('Tōkyō 東京 \u{1F600} a\r\nb\r\n\r\nc', 'utf16le');
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])]) {
      for (const slice of [1, 2, 3, 5])
        expect(await decodeSource('x.txt', new Uint8Array(bytes), noPause, { sliceBytes: slice })).toMatchObject({
          text: 'Tōkyō 東京 \u{1F600} a\nb\n\nc',
        });
    }
  });

  it('lay out blocks as layoutBlocks does, whatever the slice size', async () => {
    const draft = fc.record({
      type: fc.constantFrom('paragraph' as const, 'quote' as const),
      text: fc.constantFrom('', ' ', 'a', 'b c', ' d\n\ne ', 'ß'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(draft, { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), async (drafts: BlockDraft[], slice) => {
        expect(await layoutInSlices(drafts, timeSlicer(), slice)).toEqual(layoutBlocks(drafts));
      }),
      { numRuns: 300 },
    );
  });
});
