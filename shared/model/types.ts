/**
 * The Claimdesk data model: documents, annotations, relations and the tag schema.
 * Plain JSON-safe data only; no behaviour, no I/O. Offsets are UTF-16 code units into
 * `DocumentData.text`, end exclusive (see DESIGN.md "Text and offsets").
 */

/** A document id: lowercase hex, stable for a document's lifetime. */
export type DocId = string;

/** The block kinds an imported article is reduced to (a table row is a paragraph, its cells joined by " | "). */
export type BlockType = 'heading' | 'paragraph' | 'quote' | 'list_item';
export const BLOCK_TYPES: readonly BlockType[] = ['heading', 'paragraph', 'quote', 'list_item'];

/**
 * One block of the canonical text: `text.slice(start, end)`; never empty, never contains "\n\n".
 * `level` is a heading's level (1-6) or a list item's nesting depth (1 = top level); `ordered`
 * marks an item of a numbered list; `page` is the 1-based page a block starts on (PDF only).
 */
export type Block = Readonly<{ type: BlockType; start: number; end: number; level?: number; ordered?: boolean; page?: number }>;

/** Where an analyst is with a document. */
export type DocStatus = 'new' | 'in_progress' | 'done';
export const DOC_STATUSES: readonly DocStatus[] = ['new', 'in_progress', 'done'];

/** The source formats importers understand. */
export type SourceFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';
export const SOURCE_FORMATS: readonly SourceFormat[] = ['txt', 'md', 'html', 'docx', 'pdf'];

/** Facts about a document's origin; optional fields are present only when the source had them. */
export type DocumentMeta = Readonly<{
  sourcePath: string;
  sourceName: string;
  sha256: string;
  importedAt: string;
  format: SourceFormat;
  byteLength: number;
  byline?: string;
  publishedAt?: string;
  siteName?: string;
  canonicalUrl?: string;
  excerpt?: string;
  lang?: string;
  /** When the file says it was created and last modified (Word core properties, PDF info), as written there. */
  createdAt?: string;
  modifiedAt?: string;
  /** The character encoding a text source was decoded from ("UTF-8", "windows-1252", ...); absent for docx and pdf. */
  encoding?: string;
  warnings?: readonly string[];
}>;

/** An attribute value: choice/text -> string, multi -> string[], boolean, number, or unset (null). */
export type AttributeValue = string | number | boolean | readonly string[] | null;
export type Attributes = Readonly<Record<string, AttributeValue>>;

export type Annotation = Readonly<{
  id: string;
  label: string;
  start: number;
  end: number;
  quote: string;
  attributes: Attributes;
  note?: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  /** Where the annotation came from when a machine proposed it: `suggestion:<rule>` (see shared/suggest); absent when tagged by hand. */
  origin?: string;
  /**
   * Fields that two machines changed differently, found by a git merge of the same annotator's
   * layer (see shared/merge): the field holds one value, the conflict both. The analyst settles it
   * by removing the entry. Absent when there is none.
   */
  conflicts?: readonly FieldConflict[];
}>;

/** A value two merged versions disagree on: `field` ('label', 'start', 'attributes.<name>', ...) and both values. */
export type FieldConflict = Readonly<{ field: string; values: readonly [unknown, unknown] }>;

export type Relation = Readonly<{
  id: string;
  type: string;
  from: string;
  to: string;
  author: string;
  createdAt: string;
}>;

export type AttributeKind = 'choice' | 'multi' | 'boolean' | 'number' | 'text';

/**
 * One attribute of a label (or of documents). Nothing is stored until the analyst chooses a
 * value: an attribute nobody set is absent (read as unset).
 */
export type AttributeDef = Readonly<{
  name: string;
  kind: AttributeKind;
  values?: readonly string[];
  /** The suggested value: marked in the picker, never stored by itself. */
  default?: AttributeValue;
  /** When true, an annotation that leaves it unset is flagged (details panel, annotation list, `validate`) until it is set. */
  required?: boolean;
}>;

export type LabelDef = Readonly<{
  name: string;
  color: string;
  hotkey: string;
  attributes: readonly AttributeDef[];
}>;

export type RelationTypeDef = Readonly<{ name: string; from: readonly string[]; to: readonly string[] }>;

export type Schema = Readonly<{
  labels: readonly LabelDef[];
  relationTypes: readonly RelationTypeDef[];
  documentAttributes: readonly AttributeDef[];
}>;

/**
 * A document seen through one layer: the article (text, blocks, metadata, title) with one
 * layer's status, document attributes, annotations and relations. This is what operations apply
 * to and what exports read; on disk it is two files (see shared/model/layers.ts).
 */
export type DocumentData = Readonly<{
  id: DocId;
  title: string;
  text: string;
  blocks: readonly Block[];
  meta: DocumentMeta;
  status: DocStatus;
  attributes: Attributes;
  annotations: readonly Annotation[];
  relations: readonly Relation[];
  /** The annotator whose layer this is, set only in exports of every layer (one record per layer). */
  annotator?: string;
  /**
   * Document-level fields of the layer a git merge found changed differently on two machines
   * (status, attributes.<name>, a link it had to drop): settled by the analyst's next choice of
   * status or attributes. Absent when there is none.
   */
  conflicts?: readonly FieldConflict[];
  /**
   * The curated layer's rejected candidates (their keys, see shared/curation): kept in the layer,
   * so that every curator of the workspace sees them. Absent when there is none.
   */
  rejected?: readonly string[];
}>;

/**
 * The row kept in `claimdesk.json` for each document: what changes only at import or rename, so
 * that annotating never rewrites the index (counts live in the layer summaries, a cache).
 */
export type IndexRow = Readonly<{
  id: DocId;
  title: string;
  sourceName: string;
  /** SHA-256 of the source file's bytes (duplicate imports). */
  sha256: string;
  /** SHA-256 of the canonical text (UTF-8): a corpus record with the same text adds a layer to this document. */
  textSha256: string;
  importedAt: string;
  publishedAt?: string;
  length: number;
}>;

/** What the document list shows of one layer of one document. */
export type LayerSummary = Readonly<{
  status: DocStatus;
  annotationCount: number;
  /** Annotations per label, labels in name order. */
  labelCounts: Readonly<Record<string, number>>;
  /** Annotations with a merge conflict to settle. */
  conflictCount: number;
  /** Why the layer's file cannot be used (it is left untouched; opening or exporting the layer says so), when it cannot. */
  problem?: string;
}>;

/** The index row's fields only the store uses (duplicate imports), left out of the rows the window is sent. */
export type StoreOnlyField = 'sha256' | 'textSha256';

/**
 * A document as the list shows it to one analyst: the index row (without its hashes: a fifth of a
 * 5,000-document list's bytes, #14), the status and annotation count of the layer the analyst works
 * in (their own; 'new' and zero when they have none yet), and every layer's summary by layer name
 * (annotators, and `curated` when there is a curated layer). The analyst's label counts are in their
 * layer's summary only (`summaryIn(row.layers, row.layer)`): sent twice, they were an eighth of the list's bytes (#14).
 */
export type DocumentRow = Omit<IndexRow, StoreOnlyField> &
  Readonly<{
    status: DocStatus;
    annotationCount: number;
    /** The layer the status and count above are of. */
    layer: string;
    layers: Readonly<Record<string, LayerSummary>>;
  }>;
