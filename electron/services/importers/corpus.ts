/**
 * Importing files and folders of any kind Claimdesk reads: articles (.txt/.md/.html, through the
 * workspace's importers), Claimdesk JSONL corpora (.jsonl), W3C Web Annotation files (.json,
 * .jsonld: annotations placed on documents already in the workspace) and brat folders (a folder
 * with .ann files: each .txt/.ann pair becomes a document with its annotations). Bad records are
 * reported with their file and line; valid ones still go in; nothing already in the workspace is
 * changed (the schema only gains what imported annotations need). Plain Node.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createHash } from 'node:crypto';
import { ApiError, type ImportReport } from '../../../shared/api';
import { attributesFromTags } from '../../../shared/formats/attribute-tags';
import { blocksOfPlainText, parseBratAnn } from '../../../shared/formats/brat';
import { parseJsonlHeader, parseJsonlLine } from '../../../shared/formats/jsonl';
import { coverDocuments } from '../../../shared/formats/schema-cover';
import { anchorW3cSpan, itemIri, parseW3c } from '../../../shared/formats/w3c';
import type { Operation } from '../../../shared/model/operations';
import type { Annotation, DocumentData, Relation, Schema } from '../../../shared/model/types';
import { SUPPORTED_EXTENSIONS } from './types';
import type { Workspace } from '../workspace';
import type { AnnotatedImportOptions } from '../workspace/imports';
import { splitIntoLayers } from '../../../shared/model/layers';

/** A problem with one record of an imported file; `line` is 1-based, null when it concerns the whole file. */
export type ImportProblem = Readonly<{ file: string; line: number | null; reason: string }>;

/** What a corpus import did: documents as importPaths reports them, plus record-level problems and schema additions. */
export type CorpusImportReport = ImportReport &
  Readonly<{
    problems: readonly ImportProblem[];
    /** Annotations and relations placed on existing documents (W3C). */
    annotationsAdded: number;
    relationsAdded: number;
    schemaAdded: readonly string[];
  }>;

type Entry = { name: string; doc: DocumentData };
type Mutable = {
  imported: ImportReport['imported'][number][];
  duplicates: ImportReport['duplicates'][number][];
  failed: ImportReport['failed'][number][];
  problems: ImportProblem[];
  annotationsAdded: number;
  relationsAdded: number;
  schemaAdded: string[];
};

/** Documents stored per batch: bounds memory on large corpora. */
const BATCH = 200;

/** The paths of each kind found under the given files and folders. */
type Routes = { articles: string[]; jsonl: string[]; w3c: string[]; brat: string[]; unknown: string[] };

async function route(paths: readonly string[], routes: Routes, depth = 0): Promise<void> {
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      routes.articles.push(p); // the workspace's importer reports the unreadable path in its own words
      continue;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(p, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
      const isBrat = entries.some((e) => e.isFile() && e.name.endsWith('.ann'));
      if (isBrat) routes.brat.push(p);
      const files = entries.filter((e) => e.isFile()).map((e) => join(p, e.name));
      // In a brat folder the .txt/.ann pairs and annotation.conf belong to the brat import.
      await route(isBrat ? files.filter((f) => !['.txt', '.ann', '.conf'].includes(extname(f).toLowerCase())) : files, routes, depth + 1);
      await route(
        entries.filter((e) => e.isDirectory()).map((e) => join(p, e.name)),
        routes,
        depth + 1,
      );
      continue;
    }
    const ext = extname(p).toLowerCase();
    if (ext === '.jsonl') routes.jsonl.push(p);
    else if (ext === '.json' || ext === '.jsonld') routes.w3c.push(p);
    else if (ext === '.ann') routes.brat.push(p);
    else if (SUPPORTED_EXTENSIONS.includes(ext)) routes.articles.push(p);
    else if (depth === 0) routes.unknown.push(p);
  }
}

/** Widens the schema for documents about to be stored (or adopts `adopt` into an empty workspace). */
async function coverSchema(workspace: Workspace, docs: readonly DocumentData[], report: Mutable, adopt: Schema | null): Promise<void> {
  let schema = workspace.info().schema;
  if (adopt && workspace.listDocuments('').length === 0 && JSON.stringify(adopt) !== JSON.stringify(schema)) {
    schema = adopt;
    report.schemaAdded.push('the schema of the imported file (the workspace was empty)');
    await workspace.updateSchema(schema, { renamedLabels: {}, removedLabels: [] });
  }
  const covered = coverDocuments(schema, docs);
  if (covered.added.length === 0) return;
  report.schemaAdded.push(...covered.added);
  await workspace.updateSchema(covered.schema, { renamedLabels: {}, removedLabels: [] });
}

async function store(workspace: Workspace, entries: Entry[], report: Mutable, adopt: Schema | null, layers: AnnotatedImportOptions): Promise<void> {
  if (entries.length === 0) return;
  await coverSchema(
    workspace,
    entries.map((e) => e.doc),
    report,
    adopt,
  );
  const r = await workspace.importAnnotatedDocuments(entries, layers);
  report.imported.push(...r.imported);
  report.duplicates.push(...r.duplicates);
  report.failed.push(...r.failed);
  entries.length = 0;
}

