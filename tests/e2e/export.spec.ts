/**
 * Exporting from the app, in Chromium through the browser host: the samples are imported through
 * the Import button and annotated through the API (claims and sources, with a link, including
 * spans after emoji and in CJK text); the Export dialog writes Claimdesk JSONL and then CoNLL
 * split into train/dev/test; the files are read back from the workspace's exports folder (the
 * browser host's destination): every JSONL span has text[start:end] == quote in code points, and
 * the split files exist and share no document.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentData, DocumentRow } from '../../shared/model/types';
import { ENVOY_TITLE, SAMPLES, expect, test, type Api } from './support/fixtures';

const TIME = '2025-01-01T00:00:00.000Z';

/** Spans to add: in which document (by a title word), label, the covered text, and text just before it to find the right place. */
const SPANS = [
  { doc: 'Envoy', id: 'e-claim', label: 'Claim', quote: "I don't see any splintering. On the contrary, I see a very clear message", before: '"' },
  { doc: 'Envoy', id: 'e-source', label: 'Source', quote: 'Hill', before: 'message," ' },
  { doc: 'Geneva', id: 'g-claim', label: 'Claim', quote: '高齢者の熱中症対策は待ったなしだ', before: '「' },
  { doc: 'Geneva', id: 'g-source', label: 'Source', quote: '厚生労働省の佐藤健一審議官', before: 'speed. ' },
  { doc: 'Geneva', id: 'g-caption', label: 'Claim', quote: 'We are the ones treating heatstroke. Fund the clinics now', before: '⚕️ ' },
  { doc: 'Geneva', id: 'g-nurses', label: 'Source', quote: "a coalition of nurses' unions", before: 'centre, ' },
] as const;
const LINKS = [
  ['e-claim', 'e-source'],
  ['g-claim', 'g-source'],
  ['g-caption', 'g-nurses'],
] as const;

/** Adds SPANS and LINKS (UTF-16 offsets, as the API takes them) and marks every document done. */
async function annotate(api: Api, rows: readonly DocumentRow[]): Promise<void> {
  for (const row of rows) {
    const doc = await api<DocumentData>('getDocument', { docId: row.id });
    const mine = SPANS.filter((s) => doc.title.includes(s.doc) || (s.doc === 'Envoy' && doc.title === ENVOY_TITLE));
    const ops: unknown[] = mine.map((s) => {
      const start = doc.text.indexOf(s.before + s.quote) + s.before.length;
      expect(start, `${s.quote} in ${doc.title}`).toBeGreaterThanOrEqual(s.before.length);
      return {
        op: 'addAnnotation',
        annotation: {
          id: s.id,
          label: s.label,
          start,
          end: start + s.quote.length,
          quote: s.quote,
          attributes: {},
          author: 'e2e',
          createdAt: TIME,
          updatedAt: TIME,
        },
      };
    });
    for (const [from, to] of LINKS)
      if (mine.some((s) => s.id === from))
        ops.push({ op: 'addRelation', relation: { id: `r-${from}`, type: 'attributed_to', from, to, author: 'e2e', createdAt: TIME } });
    if (ops.length > 0) await api('applyChanges', { docId: row.id, ops });
    await api('applyChanges', {
      docId: row.id,
      ops: [{ op: 'updateDocument', before: { status: doc.status }, after: { status: 'done' } }],
    });
  }
}

/** The exports folder's entries, newest last (names start with a timestamp). */
const exportsOf = (workspace: string) => readdirSync(join(workspace, 'exports')).sort();

/** The first sentence of each document in a CoNLL file (its tokens after each -DOCSTART-), to tell documents apart. */
function conllDocuments(text: string): string[] {
  return text
    .split(/^-DOCSTART-.*\n\n/m)
    .slice(1)
    .map((doc) =>
      doc
        .split('\n\n')[0]!
        .split('\n')
        .map((line) => line.split('\t')[0])
        .join(' '),
    );
}

