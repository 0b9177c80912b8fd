/**
 * Inter-annotator agreement over a set of documents (#11): for every pair of annotators, span F1
 * (exact and overlapping boundaries), Krippendorff's alpha_u per label, relation F1 per type and
 * Cohen's kappa per attribute, over the documents both have a layer in; the mean over pairs; each
 * document's agreement; and a note for every null. One pass over the documents, sort and sweep
 * per document and label. Pure: no I/O, the caller reads the layers. The measures are defined in
 * the modules they live in and in shared/agreement/README.md.
 */
import { isUnset } from '../model/schema-rules';
import { CURATED_LAYER } from '../model/layers';
import { meanFigures, meanOf, pairFigures, type ReportKeys } from './figures';
import { addDocument, newPairState, prepareLayer, type DocumentPairFigures, type PairState, type PreparedLayer } from './pair';
import type { AgreementDocument, AgreementOptions, AgreementReport, DocumentAgreement, Figure } from './types';

/**
 * The annotators to compare: those asked for (in that order, once each), else every layer's
 * name but the curated layer's, in code-unit order.
 */
export function annotatorsOf(docs: readonly AgreementDocument[], asked: readonly string[] | undefined): string[] {
  if (asked !== undefined) return [...new Set(asked)];
  const names = new Set<string>();
  for (const doc of docs) for (const name of Object.keys(doc.layers)) if (name !== CURATED_LAYER) names.add(name);
  return [...names].sort();
}

/** Compares two figures for sorting from least to most agreement, nulls last. */
const ascending = (x: Figure, y: Figure): number => (x === null ? (y === null ? 0 : 1) : y === null ? -1 : x - y);

/**
 * The order of `perDocument`, least agreement first: by alpha_u, then F1 overlap, then F1 exact
 * (each ascending, nulls after numbers), then title and id.
 */
export function compareDocuments(x: DocumentAgreement, y: DocumentAgreement): number {
  return (
    ascending(x.overall.alpha_u, y.overall.alpha_u) ||
    ascending(x.overall.f1_overlap, y.overall.f1_overlap) ||
    ascending(x.overall.f1_exact, y.overall.f1_exact) ||
    (x.title < y.title ? -1 : x.title > y.title ? 1 : 0) ||
    (x.docId < y.docId ? -1 : x.docId > y.docId ? 1 : 0)
  );
}

/** Why a document's figures are null, or null when none is. */
function documentNullReason(figures: readonly DocumentPairFigures[], overall: DocumentAgreement['overall']): string | null {
  if (figures.length === 0) return 'fewer than two of the annotators have a layer in it: every figure is null';
  if (overall.f1_exact === null) return 'no pair of annotators tagged a span in it: every figure is null';
  if (overall.alpha_u === null) return 'alpha_u is null: no expected disagreement (D_e = 0) for any pair';
  return null;
}

const MAX_LISTED = 20;

/** "d1, d2, … and 3 more". */
function listed(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_LISTED).join(', ');
  return ids.length > MAX_LISTED ? `${shown} and ${ids.length - MAX_LISTED} more` : shown;
}

/** What the layers hold beyond spans: label, relation type and (set) attribute names (collected across documents). */
type Vocabulary = { labels: Set<string>; relationTypes: Set<string>; attributes: Map<string, Set<string>> };

function collect(vocabulary: Vocabulary, layer: PreparedLayer, isCounted: (label: string) => boolean): void {
  for (const [label, spans] of layer.spans) {
    if (!isCounted(label)) continue;
    vocabulary.labels.add(label);
    let names = vocabulary.attributes.get(label);
    if (names === undefined) vocabulary.attributes.set(label, (names = new Set()));
    // An attribute only ever unset (isUnset) is as good as absent: it is not a figure of its own.
    for (const a of spans) for (const [name, value] of Object.entries(a.attributes)) if (!isUnset(value)) names.add(name);
  }
  for (const r of layer.relations) vocabulary.relationTypes.add(r.type);
}

