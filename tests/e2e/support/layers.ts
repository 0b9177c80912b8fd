/**
 * Test set-up of annotators' layers (#11) through the host's API, the way several analysts would
 * have left them: the author name in Preferences names the layer every save goes to, so each
 * annotator's spans, links and status are saved under their name in turn, then the name is set
 * to the analyst the test plays. What a test checks is on screen or on disk.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DocStatus, DocumentData, DocumentRow } from '../../../shared/model/types';
import type { Api } from './fixtures';

/** A span to add: its id, label and the first occurrence of `quote` (after the text `after`, when given), with attributes and merge conflicts. */
export type LayerSpan = Readonly<{
  id: string;
  label: string;
  quote: string;
  after?: string;
  attributes?: Readonly<Record<string, string>>;
  conflicts?: readonly unknown[];
}>;
/** One annotator's layer of one document: their spans, links (from id, to id) and status. */
export type LayerSeed = Readonly<{
  annotator: string;
  spans: readonly LayerSpan[];
  links?: readonly (readonly [string, string])[];
  status?: DocStatus;
}>;

const TIME = '2026-11-27T10:00:00.000Z';

/** Imports `file` through the API. @returns its list row */
export async function importArticle(api: Api, file: string): Promise<DocumentRow> {
  const data = (await readFile(file)).toString('base64');
  const report = await api<{ imported: { row: DocumentRow }[]; duplicates: { existing: DocumentRow }[] }>('importFiles', {
    files: [{ name: basename(file), data }],
  });
  const row = report.imported[0]?.row ?? report.duplicates[0]?.existing;
  if (!row) throw new Error(`${basename(file)} was not imported`);
  return row;
}

/** Saves `seed` as its annotator's layer of `docId` (Preferences name the annotator while it is saved). */
export async function seedLayer(api: Api, docId: string, seed: LayerSeed): Promise<void> {
  await api('updatePreferences', { author: seed.annotator });
  const doc = await api<DocumentData>('getDocument', { docId, layer: seed.annotator });
  const ops: unknown[] = seed.spans.map(({ id, label, quote, after, attributes = {}, conflicts }) => {
    const start = doc.text.indexOf(quote, after === undefined ? 0 : doc.text.indexOf(after) + after.length);
    if (start < 0) throw new Error(`"${quote}" is not in ${doc.title}`);
    const annotation = {
      id,
      label,
      start,
      end: start + quote.length,
      quote,
      attributes,
      author: seed.annotator,
      createdAt: TIME,
      updatedAt: TIME,
    };
    return { op: 'addAnnotation', annotation: conflicts ? { ...annotation, conflicts } : annotation };
  });
  for (const [from, to] of seed.links ?? [])
    ops.push({ op: 'addRelation', relation: { id: `${from}-${to}`, type: 'attributed_to', from, to, author: seed.annotator, createdAt: TIME } });
  if (seed.status && seed.status !== doc.status) ops.push({ op: 'updateDocument', before: { status: doc.status }, after: { status: seed.status } });
  if (ops.length > 0) await api('applyChanges', { docId, ops, layer: seed.annotator });
}

/** Saves every seed in turn, then makes `me` the analyst (their author name, so their own layer). */
export async function seedLayers(api: Api, docId: string, seeds: readonly LayerSeed[], me: string): Promise<void> {
  for (const seed of seeds) await seedLayer(api, docId, seed);
  await api('updatePreferences', { author: me });
}
