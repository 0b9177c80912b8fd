/**
 * Re-importing a text document with another encoding (#12 defect 14) on a real workspace: the
 * article is replaced (text, blocks, title, encoding) and survives a reopen; the original file
 * must be the one imported; a document with annotations whose text would change is refused,
 * and so are Word/PDF documents and unknown encodings. Each refusal says what to do.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/services/workspace';
import { buildDocx, para } from '../unit/support/docx';
import { ANALYST, articleFile } from './support/layout';
import { tempDir } from './support/temp';

/** A short Polish text in ISO-8859-2: too short for detection to tell it from Windows-1252. */
const POLISH = 'Łódź\n\nMiasto.';

async function polishWorkspace() {
  const dir = await tempDir();
  const file = join(dir, 'lodz.txt');
  const bytes = iconv.encode(POLISH, 'iso-8859-2');
  await writeFile(file, bytes);
  const ws = await Workspace.open(join(dir, 'workspace'));
  const { row } = (await ws.importPaths([file])).imported[0]!;
  return { dir, ws, docId: row.id, bytes: new Uint8Array(bytes) };
}

describe('re-import with another encoding', () => {
  it('replaces the article with the text decoded as the chosen encoding, kept on disk', async () => {
    const { dir, ws, docId, bytes } = await polishWorkspace();
    const first = await ws.openDocument(docId, ANALYST);
    expect(first.meta.encoding).toBe('windows-1252'); // the detector's best guess for so little text
    expect(first.text).toBe('£ód¼\n\nMiasto.');

    const row = await ws.reimportDocument(docId, 'iso-8859-2', bytes, ANALYST);
    expect(row.title).toBe('Łódź');
    await ws.close();
    const reopened = await Workspace.open(join(dir, 'workspace'));
    const doc = await reopened.openDocument(docId, ANALYST);
    expect(doc.text).toBe(POLISH);
    expect(doc.meta).toMatchObject({ encoding: 'iso-8859-2', warnings: ['decoded as iso-8859-2 (chosen)'], sourceName: 'lodz.txt' });
    expect(doc.blocks).toHaveLength(2);
    expect(reopened.listDocuments(ANALYST)[0]).toMatchObject({ title: 'Łódź', length: POLISH.length });
    const stored = JSON.parse(await readFile(articleFile(join(dir, 'workspace'), docId), 'utf8')) as { text: string };
    expect(stored.text).toBe(POLISH);
    await reopened.close();
  });

  it('refuses another file than the one imported', async () => {
    const { ws, docId } = await polishWorkspace();
    await expect(ws.reimportDocument(docId, 'iso-8859-2', iconv.encode('Something else', 'iso-8859-2'), ANALYST)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'that file is not lodz.txt as it was imported (its content differs): choose the file this document was imported from',
    });
    await ws.close();
  });

  it('refuses when annotations would sit on changed text, and allows a choice that keeps the text', async () => {
    const { ws, docId, bytes } = await polishWorkspace();
    const doc = await ws.openDocument(docId, ANALYST);
    const quote = doc.text.slice(0, 4);
    await ws.applyChanges(docId, ANALYST, [
      {
        op: 'addAnnotation',
        annotation: { id: 'a1', label: 'Entity', start: 0, end: 4, quote, attributes: {}, author: 'ann', createdAt: 't', updatedAt: 't' },
      },
    ]);
    await expect(ws.reimportDocument(docId, 'iso-8859-2', bytes, ANALYST)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /^lodz\.txt has 1 annotation, and decoding it as iso-8859-2 changes the text under them: remove the annotations first/,
      ),
    });
    expect((await ws.openDocument(docId, ANALYST)).text).toBe(doc.text);
    // The encoding it has already: the text stays the same, so the annotations stay valid.
    await ws.reimportDocument(docId, doc.meta.encoding!, bytes, ANALYST);
    expect((await ws.openDocument(docId, ANALYST)).annotations.map((a) => a.quote)).toEqual([quote]);
    await ws.close();
  });

  it('refuses a Word document and an unknown encoding, saying why', async () => {
    const dir = await tempDir();
    const docx = buildDocx({ body: [para('A Word article.')] });
    await writeFile(join(dir, 'a.docx'), docx);
    const ws = await Workspace.open(join(dir, 'workspace'));
    const { row } = (await ws.importPaths([join(dir, 'a.docx')])).imported[0]!;
    await expect(ws.reimportDocument(row.id, 'windows-1252', docx, ANALYST)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'a.docx is a DOCX file: only text files (.txt, .md, .html) have an encoding to choose',
    });
    await ws.close();
    const polish = await polishWorkspace();
    await expect(polish.ws.reimportDocument(polish.docId, 'klingon', polish.bytes, ANALYST)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'klingon is not an encoding Claimdesk can decode; choose another one (for example windows-1252)',
    });
    await polish.ws.close();
  });
});