function keysOf(vocabulary: Vocabulary, asked: readonly string[] | undefined): ReportKeys {
  const labels = asked !== undefined ? [...new Set(asked)] : [...vocabulary.labels].sort();
  const attributes = labels.flatMap((label) => [...(vocabulary.attributes.get(label) ?? [])].sort().map((name) => [label, name] as const));
  return { labels, relationTypes: [...vocabulary.relationTypes].sort(), attributes };
}

/**
 * Computes inter-annotator agreement.
 * @param docs the documents to compare on (the workspace, or the caller's selection); alpha_u's
 *   continuum puts them back to back in this order
 * @param options the annotators (default: every layer's name but `curated`, sorted) and the
 *   labels (default: every label the compared annotators used, sorted) to report on; relations
 *   are matched through the spans of every label either way
 * @returns the report: each pair's figures over the documents both have a layer in, the mean over
 *   pairs, every document from least to most agreement, and notes explaining every null
 * @throws RangeError for an annotation outside its document's text
 */
export function computeAgreement(docs: Iterable<AgreementDocument>, options: AgreementOptions = {}): AgreementReport {
  const list = [...docs];
  const annotators = annotatorsOf(list, options.annotators);
  const counted = options.labels === undefined ? null : new Set(options.labels);
  const isCounted = (label: string) => counted === null || counted.has(label);
  const pairs: PairState[] = [];
  for (let i = 0; i < annotators.length; i++)
    for (let j = i + 1; j < annotators.length; j++) pairs.push(newPairState(annotators[i]!, annotators[j]!));
  const vocabulary: Vocabulary = { labels: new Set(), relationTypes: new Set(), attributes: new Map() };
  const perDocument: DocumentAgreement[] = [];
  const nullDocuments = new Map<string, string[]>();
  for (const doc of list) {
    const prepared = new Map<string, PreparedLayer>();
    for (const name of annotators) {
      if (!Object.hasOwn(doc.layers, name)) continue;
      const layer = doc.layers[name]!;
      const p = prepareLayer(layer.annotations, layer.relations, doc.textLength, `${name}'s layer of ${doc.docId}`);
      prepared.set(name, p);
      collect(vocabulary, p, isCounted);
    }
    const figures: DocumentPairFigures[] = [];
    for (const pair of pairs) {
      const x = prepared.get(pair.a);
      const y = prepared.get(pair.b);
      if (x !== undefined && y !== undefined) figures.push(addDocument(pair, x, y, doc.textLength, isCounted));
    }
    const overall = {
      f1_exact: meanOf(figures.map((f) => f.f1_exact)),
      f1_overlap: meanOf(figures.map((f) => f.f1_overlap)),
      alpha_u: meanOf(figures.map((f) => f.alpha_u)),
    };
    perDocument.push({ docId: doc.docId, title: doc.title, overall });
    const reason = documentNullReason(figures, overall);
    if (reason !== null) nullDocuments.set(reason, [...(nullDocuments.get(reason) ?? []), doc.docId]);
  }
  const keys = keysOf(vocabulary, options.labels);
  const notes: string[] = [];
  if (annotators.length < 2)
    notes.push(`${annotators.length} annotator${annotators.length === 1 ? '' : 's'} to compare: agreement needs two, so there is no pair`);
  for (const pair of pairs)
    notes.push(`(${pair.a}, ${pair.b}): ${pair.shared} shared document${pair.shared === 1 ? '' : 's'} (both have a layer in it)`);
  const pairReports = pairs.map((pair) => pairFigures(pair, keys, notes));
  const mean = meanFigures(pairReports, keys, notes);
  for (const [reason, ids] of nullDocuments)
    notes.push(`perDocument: ${ids.length} document${ids.length === 1 ? '' : 's'} (${listed(ids)}): ${reason}`);
  return { annotators, documents: list.length, pairs: pairReports, mean, perDocument: perDocument.sort(compareDocuments), notes };
}
