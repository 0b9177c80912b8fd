/**
 * The analyst's actions as changes: each function looks at the document (and the schema) and
 * returns the operations that carry the action out, ready for DocumentSession.apply. Pure: ids
 * and the time are passed in. A function returns null (or a reason) when the action does not
 * apply, so the UI can say why.
 */
import type { Operation } from './operations';
import { allowedRelationTypes, findLabel, isUnset, linksNotAllowed, withAttribute } from './schema-rules';
import type { Annotation, AttributeValue, Attributes, DocStatus, DocumentData, Relation, Schema } from './types';

/** Who and when, stamped on what an action creates. */
export type Stamp = Readonly<{ author: string; now: string; newId: () => string }>;

/**
 * Tags [start, end) with `label`. The annotation starts with no attributes: a schema's defaults
 * are suggestions, and an analyst's choice must be told from one nobody made. The first
 * annotation of a 'new' document moves it to 'in_progress' in the same change (one undo
 * reverts both; the analyst can still set the status).
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
    attributes: {},
    author: stamp.author,
    createdAt: stamp.now,
    updatedAt: stamp.now,
  };
  const started: Operation[] = doc.status === 'new' ? [{ op: 'updateDocument', before: { status: 'new' }, after: { status: 'in_progress' } }] : [];
  return [{ op: 'addAnnotation', annotation }, ...started];
}

/** Deletes an annotation together with its links (links first, so undo restores both). */
export function deleteSpan(doc: DocumentData, id: string): Operation[] | null {
  const annotation = doc.annotations.find((a) => a.id === id);
  if (!annotation) return null;
  const links: Operation[] = doc.relations.filter((r) => r.from === id || r.to === id).map((relation) => ({ op: 'removeRelation', relation }));
  return [...links, { op: 'removeAnnotation', annotation }];
}

/** True when setting `name` to `value` would leave `attributes` as they are (unset values, including a stored "unset", are all one). */
function isSameAttribute(attributes: Attributes, name: string, value: AttributeValue): boolean {
  const current = attributes[name];
  if (isUnset(current) || isUnset(value)) return isUnset(current) && isUnset(value);
  return JSON.stringify(current) === JSON.stringify(value);
}

/** Sets one attribute of an annotation; an unset value (null, "unset") removes it, so nothing is stored for it. */
export function setAttribute(doc: DocumentData, id: string, name: string, value: AttributeValue, now: string): Operation[] | null {
  const a = doc.annotations.find((x) => x.id === id);
  if (!a || isSameAttribute(a.attributes, name, value)) return null;
  return [
    {
      op: 'updateAnnotation',
      id,
      before: { attributes: a.attributes, updatedAt: a.updatedAt },
      after: { attributes: withAttribute(a.attributes, name, value), updatedAt: now },
    },
  ];
}

/** Sets an annotation's note ('' removes it). */
export function setNote(doc: DocumentData, id: string, note: string, now: string): Operation[] | null {
  const a = doc.annotations.find((x) => x.id === id);
  if (!a || (a.note ?? '') === note) return null;
  return [{ op: 'updateAnnotation', id, before: { note: a.note ?? '', updatedAt: a.updatedAt }, after: { note, updatedAt: now } }];
}

/** A label change and what it says about what went with it (null when only the label changed). */
export type Relabel = Readonly<{ ops: Operation[]; message: string | null }>;

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Changes an annotation's label and applies the schema to it: the links the new label may not
 * have are removed and the attributes it does not define are dropped, in the same change (links
 * first, so one undo puts the label back before the links return).
 * @returns the change with a message naming what was removed, or null when there is no such
 *   annotation, it has the label already, or the schema has no such label
 */
export function relabel(doc: DocumentData, schema: Schema, id: string, label: string, now: string): Relabel | null {
  const a = doc.annotations.find((x) => x.id === id);
  const def = findLabel(schema, label);
  if (!a || !def || a.label === label) return null;
  const links = linksNotAllowed(doc, schema, id, label);
  const defined = new Set(def.attributes.map((d) => d.name));
  const kept = Object.entries(a.attributes).filter(([name]) => defined.has(name));
  const dropped = Object.keys(a.attributes).filter((name) => !defined.has(name) && !isUnset(a.attributes[name]));
  // The attributes are in the change only when some go, so a plain relabel touches no other field (a merge sees only the label).
  const isTrimmed = kept.length < Object.keys(a.attributes).length;
  const ops: Operation[] = [
    ...links.map((relation): Operation => ({ op: 'removeRelation', relation })),
    {
      op: 'updateAnnotation',
      id,
      before: { label: a.label, ...(isTrimmed ? { attributes: a.attributes } : {}), updatedAt: a.updatedAt },
      after: { label, ...(isTrimmed ? { attributes: Object.fromEntries(kept) } : {}), updatedAt: now },
    },
  ];
  const removed = [
    ...(links.length > 0
      ? [
          `removed ${counted(links.length, 'link', 'links')} (${[...new Set(links.map((r) => r.type))].join(', ')}) the schema does not allow for ${label}`,
        ]
      : []),
    ...(dropped.length > 0 ? [`dropped ${counted(dropped.length, 'attribute', 'attributes')} ${label} does not have (${dropped.join(', ')})`] : []),
  ];
  const message =
    removed.length === 0
      ? null
      : `Changed to ${label}; ${removed.join(' and ')}. Undo restores ${links.length + dropped.length === 1 ? 'it' : 'them'}.`;
  return { ops, message };
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

/** Sets one document-level attribute (an unset value, null or "unset", removes it). */
export function setDocumentAttribute(doc: DocumentData, name: string, value: AttributeValue): Operation[] | null {
  if (isSameAttribute(doc.attributes, name, value)) return null;
  return [{ op: 'updateDocument', before: { attributes: doc.attributes }, after: { attributes: withAttribute(doc.attributes, name, value) } }];
}