test('export Claimdesk JSONL and a CoNLL split from the Export dialog, and read the files back', async ({ page, host, api }) => {
  await page.goto(host.url);
  const samples = readdirSync(SAMPLES).map((name) => join(SAMPLES, name));
  await page.getByLabel('Import files').setInputFiles(samples);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(samples.length);
  const rows = await api<DocumentRow[]>('listDocuments', null);
  await annotate(api, rows);

  const { dialog, preview } = await test.step('Claimdesk JSONL of the whole workspace, with the options as the dialog opens', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog.getByLabel('Format', { exact: true })).toHaveValue('jsonl');
    await expect(dialog.getByRole('radio', { name: /Whole workspace/ })).toBeChecked();
    const preview = dialog.getByRole('region', { name: 'Report before writing' });
    await expect(preview.getByRole('list', { name: 'Spans per label' }).getByRole('listitem', { name: 'Claim: 3' })).toBeVisible();
    await expect(preview.getByRole('list', { name: 'Spans per label' }).getByRole('listitem', { name: 'Source: 3' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('heading', { name: 'Export finished' })).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'Relations per type' }).getByRole('listitem', { name: 'attributed_to: 3' })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('export-jsonl-done.png') });

    const [jsonlName] = exportsOf(host.workspace);
    expect(jsonlName).toMatch(/^\d{8}-\d{6}-jsonl\.jsonl$/);
    await expect(dialog.getByRole('region', { name: 'Files written' })).toContainText(join(host.workspace, 'exports', jsonlName!));
    const lines = readFileSync(join(host.workspace, 'exports', jsonlName!), 'utf8')
      .trimEnd()
      .split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ claimdesk: 'claimdesk-jsonl', offset_unit: 'code_point' });
    const docs = lines.slice(1).map(
      (line) =>
        JSON.parse(line) as {
          id: string;
          text: string;
          spans: { id: string; start: number; end: number; quote: string }[];
          relations: { from: string; to: string }[];
        },
    );
    expect(docs).toHaveLength(samples.length);
    const spans = docs.flatMap((d) => d.spans.map((s) => ({ ...s, codePoints: [...d.text] })));
    expect(spans.map((s) => s.id).sort()).toEqual(SPANS.map((s) => s.id).sort());
    for (const s of spans) expect(s.codePoints.slice(s.start, s.end).join(''), s.id).toBe(s.quote);
    // After the emoji, code points and UTF-16 units differ: the offsets really are code points.
    const caption = docs.flatMap((d) => d.spans.map((s) => ({ s, d }))).find(({ s }) => s.id === 'g-caption')!;
    expect(caption.d.text.slice(caption.s.start, caption.s.end)).not.toBe(caption.s.quote);
    expect(docs.flatMap((d) => d.relations.map((r) => `${r.from}>${r.to}`)).sort()).toEqual(LINKS.map(([f, t]) => `${f}>${t}`).sort());
    return { dialog, preview };
  });

  await test.step('CoNLL, split by document; the training-data format defaults to documents marked done', async () => {
    await dialog.getByRole('button', { name: 'Export again…' }).click();
    await dialog.getByLabel('Format', { exact: true }).selectOption({ label: 'CoNLL IOB2' });
    await expect(dialog.getByRole('radio', { name: 'Only done' })).toBeChecked();
    await dialog.getByRole('checkbox', { name: 'Split into train/dev/test' }).check();
    await dialog.getByLabel('Train', { exact: true }).fill('50');
    await dialog.getByLabel('Dev', { exact: true }).fill('25');
    await dialog.getByLabel('Test', { exact: true }).fill('25');
    await dialog.getByLabel('Seed', { exact: true }).fill('3');
    // Unstratified, 4 documents at 50/25/25 split 2/1/1 (stratified, 2 with claims and 2 without would leave test empty).
    await dialog.getByRole('checkbox', { name: /^Stratify/ }).uncheck();
    await expect(preview.getByRole('list', { name: 'Documents per split' }).getByRole('listitem', { name: 'train: 2' })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('export-conll-options.png') });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('heading', { name: 'Export finished' })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('export-conll-done.png') });

    const folder = exportsOf(host.workspace).find((name) => /^\d{8}-\d{6}-conll$/.test(name));
    expect(folder).toBeDefined();
    const dir = join(host.workspace, 'exports', folder!);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['dev.conll', 'test.conll', 'train.conll']);
    const perSplit = ['train', 'dev', 'test'].map((s) => conllDocuments(readFileSync(join(dir, `${s}.conll`), 'utf8')));
    expect(perSplit.map((d) => d.length)).toEqual([2, 1, 1]);
    const all = perSplit.flat();
    expect(new Set(all).size).toBe(samples.length); // disjoint, and together every done document
    expect(
      readFileSync(join(dir, 'train.conll'), 'utf8') + readFileSync(join(dir, 'dev.conll'), 'utf8') + readFileSync(join(dir, 'test.conll'), 'utf8'),
    ).toMatch(/\tB-Claim\b/);
    // Nothing half-written is left next to the exports.
    expect(exportsOf(host.workspace).filter((name) => name.startsWith('.'))).toEqual([]);

    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(dialog).toBeHidden();
  });
});
