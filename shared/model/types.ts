/**
 * The Claimdesk data model: documents, annotations, relations and the tag schema.
 * Plain JSON-safe data only; no behaviour, no I/O. Offsets are UTF-16 code units into
 * `DocumentData.text`, end exclusive (see DESIGN.md "Text and offsets").
 */

/** A document id: lowercase hex, stable for a document's lifetime. */
export type DocId = string;

/** The block kinds an imported article is reduced to. */
export type BlockType = 'heading' | 'paragraph' | 'quote';

/** One block of the canonical text: `text.slice(start, end)`; never empty, never contains "\n\n". */
export type Block = Readonly<{ type: BlockType; start: number; end: number; level?: number }>;

/** Where an analyst is with a document. */
export type DocStatus = 'new' | 'in_progress' | 'done';
export const DOC_STATUSES: readonly DocStatus[] = ['new', 'in_progress', 'done'];

/** The source formats importers understand. */
export type SourceFormat = 'txt' | 'md' | 'html';

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
}>;

export type Relation = Readonly<{
  id: string;
  type: string;
  from: string;
  to: string;
  author: string;
  createdAt: string;
}>;

export type AttributeKind = 'choice' | 'multi' | 'boolean' | 'number' | 'text';

export type AttributeDef = Readonly<{
  name: string;
  kind: AttributeKind;
  values?: readonly string[];
  default?: AttributeValue;
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

/** A stored document, as in `documents/<id>.json` (less `version`). */
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
}>;

/** The index row kept in `claimdesk.json` for each document, enough to list thousands without opening them. */
export type DocumentRow = Readonly<{
  id: DocId;
  title: string;
  sourceName: string;
  sha256: string;
  importedAt: string;
  publishedAt?: string;
  length: number;
  annotationCount: number;
  /** Annotations per label; absent in rows written before labels were counted. */
  labelCounts?: Readonly<Record<string, number>>;
  status: DocStatus;
}>;
