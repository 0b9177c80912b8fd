/**
 * What the tag schema allows: which labels exist, which relation types may join which labels,
 * which attribute values count as set (and which required ones are missing), and how a schema
 * edit (rename, removal) carries over to stored annotations. Pure.
 */
import type { LabelOf, Operation } from './operations';
import { OperationError } from './operations';
import type { Annotation, AttributeDef, AttributeValue, Attributes, DocumentData, LabelDef, Relation, Schema } from './types';

/**
 * The word for "no value": what the app (pickers, claims table, its TSV copy) and the claims CSV
 * show for an attribute nobody set. Older default schemas also listed it as a choice
 * (checkworthy, verifiable, reliability), so stored files may hold it as a string: it is read as
 * unset (isUnset) and dropped when a layer is read (withoutUnset), never stored.
 */
export const UNSET = 'unset';

/** The label definition named `name`, or undefined. */
export function findLabel(schema: Schema, name: string): LabelDef | undefined {
  return schema.labels.find((l) => l.name === name);
}

/** The relation types the schema allows from a span labelled `from` to one labelled `to`. */
export function allowedRelationTypes(schema: Schema, from: string, to: string): string[] {
  return schema.relationTypes.filter((t) => t.from.includes(from) && t.to.includes(to)).map((t) => t.name);
}

/**
 * The values a schema suggests for a label's attributes (each attribute's `default`, or null).
 * A suggestion only: a new annotation starts with no attributes (nobody chose them), and the
 * details panel marks the default in the picker. Kept for fixtures that model an analyst who
 * chose every suggested value.
 */
export function defaultAttributes(label: LabelDef): Record<string, AttributeValue> {
  return Object.fromEntries(label.attributes.map((a: AttributeDef) => [a.name, a.default ?? null]));
}

/**
 * True when `value` holds no choice. The one definition of unset, used by every reader (details
 * panel, claims table, agreement, curation, exports, report, validate): absent, null, the empty
 * string (an emptied text field), an empty list (a multi with nothing ticked), or the legacy
 * string "unset". Everything else is a value, false and 0 included.
 */
export function isUnset(value: AttributeValue | undefined): boolean {
  return value === undefined || value === null || value === '' || value === UNSET || (Array.isArray(value) && value.length === 0);
}

/**
 * `attributes` without its unset values (see isUnset): what is stored for them is nothing.
 * @returns the same object when it holds no unset value
 */
export function withoutUnset(attributes: Attributes): Attributes {
  if (!Object.values(attributes).some(isUnset)) return attributes;
  return Object.fromEntries(Object.entries(attributes).filter(([, v]) => !isUnset(v)));
}

/** A choice or multi attribute's values as offered to the analyst (the legacy "unset" value left out: unset is offered by itself). */
export function choiceValues(def: AttributeDef): readonly string[] {
  return (def.values ?? []).filter((v) => v !== UNSET);
}

/** `def`'s default when it suggests a value, else null (a default of "unset" suggests nothing). */
export function suggestedValue(def: AttributeDef): AttributeValue {
  return isUnset(def.default) ? null : (def.default ?? null);
}

/**
 * `attributes` with `name` set to `value`, or without `name` when `value` is unset (nothing is
 * stored for an attribute nobody chose).
 */
export function withAttribute(attributes: Attributes, name: string, value: AttributeValue): Attributes {
  if (!isUnset(value)) return { ...attributes, [name]: value };
  const { [name]: _dropped, ...rest } = attributes;
  return rest;
}

/** The required attributes of `label` that `a` leaves unset, in schema order (none when the label is unknown). */
export function missingRequired(a: Annotation, label: LabelDef | undefined): string[] {
  return (label?.attributes ?? []).filter((d) => d.required === true && isUnset(a.attributes[d.name])).map((d) => d.name);
}

/** The annotations of `doc` that leave required attributes unset, each with those attributes' names (see missingRequired). */
export function incompleteAnnotations(doc: DocumentData, schema: Schema): Map<string, string[]> {
  const labels = new Map(schema.labels.map((l) => [l.name, l]));
  const out = new Map<string, string[]>();
  for (const a of doc.annotations) {
    const missing = missingRequired(a, labels.get(a.label));
    if (missing.length > 0) out.set(a.id, missing);
  }
  return out;
}

/** The links of annotation `id` the schema would not allow once it is labelled `label` (either direction). */
export function linksNotAllowed(doc: DocumentData, schema: Schema, id: string, label: string): Relation[] {
  const labelOf = new Map(doc.annotations.map((a) => [a.id, a.label]));
  return doc.relations.filter((r) => {
    if (r.from !== id && r.to !== id) return false;
    const from = r.from === id ? label : labelOf.get(r.from);
    const to = r.to === id ? label : labelOf.get(r.to);
    return from !== undefined && to !== undefined && !allowedRelationTypes(schema, from, to).includes(r.type);
  });
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
