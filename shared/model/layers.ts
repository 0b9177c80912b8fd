/**
 * Annotation layers: a document is an article (written once at import) and one layer per
 * annotator plus at most one curated layer, each in a file only its owner writes, so that two
 * analysts annotating on two machines never touch the same file and git merges them without
 * conflict. This module holds the shapes of those files, the stable form they are written in
 * (fields in a fixed order, annotations in text order, relations by id, so a file diffs line by
 * line), and the conversions between them and the DocumentData the editor and exports use. Pure.
 */
import { bump, counter, isName } from './keys';
import { compareSpans } from './spans';
import type {
  Attributes,
  Block,
  DocId,
  DocStatus,
  DocumentData,
  DocumentMeta,
  DocumentRow,
  FieldConflict,
  IndexRow,
  LayerSummary,
  StoreOnlyField,
} from './types';
import type { Annotation, Relation } from './types';

/**
 * The fields a git merge names in an annotation's `conflicts` beyond its plain ones: a span
 * (start, end and quote together), an annotation deleted on one side and changed on the other
 * (its values say whether each side deleted it), and `attributes.<name>`.
 */
export const CONFLICT_FIELDS = { span: 'span', deleted: 'deleted', attributePrefix: 'attributes.' } as const;

/** The name of the curated (adjudicated) layer; no annotator may take it. */
export const CURATED_LAYER = 'curated';
/** Names an export or a command line may use for a choice of layers, so no annotator may take them either. */
export const RESERVED_LAYER_NAMES: readonly string[] = [CURATED_LAYER, 'all', 'default'];

/** The version this build writes into claimdesk.json, article files and layer files (migrate.ts brings older ones up to it). */
export const STORE_VERSION = 2;

/** `documents/<id>/article.json`: the article as imported. Never rewritten by annotating (only a rename does). */
export type ArticleFile = {
  version: number;
  id: DocId;
  title: string;
  meta: DocumentMeta;
  text: string;
  blocks: readonly Block[];
};

/** `documents/<id>/layers/<annotator>.json` or `documents/<id>/curated.json`: one layer of one document. */
export type LayerFile = {
  version: number;
  docId: DocId;
  /** The annotator's name, or CURATED_LAYER. */
  layer: string;
  status: DocStatus;
  attributes: Attributes;
  annotations: readonly Annotation[];
  relations: readonly Relation[];
  /** Document-level fields (status, attributes.<name>) two merged versions disagree on. */
  conflicts?: readonly FieldConflict[];
  /** The curated layer's rejected candidates (keys, sorted). */
  rejected?: readonly string[];
};

/** The longest layer file name (file systems allow 255 bytes; a name's non-ASCII characters take up to 12 each when encoded). */
const MAX_FILE_NAME = 200;

/**
 * True when `name` may name an annotator's layer: a name (see keys.ts) that is not reserved and
 * whose file name (see layerFileName) fits every file system.
 */
export const isAnnotatorName = (name: unknown): name is string =>
  isName(name) && !RESERVED_LAYER_NAMES.includes(name.trim().toLowerCase()) && layerFileName(name).length <= MAX_FILE_NAME;

/** True when `analyst` may write `layer`: their own, and the curated one (adjudicating); another annotator's is read-only. */
export const canWriteLayer = (layer: string, analyst: string): boolean => layer === analyst || layer === CURATED_LAYER;

/** True when `name` names a layer: an annotator's or the curated one. */
export const isLayerName = (name: unknown): name is string => name === CURATED_LAYER || isAnnotatorName(name);

/**
 * The file name of an annotator's layer: the name with every character outside [A-Za-z0-9_-]
 * written as `%XX` (its UTF-8 bytes), so any name is a safe, reversible file name ("Ann Lee" ->
 * "Ann%20Lee.json"). Names that differ only in case are different layers; on a file system that
 * ignores case (macOS, Windows) they would share a file, so annotators should not pick such names.
 */
export function layerFileName(annotator: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(annotator)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `${out}.json`;
}

/** A layer's file name without `.json` (its backups' folder, a brat file's suffix). */
export const layerFileBase = (annotator: string): string => layerFileName(annotator).slice(0, -'.json'.length);

/** The key of one layer of one document in a map (a NUL is in no document id or layer name). */
export const layerKey = (docId: string, layer: string): string => `${docId}\u0000${layer}`;

/** The annotator a layer file name stands for, or null when it is not one layerFileName makes. */
export function annotatorOfFileName(fileName: string): string | null {
  if (!fileName.endsWith('.json')) return null;
  try {
    const name = decodeURIComponent(fileName.slice(0, -'.json'.length));
    return isAnnotatorName(name) && layerFileName(name) === fileName ? name : null;
  } catch {
    return null;
  }
}

