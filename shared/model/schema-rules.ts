/**
 * What the tag schema allows: which labels exist, which relation types may join which labels,
 * and how a schema edit (rename, removal) carries over to stored annotations. Pure.
 */
import type { LabelOf, Operation } from './operations';
import { OperationError } from './operations';
import type { Annotation, AttributeDef, AttributeValue, DocumentData, LabelDef, Schema } from './types';

/** The label definition named `name`, or undefined. */
export function findLabel(schema: Schema, name: string): LabelDef | undefined {
  return schema.labels.find((l) => l.name === name);
}

/** The relation types the schema allows from a span labelled `from` to one labelled `to`. */
export function allowedRelationTypes(schema: Schema, from: string, to: string): string[] {
  return schema.relationTypes.filter((t) => t.from.includes(from) && t.to.includes(to)).map((t) => t.name);
}

/** The attribute values a new annotation of `label` starts with (each attribute's default). */
export function defaultAttributes(label: LabelDef): Record<string, AttributeValue> {
  return Object.fromEntries(label.attributes.map((a: AttributeDef) => [a.name, a.default ?? null]));
}

/**
 * Checks an operation against the schema (labels exist; relations join allowed labels).
 * @param labelOf the label of an annotation in the document as changed so far
 * @throws OperationError naming what the schema does not allow
 */
export function checkOperation(schema: Schema, op: Operation, labelOf: LabelOf): void {
  switch (op.op) {
    case 'addAnnotation':
      if (!findLabel(schema, op.annotation.label)) throw new OperationError(`the schema has no label "${op.annotation.label}"`);
      return;
    case 'updateAnnotation':
      if (op.after.label !== undefined && !findLabel(schema, op.after.label)) throw new OperationError(`the schema has no label "${op.after.label}"`);
      return;
    case 'addRelation': {
      const type = schema.relationTypes.find((t) => t.name === op.relation.type);
      if (!type) throw new OperationError(`the schema has no relation type "${op.relation.type}"`);
      const from = labelOf(op.relation.from);
      const to = labelOf(op.relation.to);
      if (from !== undefined && to !== undefined && !(type.from.includes(from) && type.to.includes(to)))
        throw new OperationError(`"${op.relation.type}" does not link ${from} to ${to} (it links ${type.from.join('/')} to ${type.to.join('/')})`);
      return;
    }
    default:
      return;
  }
}

/** A schema edit's effect on stored data: labels renamed (old -> new) and labels removed. */
export type SchemaMigration = Readonly<{ renamedLabels: Readonly<Record<string, string>>; removedLabels: readonly string[] }>;

/**
 * Carries a schema edit over to one document: renames labels, drops annotations of removed
 * labels together with every relation that touches them.
 * @returns the updated document, or the same object when nothing changed
 */
export function migrateDocumentLabels(doc: DocumentData, change: SchemaMigration): DocumentData {
  const removed = new Set(change.removedLabels);
  const touched = doc.annotations.some((a) => removed.has(a.label) || Object.hasOwn(change.renamedLabels, a.label));
  if (!touched) return doc;
  const dropped = new Set(doc.annotations.filter((a) => removed.has(a.label)).map((a) => a.id));
  const annotations: Annotation[] = doc.annotations
    .filter((a) => !dropped.has(a.id))
    .map((a) => (Object.hasOwn(change.renamedLabels, a.label) ? { ...a, label: change.renamedLabels[a.label]! } : a));
  const relations = doc.relations.filter((r) => !dropped.has(r.from) && !dropped.has(r.to));
  return { ...doc, annotations, relations };
}
