/**
 * The shapes of inter-annotator agreement (#11): what `computeAgreement` reads (documents with one
 * layer per annotator) and the report it returns, which is plain JSON-safe data written exactly
 * as the issue specifies (snake_case measure keys included). No behaviour here.
 */
import type { Annotation, Relation } from '../model/types';

/** One annotator's layer of one document: the annotations and relations they made. */
export type LayerContent = Readonly<{ annotations: readonly Annotation[]; relations: readonly Relation[] }>;

/** A document as agreement sees it: its text length and every layer, by annotator (or `curated`). */
export type AgreementDocument = Readonly<{
  docId: string;
  title: string;
  /** The length of the document's text in UTF-16 code units; every span lies in [0, textLength]. */
  textLength: number;
  layers: Readonly<Record<string, LayerContent>>;
}>;

/** Which annotators and labels to compare; each defaults to all there are (the curated layer excepted). */
export type AgreementOptions = Readonly<{ annotators?: readonly string[]; labels?: readonly string[] }>;

/** A figure: a decimal, or null when it is undefined (the report's notes say why). */
export type Figure = number | null;

/** Span agreement on one label. */
export type LabelFigures = Readonly<{ f1_exact: Figure; f1_overlap: Figure; alpha_u: Figure }>;

/** Span agreement over all labels (micro-averaged F1). */
export type OverallFigures = Readonly<{ f1_exact: Figure; f1_overlap: Figure }>;

/** Agreement on one relation type. */
export type RelationFigures = Readonly<{ f1: Figure }>;

/** Agreement on one attribute of one label: Cohen's kappa over `n` matched span pairs. */
export type AttributeFigures = Readonly<{ kappa: Figure; n: number }>;

/** Every figure of a pair of annotators (or their mean), keyed by label, relation type and `<label>.<attribute>`. */
export type PairFigures = Readonly<{
  labels: Readonly<Record<string, LabelFigures>>;
  overall: OverallFigures;
  relations: Readonly<Record<string, RelationFigures>>;
  attributes: Readonly<Record<string, AttributeFigures>>;
}>;

/** The figures of one pair of annotators, over the documents both have a layer in. */
export type PairAgreement = Readonly<{ a: string; b: string }> & PairFigures;

/** One document's agreement: each figure the mean over the pairs that share the document, over all labels. */
export type DocumentAgreement = Readonly<{
  docId: string;
  title: string;
  overall: Readonly<{ f1_exact: Figure; f1_overlap: Figure; alpha_u: Figure }>;
}>;

/** The agreement report; `JSON.stringify` of it is the JSON form. */
export type AgreementReport = Readonly<{
  annotators: readonly string[];
  /** How many documents were given (a pair counts only those both annotators have a layer in). */
  documents: number;
  pairs: readonly PairAgreement[];
  /** Per key, the arithmetic mean of the pairs' non-null values (null when all are null); `n` is the total. */
  mean: PairFigures;
  /** Every document, from least to most agreement (nulls last); see report.ts for the order. */
  perDocument: readonly DocumentAgreement[];
  /** Why each null is null, and how many documents each pair shared. */
  notes: readonly string[];
}>;