/** The article part of a document, in its stable form. */
export function articleOf(doc: Pick<DocumentData, 'id' | 'title' | 'meta' | 'text' | 'blocks'>): ArticleFile {
  return { version: STORE_VERSION, id: doc.id, title: doc.title, meta: doc.meta, text: doc.text, blocks: doc.blocks };
}

/**
 * The stable form of each annotation and relation already made, by identity (they are never
 * changed in place): a save of a large layer then hands the writer the same objects as the save
 * before, whose text it keeps (see electron/services/store/pretty-json.ts).
 */
const canonicalForms = new WeakMap<object, Annotation | Relation>();

/** An annotation with its fields in the order they are written (absent optional fields stay absent). */
function canonicalAnnotation(a: Annotation): Annotation {
  const known = canonicalForms.get(a) as Annotation | undefined;
  if (known) return known;
  const made = makeCanonicalAnnotation(a);
  canonicalForms.set(a, made);
  canonicalForms.set(made, made);
  return made;
}

function makeCanonicalAnnotation(a: Annotation): Annotation {
  const out: { -readonly [K in keyof Annotation]: Annotation[K] } = {
    id: a.id,
    label: a.label,
    start: a.start,
    end: a.end,
    quote: a.quote,
    attributes: sortedKeys(a.attributes),
    author: a.author,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
  if (a.note !== undefined) out.note = a.note;
  if (a.origin !== undefined) out.origin = a.origin;
  if (a.conflicts !== undefined && a.conflicts.length > 0) out.conflicts = a.conflicts;
  return out;
}

function canonicalRelation(r: Relation): Relation {
  const known = canonicalForms.get(r) as Relation | undefined;
  if (known) return known;
  const made: Relation = { id: r.id, type: r.type, from: r.from, to: r.to, author: r.author, createdAt: r.createdAt };
  canonicalForms.set(r, made);
  canonicalForms.set(made, made);
  return made;
}

/** A record with its keys in code-unit order (null prototype kept out: a plain object is written). */
function sortedKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort())
    Object.defineProperty(out, key, { value: record[key], enumerable: true, writable: true, configurable: true });
  return out;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** `items` sorted by `compare`, as they are when they already are (one pass instead of a sort of thousands on every save). */
function inOrder<T>(items: readonly T[], compare: (a: T, b: T) => number): readonly T[] {
  for (let i = 1; i < items.length; i++) if (compare(items[i - 1]!, items[i]!) > 0) return [...items].sort(compare);
  return items;
}

/** A layer in its stable form: fields in a fixed order, annotations in text order, relations by id. */
export function canonicalLayer(layer: Omit<LayerFile, 'version'>): LayerFile {
  const out: LayerFile = {
    version: STORE_VERSION,
    docId: layer.docId,
    layer: layer.layer,
    status: layer.status,
    attributes: sortedKeys(layer.attributes),
    annotations: inOrder(layer.annotations, compareSpans).map(canonicalAnnotation),
    relations: inOrder(layer.relations, byId).map(canonicalRelation),
  };
  if (layer.conflicts !== undefined && layer.conflicts.length > 0) out.conflicts = layer.conflicts;
  if (layer.rejected !== undefined && layer.rejected.length > 0) out.rejected = [...new Set(layer.rejected)].sort();
  return out;
}

/** A layer no one has written yet. */
export const emptyLayer = (docId: DocId, layer: string): LayerFile =>
  canonicalLayer({ docId, layer, status: 'new', attributes: {}, annotations: [], relations: [] });

/** The layer part of a document seen through `layer`, in its stable form. */
export function layerOf(doc: DocumentData, layer: string, conflicts?: readonly FieldConflict[]): LayerFile {
  return canonicalLayer({
    docId: doc.id,
    layer,
    status: doc.status,
    attributes: doc.attributes,
    annotations: doc.annotations,
    relations: doc.relations,
    conflicts,
    rejected: doc.rejected,
  });
}

/** A document seen through one layer. */
export function composeDocument(article: ArticleFile, layer: LayerFile): DocumentData {
  return {
    id: article.id,
    title: article.title,
    text: article.text,
    blocks: article.blocks,
    meta: article.meta,
    status: layer.status,
    attributes: layer.attributes,
    annotations: layer.annotations,
    relations: layer.relations,
    ...(layer.conflicts !== undefined && layer.conflicts.length > 0 ? { conflicts: layer.conflicts } : {}),
    ...(layer.rejected !== undefined && layer.rejected.length > 0 ? { rejected: layer.rejected } : {}),
  };
}

/** What the document list shows of a layer. */
export function summaryOf(layer: Pick<LayerFile, 'status' | 'annotations' | 'conflicts'>): LayerSummary {
  const counts = counter();
  let conflictCount = layer.conflicts?.length ?? 0;
  for (const a of layer.annotations) {
    bump(counts, a.label);
    if (a.conflicts?.length) conflictCount += 1;
  }
  const labelCounts = counter();
  for (const label of Object.keys(counts).sort()) labelCounts[label] = counts[label]!;
  return { status: layer.status, annotationCount: layer.annotations.length, labelCounts, conflictCount };
}

