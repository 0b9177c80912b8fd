/**
 * Export output on real temp folders: a stream file encodes appended text into its one buffer
 * and writes exactly the UTF-8 of what was appended, across buffer boundaries, for characters of
 * every width and for texts larger than the buffer.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportOutput } from '../../electron/services/export/output';
import { tempDir } from './support/temp';

describe('stream file', () => {
  it('writes the UTF-8 of everything appended, whatever the sizes', async () => {
    const target = join(await tempDir(), 'out.txt');
    const output = await ExportOutput.create(target, 'file', false);
    const stream = await output.stream('');
    const pieces: string[] = [];
    // Small appends of 1- to 4-byte characters cross the 1 MiB buffer's end many times; large ones bypass it.
    const small = ['a', 'é', '中', '😀', 'x\n', '\u05e9\u05dc\u05d5\u05dd', 'e\u0301'];
    for (let i = 0; i < 400_000; i++) pieces.push(small[i % small.length]!);
    pieces.push('中'.repeat(600_000), 'tail', '😀'.repeat(300_000), '');
    for (let i = 0; i < 50_000; i++) pieces.push(small[(i * 3) % small.length]!);
    for (const p of pieces) await stream.write(p);
    await output.commit();
    expect((await readFile(target)).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
  });
});
