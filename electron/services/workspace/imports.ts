/**
 * Bringing documents into a workspace: article files from disk or uploaded (parsed by the
 * importers, outside the store's queue, then stored as one step in it), and documents that come
 * with their annotations (Claimdesk JSONL and brat corpora, parsed by importers/corpus.ts). Each
 * file or document is handled on its own: a bad one is reported and skipped, one whose content
 * is already in the workspace is reported as a duplicate. Never throws for bad input.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { MAX_IMPORT_BYTES, type ImportReport } from '../../../shared/api';
import { documentFileProblem } from '../../../shared/model/file-checks';
import { isDocId } from '../../../shared/model/keys';
import { articleOf, splitIntoLayers, type LayerFile } from '../../../shared/model/layers';
import type { DocumentData, IndexRow } from '../../../shared/model/types';
import { importArticle } from '../importers';
import { ImportError, SUPPORTED_EXTENSIONS } from '../importers/types';
import { timeSlicer, type Pause } from '../store/time-slice';
import type { DocumentStore } from './document-store';
import { rowOf, textHash } from './files';

/** A file to import: a display name, where it came from, and how to read its bytes. */
export type ImportSource = Readonly<{ name: string; sourcePath: string; size: number | null; read: () => Promise<Uint8Array> }>;

type ImportedEntry = ImportReport['imported'][number];
type DuplicateEntry = ImportReport['duplicates'][number];
type FailedEntry = ImportReport['failed'][number];
type Article = Awaited<ReturnType<typeof importArticle>>;

/**
 * Imports files and folders from disk (folders recursively, hidden entries skipped; inside
 * folders only supported extensions are taken).
 * @returns what happened to each file
 */
export async function importPaths(store: DocumentStore, paths: readonly string[]): Promise<ImportReport> {
  const sources: ImportSource[] = [];
  const failed: FailedEntry[] = [];
  for (const p of paths) {
    const name = basename(p);
    try {
      const info = await stat(p);
      if (info.isDirectory()) {
        const inside = await collectFolder(p);
        if (inside.length === 0)
          failed.push({ name, reason: `${name} is a folder with no articles in it (${SUPPORTED_EXTENSIONS.join(', ')}); check the folder` });
        sources.push(...inside);
      } else if (info.isFile()) sources.push(fileSource(p, info.size));
      // A pipe or device would be read forever: only regular files are articles.
      else failed.push({ name, reason: `${name} is not a regular file (a pipe, socket or device); save the article as a file and import that` });
    } catch (err) {
      failed.push({ name, reason: describeReadError(name, err) });
    }
  }
  const report = await importSources(store, sources);
  return { ...report, failed: [...failed, ...report.failed] };
}

/**
 * Imports a batch of article sources, one after another.
 * @returns one entry per source
 * @throws ApiError CONFLICT when the workspace is read-only here
 */
export async function importSources(store: DocumentStore, sources: readonly ImportSource[]): Promise<ImportReport> {
  store.assertWritable();
  const imported: ImportedEntry[] = [];
  const duplicates: DuplicateEntry[] = [];
  const failed: FailedEntry[] = [];
  for (const source of sources) {
    const outcome = await importOne(store, source);
    if ('reason' in outcome) failed.push(outcome);
    else if ('existing' in outcome) duplicates.push(outcome);
    else imported.push(outcome);
  }
  return { imported, duplicates, failed };
}

async function importOne(store: DocumentStore, source: ImportSource): Promise<ImportedEntry | DuplicateEntry | FailedEntry> {
  const { name } = source;
  if (source.size !== null && source.size >= MAX_IMPORT_BYTES) return { name, reason: tooLarge(name, source.size) };
  let bytes: Uint8Array;
  try {
    bytes = await source.read();
  } catch (err) {
    return { name, reason: describeReadError(name, err) };
  }
  if (bytes.byteLength >= MAX_IMPORT_BYTES) return { name, reason: tooLarge(name, bytes.byteLength) };
  // A 20 MB file takes seconds to import: every step gives the event loop a turn now and then.
  const pause = timeSlicer();
  const sha256 = await sha256InSlices(bytes, pause);
  const existing = store.rows().find((row) => row.sha256 === sha256);
  if (existing) return { name, existing };
  let article: Article;
  try {
    article = await importArticle(name, bytes, pause);
  } catch (err) {
    if (err instanceof ImportError) return { name, reason: err.message };
    return { name, reason: `${name} could not be imported (${(err as Error).message ?? String(err)})` };
  }
  // Parsing took its time outside the queue; storing is one step in it, checked again for a twin imported meanwhile.
  return store.run(() => storeArticle(store, source, sha256, bytes.byteLength, article));
}

async function storeArticle(
  store: DocumentStore,
  source: ImportSource,
  sha256: string,
  byteLength: number,
  article: Article,
): Promise<ImportedEntry | DuplicateEntry> {
  const { name } = source;
  const existing = store.rows().find((row) => row.sha256 === sha256);
  if (existing) return { name, existing };
  const doc: DocumentData = {
    id: store.newDocId(sha256),
    title: article.title,
    text: article.text,
    blocks: article.blocks,
    status: 'new',
    attributes: {},
    meta: {
      sourcePath: source.sourcePath,
      sourceName: name,
      sha256,
      importedAt: store.now().toISOString(),
      format: article.format,
      byteLength,
      ...article.meta,
      ...(article.warnings.length > 0 ? { warnings: article.warnings } : {}),
    },
    annotations: [],
    relations: [],
  };
  const row = await store.create(articleOf(doc), rowOf(doc));
  await store.commitIndex();
  return { name, row, warnings: article.warnings };
}

