/**
 * Pure views of a schema draft for the editor's UI: where each item is shown (to take the user
 * to a problem, and to count problems per tab and label) and the footer's summary of what saving
 * changes. No state, no DOM.
 */
import type { SchemaDraft } from '../../shared/model/schema-edit';
import type { SchemaMigration } from '../../shared/model/schema-rules';
import { countOf } from '../../shared/model/keys';
import { formatQuantity } from '../util/format';
import type { SchemaTab } from './schema-editor-dom';

/** Where the editor shows an item: its tab and, for labels and their attributes, the label. */
export type Place = Readonly<{ tab: SchemaTab; labelKey: string | null }>;

/** @returns the place of every item key in the draft (labels, their attributes, relation types, document attributes) */
export function placesOf(draft: SchemaDraft): ReadonlyMap<string, Place> {
  const map = new Map<string, Place>();
  for (const l of draft.labels) {
    map.set(l.key, { tab: 'labels', labelKey: l.key });
    for (const a of l.attributes) map.set(a.key, { tab: 'labels', labelKey: l.key });
  }
  for (const t of draft.relationTypes) map.set(t.key, { tab: 'relations', labelKey: null });
  for (const a of draft.documentAttributes) map.set(a.key, { tab: 'document', labelKey: null });
  return map;
}

/**
 * @param field a draft issue's field id (`<item key>:<field>`)
 * @returns where the item it is about is shown, or undefined for an unknown item
 */
export const placeOfIssue = (places: ReadonlyMap<string, Place>, field: string): Place | undefined =>
  places.get(field.slice(0, field.lastIndexOf(':')));

/**
 * @param labelCounts annotations per saved label name across the workspace
 * @returns the footer's line for a changed draft: renames, and removals with the annotations they take
 */
export function describeChanges(migration: SchemaMigration, labelCounts: Readonly<Record<string, number>>): string {
  const parts: string[] = [];
  const renames = Object.entries(migration.renamedLabels);
  if (renames.length > 0) parts.push(`renames ${renames.map(([from, to]) => `${from} → ${to}`).join(', ')}`);
  for (const name of migration.removedLabels) {
    const n = countOf(labelCounts, name);
    parts.push(n > 0 ? `removes ${name} (${formatQuantity(n, 'annotation')})` : `removes ${name}`);
  }
  return parts.length > 0 ? `Unsaved: ${parts.join('; ')}` : 'Unsaved changes';
}
