/**
 * The shape every export format shares: a serializer made once per output file (or folder),
 * fed one document at a time, returning text to append, whole files to write (brat), and the
 * spans it could not express. Pure: no I/O; the services stream what it returns to disk.
 */
import type { DocumentData, Schema } from '../model/types';
import type { KeptDocument } from './kept';
import type { ExportProblem, FormatDrop } from './report';
import type { Tokenizer } from './tokens';

/** The formats Claimdesk exports (the CLI's --format values). */
export type ExportFormat = 'jsonl' | 'claims-csv' | 'claims-tsv' | 'w3c' | 'brat' | 'conll' | 'hf' | 'spacy';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'claims-csv', 'claims-tsv', 'w3c', 'brat', 'conll', 'hf', 'spacy'];

/** The formats whose file may start with a UTF-8 byte-order mark (SerializerContext.bom): the text tables Excel opens. */
export const BOM_FORMATS: readonly ExportFormat[] = ['claims-csv', 'claims-tsv'];
/** Whether they do when the caller does not say (#12: Excel shows mojibake without one); the dialog, the CLI and the API agree on it. */
export const BOM_BY_DEFAULT = true;

/** A file's name (relative to its output folder) and content. */
export type NamedText = Readonly<{ name: string; text: string }>;

/** What a serializer makes of one document. */
export type SerializedDocument = Readonly<{
  /** Appended to the format's stream file ('' for brat, which writes `files`). */
  text: string;
  /** Whole files for this document (brat's .txt and .ann). */
  files: readonly NamedText[];
  problems: readonly ExportProblem[];
  /** Tag layers the document needs (CoNLL writes one tag column per layer); 0 elsewhere. */
  layerCount: number;
}>;

/** Turns documents into one output's text; stateful only in the order it is called in. */
export type DocumentSerializer = Readonly<{
  header: () => string;
  document: (doc: DocumentData) => SerializedDocument;
  footer: () => string;
}>;

/** What a serializer needs to know about the export. */
export type SerializerContext = Readonly<{
  schema: Schema;
  /** The labels exported, in schema order (tag sets are built from these, not from the data). */
  labels: readonly string[];
  tokenizer: Tokenizer | null;
  /**
   * Tag columns for CoNLL: the most layers any exported document needs; 0 in a dry run, where only
   * each document's problems and layerCount are read (see isDryRun).
   */
  layerCount: number;
  /** True when every annotator's layer is exported as its own record (each document then carries `annotator`). */
  allLayers?: boolean;
  /** Start text tables (claims CSV/TSV) with a UTF-8 byte-order mark, which Excel needs to read UTF-8; other formats ignore it. */
  bom?: boolean;
}>;

/** True for the dry run's serializer: a format may leave the text out then (the token formats do, saving half their work). */
export function isDryRun(ctx: SerializerContext): boolean {
  return ctx.layerCount === 0;
}

/** A format: how it is laid out on disk and how to make its serializer. */
export type FormatSpec = Readonly<{
  format: ExportFormat;
  /** Without a split: one file at --out, or a folder at --out. With a split it is always a folder. */
  layout: 'file' | 'folder';
  /** The stream file's extension, or null when the format writes only per-document files. */
  extension: string | null;
  /** The stream file's name inside a folder when there is no split. */
  streamName: string | null;
  needsTokenizer: boolean;
  /** Export -> import -> export gives the same bytes; such formats need no dry run for problems. */
  lossless: boolean;
  /** Each record can say whose layer it is (an `annotator` field, column or file name), so every annotator's layer can be exported at once. */
  carriesAnnotator: boolean;
  /** What the format cannot hold at all, said in every report (with counts where it has a measure). */
  drops: readonly FormatDrop[];
  /** What of a document the format writes (for the report's counts; a drop with a measure counts the rest). */
  keep: (doc: DocumentData, schema: Schema) => KeptDocument;
  create: (ctx: SerializerContext) => DocumentSerializer;
  /** Files written once into each output folder (annotation.conf, labels.json). */
  sidecars: (ctx: SerializerContext) => readonly NamedText[];
}>;

/** A serialized document with only stream text. */
export function streamed(text: string, problems: readonly ExportProblem[] = [], layerCount = 0): SerializedDocument {
  return { text, files: [], problems, layerCount };
}
