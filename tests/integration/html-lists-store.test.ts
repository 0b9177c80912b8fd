/** HTML lists imported into a real workspace: the list_item blocks are stored and read back after a reopen. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace';
import { ANALYST } from './support/layout';
import { tempDir } from './support/temp';

const PAGE = `<!doctype html><html><head><title>Recycling rules change on Monday</title></head><body><article>
<h1>Recycling rules change on Monday</h1>
<p>The city's new recycling rules take effect on Monday, and bins with the wrong things in them will be left on the curb.</p>
<p>Under the new rules, the following items can no longer go in the blue bin, the sanitation department said on Friday:</p>
<ul><li>Plastic bags and film</li><li>Takeaway coffee cups<ol><li>with lids</li></ol></li></ul>
<p>Glass bottles and jars are still accepted, but must be rinsed first, and pizza boxes are accepted if they are clean.</p>
</article></body></html>`;

describe('html lists in the workspace', () => {
  it('stores list items with their depth and kind, and reads them back after a reopen', async () => {
    const dir = await tempDir();
    const source = join(await tempDir(), 'recycling.html');
    await writeFile(source, PAGE);
    const { row } = (await (await Workspace.open(dir)).importPaths([source])).imported[0]!;
    const doc = await (await Workspace.open(dir)).openDocument(row.id, ANALYST);
    const items = doc.blocks.filter((b) => b.type === 'list_item').map((b) => [doc.text.slice(b.start, b.end), b.level, b.ordered]);
    expect(items).toEqual([
      ['Plastic bags and film', 1, false],
      ['Takeaway coffee cups', 1, false],
      ['with lids', 2, true],
    ]);
  });
});
