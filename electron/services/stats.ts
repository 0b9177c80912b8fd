/**
 * What a workspace holds, counted (documents by status, annotations by label, characters), and
 * its check against the text and the schema (`validate`). The CLI prints both; the counts come
 * from the index rows, the check reads every document in scope. Nothing here writes.
 */
import { ApiError } from '../../shared/api';
import { isRowInScope, type ExportScope } from '../../shared/formats/scope';
import { validateDocument, type ValidationProblem } from '../../shared/formats/validate';
import type { DocStatus } from '../../shared/model/types';
import type { Workspace } from './workspace';

/** A workspace's counts; the maps are in the order a reader wants (status as first seen, labels by name). */
export type WorkspaceStats = Readonly<{
  path: string;
  documents: number;
  byStatus: ReadonlyMap<DocStatus, number>;
  annotations: number;
  byLabel: ReadonlyMap<string, number>;
  characters: number;
}>;

/** The outcome of a validation: how many documents were read and every problem found. */
export type ValidationResult = Readonly<{ documents: number; problems: readonly ValidationProblem[] }>;

/**
 * Counts a workspace's documents and annotations from its index.
 * @returns the counts; labels are Map keys, so a label named `constructor` counts like any other
 */
export function workspaceStats(workspace: Workspace): WorkspaceStats {
  const rows = workspace.listDocuments('');
  const byStatus = new Map<DocStatus, number>();
  const byLabel = new Map<string, number>();
  let annotations = 0;
  let characters = 0;
  for (const row of rows) {
    // Statuses and counts are per layer: a document with two annotators' layers counts in each.
    for (const layer of Object.values(row.layers)) {
      byStatus.set(layer.status, (byStatus.get(layer.status) ?? 0) + 1);
      for (const [label, n] of Object.entries(layer.labelCounts)) byLabel.set(label, (byLabel.get(label) ?? 0) + n);
      annotations += layer.annotationCount;
    }
    characters += row.length;
  }
  const sortedLabels = new Map([...byLabel].sort(([a], [b]) => a.localeCompare(b)));
  return { path: workspace.path, documents: rows.length, byStatus, annotations, byLabel: sortedLabels, characters };
}

/**
 * Checks every document in scope: quotes against the text, relation ends and types, labels and
 * attribute values against the schema, attributed claims without a source. A document that
 * cannot be read is one problem of kind `schema`, and the others are still checked.
 * @param signal stops between documents (throws its reason)
 * @returns the documents read and the problems, in document order
 * @throws the signal's reason when aborted; fs errors other than those the workspace reports as ApiError
 */
export async function validateWorkspace(workspace: Workspace, scope: ExportScope, signal?: AbortSignal): Promise<ValidationResult> {
  const schema = workspace.info().schema;
  const problems: ValidationProblem[] = [];
  let documents = 0;
  for (const row of workspace.listDocuments('').filter((r) => isRowInScope(r, scope))) {
    signal?.throwIfAborted();
    documents += 1;
    try {
      const layers = Object.keys(row.layers);
      for (const layer of layers.length > 0 ? layers : [null]) {
        const found = validateDocument(await workspace.readDocument(row.id, layer), schema);
        problems.push(...(layers.length > 1 ? found.map((p) => ({ ...p, message: `${p.message} (layer ${layer})` })) : found));
      }
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      problems.push({ docId: row.id, kind: 'schema', id: '-', at: null, message: err.message });
    }
  }
  return { documents, problems };
}