/** The summary of a layer that does not exist yet. */
export const EMPTY_SUMMARY: LayerSummary = { status: 'new', annotationCount: 0, labelCounts: {}, conflictCount: 0 };

/** The summary of layer `name` among `layers`, or EMPTY_SUMMARY when there is no such layer (yet). */
export const summaryIn = (layers: Readonly<Record<string, LayerSummary>>, name: string): LayerSummary =>
  Object.hasOwn(layers, name) ? layers[name]! : EMPTY_SUMMARY;

/**
 * A document's row as one analyst's list shows it. The label counts of the viewer's layer are
 * sent once, in `layers` (read them with `summaryIn(row.layers, row.layer)`, #14).
 * @param layers every layer's summary by name
 * @param viewer the layer whose status and counts the row carries (the analyst's own)
 */
export function documentRowOf(row: Omit<IndexRow, StoreOnlyField>, layers: Readonly<Record<string, LayerSummary>>, viewer: string): DocumentRow {
  const own = summaryIn(layers, viewer);
  const { id, title, sourceName, importedAt, publishedAt, length } = row; // not the hashes (StoreOnlyField)
  return {
    id,
    title,
    sourceName,
    importedAt,
    ...(publishedAt === undefined ? {} : { publishedAt }),
    length,
    status: own.status,
    annotationCount: own.annotationCount,
    layer: viewer,
    layers,
  };
}

/** Annotators with a layer, in name order (the curated layer is not an annotator). */
export const annotatorsOf = (layers: Readonly<Record<string, unknown>>): string[] =>
  Object.keys(layers)
    .filter((n) => n !== CURATED_LAYER)
    .sort();

/**
 * The layers of one document an export writes, or why the document is skipped.
 * @param layers the names of the document's layers
 * @param choice 'default' | 'curated' | 'all' | an annotator's name
 * @returns the layer names to write (one record each), possibly [] for a document nobody
 *   annotated yet under 'default' (written with no annotations), or the reason it is skipped
 */
export function exportLayersOf(layers: readonly string[], choice: string): { layers: readonly (string | null)[] } | { skip: string } {
  const annotators = layers.filter((n) => n !== CURATED_LAYER).sort();
  const hasCurated = layers.includes(CURATED_LAYER);
  if (choice === 'all') return annotators.length > 0 ? { layers: annotators } : { skip: 'no annotator has a layer in it' };
  if (choice === CURATED_LAYER) return hasCurated ? { layers: [CURATED_LAYER] } : { skip: 'it has no curated layer' };
  if (choice !== 'default') return layers.includes(choice) ? { layers: [choice] } : { skip: `${choice} has no layer in it` };
  if (hasCurated) return { layers: [CURATED_LAYER] };
  if (annotators.length === 1) return { layers: annotators };
  if (annotators.length === 0) return { layers: [null] };
  return {
    skip: `it has ${annotators.length} annotators' layers (${annotators.join(', ')}) and no curated one: curate it, or export one layer or all`,
  };
}

/**
 * One document's annotations as layers by who made them: every annotation goes to its author's
 * layer (one with no author to `fallback`'s), a relation to the layer of its source annotation
 * (the annotation it points to is copied there when another author made it, so no link is lost),
 * and the status and document attributes to every layer (to `fallback`'s when nobody annotated
 * but they were set). With `into`, everything goes to that one layer.
 */
export function splitIntoLayers(doc: DocumentData, fallback: string, into?: string): LayerFile[] {
  const ownerOf = (a: Annotation) => into ?? (isAnnotatorName(a.author) ? a.author : fallback);
  const layers = new Map<string, { annotations: Map<string, Annotation>; relations: Relation[] }>();
  const layerFor = (name: string) => {
    let layer = layers.get(name);
    if (!layer) layers.set(name, (layer = { annotations: new Map(), relations: [] }));
    return layer;
  };
  const byId = new Map(doc.annotations.map((a) => [a.id, a]));
  for (const a of doc.annotations) layerFor(ownerOf(a)).annotations.set(a.id, a);
  for (const r of doc.relations) {
    const from = byId.get(r.from);
    const to = byId.get(r.to);
    const layer = layerFor(from ? ownerOf(from) : (into ?? fallback));
    for (const end of [from, to]) if (end) layer.annotations.set(end.id, end);
    layer.relations.push(r);
  }
  if (layers.size === 0 && (doc.status !== 'new' || Object.keys(doc.attributes).length > 0)) layerFor(into ?? fallback);
  return [...layers].map(([name, layer]) =>
    canonicalLayer({
      docId: doc.id,
      layer: name,
      status: doc.status,
      attributes: doc.attributes,
      annotations: [...layer.annotations.values()],
      relations: layer.relations,
    }),
  );
}