/** Whose layer an annotated import goes into. */
export type AnnotatedImportOptions = Readonly<{
  /** Every annotation into this annotator's layer; absent: each annotation into its author's. */
  annotator?: string;
  /** The layer of annotations with no (usable) author when `annotator` is absent: the analyst importing. */
  fallback: string;
}>;

/**
 * Stores documents that come with their annotations and relations (a Claimdesk JSONL, W3C or
 * brat corpus) into annotation layers. A document whose text (sha256 of its UTF-8) or source hash
 * is already in the workspace, or earlier in the batch, adds its layers to that document instead
 * of a new one; a layer that is already there with annotations is not overwritten (the record is
 * reported as a duplicate). A new document keeps its id when that id is free, else gets one from
 * its text hash. Each document is held to the checks every file read from disk passes (ids,
 * names, spans on whole characters with matching quotes, relation ends); one that fails is
 * reported and not stored. The index is written once, at the end. Labels are not checked against
 * the schema here: the caller widens the schema first.
 * @returns one entry per document, as importPaths reports files
 */
export function importAnnotatedDocuments(
  store: DocumentStore,
  entries: readonly Readonly<{ name: string; doc: DocumentData }>[],
  options: AnnotatedImportOptions,
): Promise<ImportReport> {
  return store.run(async () => {
    store.assertWritable();
    const imported: ImportedEntry[] = [];
    const duplicates: DuplicateEntry[] = [];
    const failed: FailedEntry[] = [];
    const known = new Map<string, IndexRow>();
    for (const row of store.rows()) known.set(row.sha256, row).set(row.textSha256, row);
    for (const { name, doc } of entries) {
      const hash = textHash(doc.text);
      const existing = known.get(doc.meta.sha256) ?? known.get(hash);
      const id = existing?.id ?? (isDocId(doc.id) && !store.hasRow(doc.id) ? doc.id : store.newDocId(hash));
      const stored: DocumentData = { ...doc, id };
      const problem = documentFileProblem(stored as unknown as Readonly<Record<string, unknown>>);
      if (problem) {
        failed.push({ name, reason: `${name}: ${problem}; the document is not imported` });
        continue;
      }
      const layers = splitIntoLayers(stored, options.fallback, options.annotator);
      if (existing) {
        const taken = store.layerSummaries(existing.id);
        let present: Set<string>;
        try {
          present = await annotationIdsOf(store, existing.id, Object.keys(taken));
        } catch (err) {
          failed.push({ name, reason: `${name}: the document it annotates cannot be read (${(err as Error).message}); the record is not imported` });
          continue;
        }
        // A layer goes in when the document has none of that name and, unless the analyst named the
        // layer, its annotations are not already there (re-importing the workspace's own export adds nothing).
        const isCopy = (l: LayerFile) => options.annotator === undefined && l.annotations.length > 0 && l.annotations.every((a) => present.has(a.id));
        const fresh = layers.filter((l) => (taken[l.layer]?.annotationCount ?? 0) === 0 && !isCopy(l));
        if (existing.textSha256 !== hash || fresh.length === 0 || layers.length === 0) {
          duplicates.push({ name, existing });
          continue;
        }
        for (const layer of fresh) await store.saveLayer(await store.layerHandle(existing.id, layer.layer), layer);
        imported.push({
          name,
          row: existing,
          warnings: fresh.length < layers.length ? [`${name}: layers already in the workspace were kept as they are`] : [],
        });
        continue;
      }
      const row = await store.create(articleOf(stored), rowOf(stored, hash), layers);
      known.set(row.sha256, row).set(hash, row);
      imported.push({ name, row, warnings: [] });
    }
    if (imported.length > 0) await store.commitIndex();
    return { imported, duplicates, failed };
  });
}

/** The ids of every annotation in the given layers of a document. */
async function annotationIdsOf(store: DocumentStore, docId: string, layers: readonly string[]): Promise<Set<string>> {
  const ids = new Set<string>();
  const article = await store.readArticle(docId);
  for (const layer of layers) for (const a of (await store.readLayer(article, layer)).annotations) ids.add(a.id);
  return ids;
}

/** The SHA-256 of `bytes` in hex, hashed a megabyte at a time with pauses between. */
export async function sha256InSlices(bytes: Uint8Array, pause: Pause): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.length; at += 1 << 20) {
    hash.update(bytes.subarray(at, at + (1 << 20)));
    await pause();
  }
  return hash.digest('hex');
}

/** Turns an fs error on a source file into a sentence for the import report. */
function describeReadError(name: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${name} no longer exists (it was moved or deleted); check the path and import it again`;
  if (code === 'EACCES' || code === 'EPERM') return `${name} cannot be read (permission denied); give yourself read access and import it again`;
  if (code === 'EISDIR') return `${name} is a folder; use Import Folder to import the articles inside it`;
  return `${name} cannot be read (${(err as Error).message})`;
}

function tooLarge(name: string, bytes: number): string {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  const where = bytes > MAX_IMPORT_BYTES ? 'over' : 'at';
  return `${name} is ${mb} MB, ${where} the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit (an article must be smaller); split it into smaller files`;
}

function fileSource(path: string, size: number | null): ImportSource {
  return { name: basename(path), sourcePath: path, size, read: async () => new Uint8Array(await readFile(path)) };
}

/** Every supported article file below `dir`, in name order, skipping hidden entries. */
async function collectFolder(dir: string): Promise<ImportSource[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const sources: ImportSource[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) sources.push(...(await collectFolder(full)));
    else if (entry.isFile() && SUPPORTED_EXTENSIONS.includes(extname(entry.name).toLowerCase()))
      sources.push(fileSource(full, (await stat(full)).size));
  }
  return sources;
}
