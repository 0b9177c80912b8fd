/**
 * Test set-up through the host's API: import an article and give it annotations and links at
 * the places their quotes occur, the way a previous session would have left them (saved, as
 * every change through the API is, in the layer of the analyst the host's Preferences name). Used
 * before the UI is looked at; what a test checks is on screen or on disk, where a document is an
 * article file and one layer file per annotator (format 2, see shared/model/layers.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { annotatorOfFileName, composeDocument, emptyLayer, layerFileName, type ArticleFile, type LayerFile } from '../../../shared/model/layers';
import type { DocumentData, DocumentRow } from '../../../shared/model/types';
import { callApi, type HostProcess } from './host';

/** An annotation to add: its id, label and the first occurrence of `quote` at or after `after`'s end. */
export type SpanSeed = Readonly<{ id: string; label: string; quote: string; after?: string }>;
/** A link to add between two seeded annotations. */
export type LinkSeed = Readonly<{ id: string; type: string; from: string; to: string }>;

const STAMP = { author: 'setup', createdAt: '2026-11-27T10:00:00Z', updatedAt: '2026-11-27T10:00:00Z' };

/**
 * Imports `file` into the host's workspace and adds `spans` and `links` in one change, in the
 * layer of the analyst the host works as.
 * @returns the stored document as that analyst sees it (after the change)
 * @throws Error when a quote is not in the text or the API refuses the change
 */
export async function seedDocument(
  request: APIRequestContext,
  host: HostProcess,
  file: string,
  spans: readonly SpanSeed[] = [],
  links: readonly LinkSeed[] = [],
): Promise<DocumentData> {
  const data = (await readFile(file)).toString('base64');
  const report = await callApi<{ imported: { row: DocumentRow }[] }>(request, host, 'importFiles', { files: [{ name: basename(file), data }] });
  const docId = report.imported[0]!.row.id;
  const doc = await callApi<DocumentData>(request, host, 'getDocument', { docId });
  const ends = new Map<string, number>();
  const annotations = spans.map(({ id, label, quote, after }) => {
    const start = doc.text.indexOf(quote, after === undefined ? 0 : (ends.get(after) ?? 0));
    if (start < 0) throw new Error(`"${quote}" is not in ${basename(file)}`);
    ends.set(id, start + quote.length);
    return { id, label, start, end: start + quote.length, quote, attributes: {}, ...STAMP };
  });
  const ops = [
    ...annotations.map((annotation) => ({ op: 'addAnnotation', annotation })),
    ...links.map((relation) => ({ op: 'addRelation', relation: { ...relation, author: STAMP.author, createdAt: STAMP.createdAt } })),
  ];
  if (ops.length > 0) await callApi(request, host, 'applyChanges', { docId, ops });
  return callApi<DocumentData>(request, host, 'getDocument', { docId });
}

/** `documents/<id>/layers/<annotator>.json` in a workspace: the file of one annotator's layer of a document. */
export const layerFileOnDisk = (workspace: string, docId: string, annotator: string): string =>
  join(workspace, 'documents', docId, 'layers', layerFileName(annotator));

/**
 * A document as it is on disk now: its article (`documents/<id>/article.json`) seen through one
 * annotator's layer file, by default the only one it has (the host's analyst's, when a test
 * annotates as one analyst); a document nobody has saved a layer of yet has no annotations.
 * @throws Error when the document has layers of several annotators and none is named
 */
export async function documentOnDisk(host: HostProcess, docId: string, annotator?: string): Promise<DocumentData> {
  const folder = join(host.workspace, 'documents', docId);
  const article = JSON.parse(await readFile(join(folder, 'article.json'), 'utf8')) as ArticleFile;
  const annotators = (await readdir(join(folder, 'layers')).catch(() => [] as string[])).flatMap((f) => annotatorOfFileName(f) ?? []);
  if (annotator === undefined && annotators.length > 1)
    throw new Error(`document ${docId} has layers of ${annotators.join(', ')}: name the one to read`);
  const name = annotator ?? annotators[0];
  const layer =
    name === undefined || !annotators.includes(name)
      ? emptyLayer(docId, name ?? '')
      : (JSON.parse(await readFile(layerFileOnDisk(host.workspace, docId, name), 'utf8')) as LayerFile);
  return composeDocument(article, layer);
}
