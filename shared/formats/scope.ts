/**
 * What an export covers: which documents (selected ids, a status) and which labels and
 * relation types. One filter used by every format, the report and the split. Pure.
 */
import type { DocStatus, DocumentData, DocumentRow } from '../model/types';

/** The part of a workspace to export; null means "all". */
export type ExportScope = Readonly<{
  documentIds: readonly string[] | null;
  status: DocStatus | null;
  labels: readonly string[] | null;
  relationTypes: readonly string[] | null;
  /** Which layer of each document (see exportLayersOf in model/layers.ts); absent = 'default'. */
  layer?: string;
}>;

/** Everything in the workspace. */
export const WHOLE_WORKSPACE: ExportScope = { documentIds: null, status: null, labels: null, relationTypes: null };

/** True when a document (by its index row) is among the scope's documents (its status is checked per layer). */
export function isRowInScope(row: Pick<DocumentRow, 'id'>, scope: ExportScope): boolean {
  return scope.documentIds === null || scope.documentIds.includes(row.id);
}

/**
 * A document cut down to the scope's labels and relation types; a relation is kept only when
 * both of its spans are.
 * @returns the same object when nothing is filtered out
 */
export function scopeDocument(doc: DocumentData, scope: ExportScope): DocumentData {
  if (scope.labels === null && scope.relationTypes === null) return doc;
  const labels = scope.labels === null ? null : new Set(scope.labels);
  const types = scope.relationTypes === null ? null : new Set(scope.relationTypes);
  const annotations = labels === null ? doc.annotations : doc.annotations.filter((a) => labels.has(a.label));
  const kept = new Set(annotations.map((a) => a.id));
  const relations = doc.relations.filter((r) => (types === null || types.has(r.type)) && kept.has(r.from) && kept.has(r.to));
  return { ...doc, annotations, relations };
}