/** A Claimdesk JSONL file, streamed line by line. */
async function importJsonl(workspace: Workspace, path: string, report: Mutable, layers: AnnotatedImportOptions): Promise<void> {
  const name = basename(path);
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  let adopt: Schema | null = null;
  let sawContent = false;
  const batch: Entry[] = [];
  for await (const raw of lines) {
    lineNo += 1;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    if (!sawContent) {
      sawContent = true;
      const header = parseJsonlHeader(line);
      if (header && 'schema' in header) {
        adopt = header.schema;
        continue;
      }
      if (header) {
        report.problems.push({ file: name, line: lineNo, reason: header.reason });
        continue;
      }
    }
    const parsed = parseJsonlLine(line);
    if ('reason' in parsed) report.problems.push({ file: name, line: lineNo, reason: parsed.reason });
    else batch.push({ name: `${name}:${lineNo}`, doc: parsed.doc });
    if (batch.length >= BATCH) await store(workspace, batch, report, adopt, layers);
  }
  await store(workspace, batch, report, adopt, layers);
}

/** A brat folder (or a single .ann next to its .txt). */
async function importBrat(workspace: Workspace, path: string, report: Mutable, now: string, layers: AnnotatedImportOptions): Promise<void> {
  const info = await stat(path);
  const dir = info.isDirectory() ? path : join(path, '..');
  const stems = info.isDirectory()
    ? [...new Set((await readdir(dir)).filter((f) => !f.startsWith('.') && /\.(txt|ann)$/.test(f)).map((f) => f.replace(/\.(txt|ann)$/, '')))].sort()
    : [basename(path, '.ann')];
  const batch: Entry[] = [];
  for (const stem of stems) {
    const txtName = `${stem}.txt`;
    const annName = `${stem}.ann`;
    let text: string;
    try {
      text = (await readFile(join(dir, txtName), 'utf8')).replace(/^\uFEFF/, '');
    } catch {
      report.problems.push({ file: annName, line: null, reason: `${txtName} is missing next to it; the pair is skipped` });
      continue;
    }
    let ann = '';
    try {
      ann = await readFile(join(dir, annName), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; // a .txt with no .ann is a document without annotations
    }
    const parsed = parseBratAnn(text, ann, workspace.info().schema, now);
    for (const p of parsed.problems) report.problems.push({ file: annName, line: p.line, reason: p.reason });
    const bytes = Buffer.byteLength(text, 'utf8');
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    const firstLine =
      text
        .split('\n')
        .find((l) => l.trim() !== '')
        ?.trim() ?? stem;
    batch.push({
      name: txtName,
      doc: {
        id: /^[0-9a-f]{6,64}$/.test(stem) ? stem : '',
        title: [...firstLine].length > 200 ? `${[...firstLine].slice(0, 199).join('')}…` : firstLine,
        text,
        blocks: blocksOfPlainText(text),
        meta: { sourcePath: join(dir, txtName), sourceName: txtName, sha256, importedAt: now, format: 'txt', byteLength: bytes },
        status: 'new',
        attributes: {},
        annotations: parsed.annotations,
        relations: parsed.relations,
      },
    });
    if (batch.length >= BATCH) await store(workspace, batch, report, null, layers);
  }
  await store(workspace, batch, report, null, layers);
}

/** A W3C file: its annotations go onto the documents they target. */
async function importW3c(workspace: Workspace, path: string, report: Mutable, now: string, layers: AnnotatedImportOptions): Promise<void> {
  const name = basename(path);
  const parsed = parseW3c(await readFile(path, 'utf8'));
  for (const p of parsed.problems) report.problems.push({ file: name, line: p.line, reason: p.reason });
  const byDoc = new Map<string, { spans: typeof parsed.spans; links: typeof parsed.links }>();
  const rows = workspace.listDocuments('');
  for (const s of parsed.spans) {
    const docId = s.docId && rows.some((r) => r.id === s.docId) ? s.docId : null;
    if (!docId) {
      report.problems.push({
        file: name,
        line: s.line,
        reason: `annotation ${s.item + 1}: its document ${s.source} is not in this workspace; import the article first`,
      });
      continue;
    }
    const group = byDoc.get(docId) ?? { spans: [], links: [] };
    group.spans.push(s);
    byDoc.set(docId, group);
  }
  for (const l of parsed.links) {
    const group = l.docId ? byDoc.get(l.docId) : undefined;
    if (!group) {
      report.problems.push({ file: name, line: l.line, reason: `link ${l.item + 1}: it joins annotations that are not in this file's documents` });
      continue;
    }
    group.links.push(l);
  }
  for (const [docId, group] of byDoc) {
    const article = await workspace.readDocument(docId, null);
    const schema = workspace.info().schema;
    // What is already there: in the named layer, or (each to its author's layer) in any layer, so
    // that importing a file twice, or the workspace's own W3C export, changes nothing.
    const present = await itemIdsIn(workspace, docId, layers.annotator !== undefined ? [layers.annotator] : Object.keys(workspace.layers(docId)));
    const iriToId = new Map<string, string>();
    const annotations: Annotation[] = [];
    for (const s of group.spans) {
      const place = anchorW3cSpan(article.text, s);
      if (!place) {
        report.problems.push({ file: name, line: s.line, reason: `annotation ${s.item + 1}: its quote is not in the text of ${docId}` });
        continue;
      }
      const typed = attributesFromTags(
        s.tags,
        schema.labels.find((l) => l.name === s.label),
      );
      if ('reason' in typed) {
        report.problems.push({ file: name, line: s.line, reason: `annotation ${s.item + 1}: ${typed.reason}` });
        continue;
      }
      iriToId.set(itemIri(docId, 'span', s.spanId), s.spanId);
      if (present.spans.has(s.spanId)) continue;
      const created = s.created ?? now;
      annotations.push({
        id: s.spanId,
        label: s.label,
        start: place.start,
        end: place.end,
        quote: article.text.slice(place.start, place.end),
        attributes: typed.attributes,
        ...(s.note === undefined ? {} : { note: s.note }),
        author: s.author,
        createdAt: created,
        updatedAt: s.modified ?? created,
      });
      present.spans.add(s.spanId);
    }
    const relations: Relation[] = [];
    for (const l of group.links) {
      const from = iriToId.get(l.from);
      const to = iriToId.get(l.to);
      if (!from || !to) {
        report.problems.push({
          file: name,
          line: l.line,
          reason: `link ${l.item + 1}: ${!from ? l.from : l.to} is not an annotation that was placed`,
        });
        continue;
      }
      if (!present.links.has(l.relationId))
        relations.push({ id: l.relationId, type: l.type, from, to, author: l.author, createdAt: l.created ?? now });
    }
    if (annotations.length === 0 && relations.length === 0) continue;
    const incoming: DocumentData = { ...article, annotations, relations };
    await coverSchema(workspace, [incoming], report, null);
    // Into the named layer, or each annotation into its author's (its links with it).
    for (const part of splitIntoLayers(incoming, layers.fallback, layers.annotator)) {
      const ops: Operation[] = [
        ...part.annotations.map((annotation) => ({ op: 'addAnnotation' as const, annotation })),
        ...part.relations.map((relation) => ({ op: 'addRelation' as const, relation })),
      ];
      try {
        await workspace.applyChanges(docId, part.layer, ops);
        report.annotationsAdded += part.annotations.length;
        report.relationsAdded += part.relations.length;
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        report.problems.push({
          file: name,
          line: null,
          reason: `the annotations for ${docId} in ${part.layer}'s layer were not added: ${err.message}`,
        });
      }
    }
  }
}

/** The ids of the annotations and of the relations in some layers of a document. */
async function itemIdsIn(workspace: Workspace, docId: string, layerNames: readonly string[]): Promise<{ spans: Set<string>; links: Set<string> }> {
  const spans = new Set<string>();
  const links = new Set<string>();
  for (const layer of layerNames) {
    const doc = await workspace.readDocument(docId, layer);
    for (const a of doc.annotations) spans.add(a.id);
    for (const r of doc.relations) links.add(r.id);
  }
  return { spans, links };
}

/**
 * Imports files and folders of every kind Claimdesk reads. Articles go first, then corpora, then
 * W3C files (whose annotations need their documents in place).
 * @param layers whose layer annotated records go into (see AnnotatedImportOptions)
 * @param now the time stamped where an imported record has none
 * @returns what happened to each document and each bad record; never throws for bad input
 */
export async function importCorpusPaths(
  workspace: Workspace,
  paths: readonly string[],
  layers: AnnotatedImportOptions,
  now: () => Date = () => new Date(),
): Promise<CorpusImportReport> {
  const routes: Routes = { articles: [], jsonl: [], w3c: [], brat: [], unknown: [] };
  await route(paths, routes);
  const report: Mutable = { imported: [], duplicates: [], failed: [], problems: [], annotationsAdded: 0, relationsAdded: 0, schemaAdded: [] };
  for (const p of routes.unknown)
    report.failed.push({
      name: basename(p),
      reason: `${basename(p)} is not a file Claimdesk imports (articles: ${SUPPORTED_EXTENSIONS.join(', ')}; corpora: .jsonl, .json/.jsonld (W3C), brat folders)`,
    });
  if (routes.articles.length > 0) {
    const r = await workspace.importPaths(routes.articles);
    report.imported.push(...r.imported);
    report.duplicates.push(...r.duplicates);
    report.failed.push(...r.failed);
  }
  const stamp = now().toISOString();
  for (const p of routes.jsonl) await importJsonl(workspace, p, report, layers);
  for (const p of routes.brat) await importBrat(workspace, p, report, stamp, layers);
  for (const p of routes.w3c) await importW3c(workspace, p, report, stamp, layers);
  return report;
}
