/**
 * The analyst's actions as changes: each function looks at the document (and the schema) and
 * returns the operations that carry the action out, ready for DocumentSession.apply. Pure: ids
 * and the time are passed in. A function returns null (or a reason) when the action does not
 * apply, so the UI can say why.
 */
import type { Operation } from './operations';
import { allowedRelationTypes, defaultAttributes, findLabel } from './schema-rules';
import type { Annotation, AttributeValue, DocStatus, DocumentData, Relation, Schema } from './types';

/** Who and when, stamped on what an action creates. */
export type Stamp = Readonly<{ author: string; now: string; newId: () => string }>;

/**
 * Tags [start, end) with `label`, with the label's default attributes.
 * @returns the change, or a reason it cannot be made
 */
export function addSpan(doc: DocumentData, schema: Schema, label: string, start: number, end: number, stamp: Stamp): Operation[] | string {
  const def = findLabel(schema, label);
  if (!def) return `There is no label "${label}" in the schema.`;
  if (!(start >= 0 && start < end && end <= doc.text.length)) return 'Select some text first.';
  const annotation: Annotation = {
    id: stamp.newId(),
    label,
    start,
    end,
    quote: doc.text.slice(start, end),
    attributes: defaultAttributes(def),
    author: stamp.author,
    createdAt: stamp.now,
    updatedAt: stamp.now,
  };
  return [{ op: 'addAnnotation', annotation }];
}

/** Deletes an annotation together with its links (links first, so undo restores both). */
export function deleteSpan(doc: DocumentData, id: string): Operation[] | null {
  const annotation = doc.annotations.find((a) => a.id === id);
  if (!annotation) return null;
  const links: Operation[] = doc.relations.filter((r) => r.from === id || r.to === id).map((relation) => ({ op: 'removeRelation', relation }));
  return [...links, { op: 'removeAnnotation', annotation }];
}

/** Sets (or, with null, unsets) one attribute of an annotation. */
export function setAttribute(doc: DocumentData, id: string, name: string, value: AttributeValue, now: string): Operation[] | null {
  const a = doc.annotations.find((x) => x.id === id);
  if (!a || JSON.stringify(a.attributes[name] ?? null) === JSON.stringify(value)) return null;
  return [
    {
      op: 'updateAnnotation',
      id,
      before: { attributes: a.attributes, updatedAt: a.updatedAt },
      after: { attributes: { ...a.attributes, [name]: value }, updatedAt: now },
    },
  ];
}

/** Sets an annotation's note ('' removes it). */
export function setNote(doc: DocumentData, id: string, note: string, now: string): Operation[] | null {
  const a = doc.annotations.find((x) => x.id === id);
  if (!a || (a.note ?? '') === note) return null;
  return [{ op: 'updateAnnotation', id, before: { note: a.note ?? '', updatedAt: a.updatedAt }, after: { note, updatedAt: now } }];
}

/** Changes an annotation's label (its attributes are kept; links the schema no longer allows are refused by the service). */
export function relabel(doc: DocumentData, id: string, label: string, now: string): Operation[] | null {
  const a = doc.annotations.find((x) => x.id === id);
  if (!a || a.label === label) return null;
  return [{ op: 'updateAnnotation', id, before: { label: a.label, updatedAt: a.updatedAt }, after: { label, updatedAt: now } }];
}

/**
 * Links `fromId` to `toId` with `type`, or with the first type the schema allows between their labels.
 * @returns the change, or a reason the link cannot be made
 */
export function link(doc: DocumentData, schema: Schema, fromId: string, toId: string, stamp: Stamp, type?: string): Operation[] | string {
  const from = doc.annotations.find((a) => a.id === fromId);
  const to = doc.annotations.find((a) => a.id === toId);
  if (!from || !to) return 'Both ends of a link must be annotations in this document.';
  if (fromId === toId) return 'An annotation cannot be linked to itself.';
  const allowed = allowedRelationTypes(schema, from.label, to.label);
  const chosen = type ?? allowed[0];
  if (chosen === undefined || !allowed.includes(chosen)) return `The schema has no link from ${from.label} to ${to.label}.`;
  if (doc.relations.some((r) => r.type === chosen && r.from === fromId && r.to === toId)) return `These are already linked (${chosen}).`;
  const relation: Relation = { id: stamp.newId(), type: chosen, from: fromId, to: toId, author: stamp.author, createdAt: stamp.now };
  return [{ op: 'addRelation', relation }];
}

/** Removes one link. */
export function unlink(doc: DocumentData, relationId: string): Operation[] | null {
  const relation = doc.relations.find((r) => r.id === relationId);
  return relation ? [{ op: 'removeRelation', relation }] : null;
}

/** Sets the document's status. */
export function setStatus(doc: DocumentData, status: DocStatus): Operation[] | null {
  return doc.status === status ? null : [{ op: 'updateDocument', before: { status: doc.status }, after: { status } }];
}

/** Sets one document-level attribute (null unsets it). */
export function setDocumentAttribute(doc: DocumentData, name: string, value: AttributeValue): Operation[] | null {
  if (JSON.stringify(doc.attributes[name] ?? null) === JSON.stringify(value)) return null;
  return [{ op: 'updateDocument', before: { attributes: doc.attributes }, after: { attributes: { ...doc.attributes, [name]: value } } }];
}
