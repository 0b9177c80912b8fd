/**
 * Operations: every change an analyst makes to a document is one of these, applied by a pure
 * function and undone by applying its inverse. Operations are idempotent (adding what is there,
 * removing what is gone, setting a value it already has: no change), so a save that is retried
 * after a lost acknowledgement cannot apply twice.
 */
import type { Annotation, Attributes, DocStatus, DocumentData, Relation } from './types';

/** The fields of an annotation an update may change. */
export type AnnotationPatch = Readonly<Partial<Pick<Annotation, 'label' | 'start' | 'end' | 'quote' | 'attributes' | 'note' | 'updatedAt'>>>;
/** The document fields an update may change. */
export type DocumentPatch = Readonly<{ title?: string; status?: DocStatus; attributes?: Attributes }>;

export type Operation =
  | Readonly<{ op: 'addAnnotation'; annotation: Annotation }>
  | Readonly<{ op: 'removeAnnotation'; annotation: Annotation }>
  | Readonly<{ op: 'updateAnnotation'; id: string; before: AnnotationPatch; after: AnnotationPatch }>
  | Readonly<{ op: 'addRelation'; relation: Relation }>
  | Readonly<{ op: 'removeRelation'; relation: Relation }>
  | Readonly<{ op: 'updateDocument'; before: DocumentPatch; after: DocumentPatch }>;

/** Fails the type check when a switch over operations misses a case. */
export function assertNever(value: never): never {
  throw new TypeError(`unexpected value ${JSON.stringify(value)}`);
}

/** The operation that undoes `op`. */
export function invert(op: Operation): Operation {
  switch (op.op) {
    case 'addAnnotation':
      return { op: 'removeAnnotation', annotation: op.annotation };
    case 'removeAnnotation':
      return { op: 'addAnnotation', annotation: op.annotation };
    case 'updateAnnotation':
      return { op: 'updateAnnotation', id: op.id, before: op.after, after: op.before };
    case 'addRelation':
      return { op: 'removeRelation', relation: op.relation };
    case 'removeRelation':
      return { op: 'addRelation', relation: op.relation };
    case 'updateDocument':
      return { op: 'updateDocument', before: op.after, after: op.before };
    default:
      return assertNever(op);
  }
}

/** The change that undoes a list of operations: each inverted, in reverse order. */
export function invertAll(ops: readonly Operation[]): Operation[] {
  return ops.map(invert).reverse();
}

/** Why an operation cannot apply to a document. */
export class OperationError extends RangeError {
  override name = 'OperationError';
}

/**
 * Checks that an annotation fits the document's text.
 * @throws OperationError when its range is outside the text or its quote differs from the text
 */
export function checkSpan(text: string, a: Pick<Annotation, 'id' | 'start' | 'end' | 'quote'>): void {
  if (!(Number.isInteger(a.start) && Number.isInteger(a.end) && a.start >= 0 && a.start < a.end && a.end <= text.length))
    throw new OperationError(`annotation ${a.id}: [${a.start}, ${a.end}) is not a non-empty range inside the text (length ${text.length})`);
  if (text.slice(a.start, a.end) !== a.quote)
    throw new OperationError(`annotation ${a.id}: its quote does not match the text at [${a.start}, ${a.end})`);
}

/**
 * Applies one operation.
 * @returns the new document (the input is not modified)
 * @throws OperationError when the operation does not fit (bad range, unknown annotation, dangling relation)
 */
export function applyOperation(doc: DocumentData, op: Operation): DocumentData {
  switch (op.op) {
    case 'addAnnotation': {
      const existing = doc.annotations.find((a) => a.id === op.annotation.id);
      if (existing) return doc;
      checkSpan(doc.text, op.annotation);
      return { ...doc, annotations: [...doc.annotations, op.annotation] };
    }
    case 'removeAnnotation': {
      if (!doc.annotations.some((a) => a.id === op.annotation.id)) return doc;
      if (doc.relations.some((r) => r.from === op.annotation.id || r.to === op.annotation.id))
        throw new OperationError(`annotation ${op.annotation.id} still has links; remove them first`);
      return { ...doc, annotations: doc.annotations.filter((a) => a.id !== op.annotation.id) };
    }
    case 'updateAnnotation': {
      const at = doc.annotations.findIndex((a) => a.id === op.id);
      if (at === -1) throw new OperationError(`annotation ${op.id} does not exist`);
      const merged = { ...doc.annotations[at]!, ...op.after };
      // An empty note is no note: the key goes, so JSON round trips and undo agree.
      const updated: Annotation = merged.note === '' || merged.note === undefined ? withoutNote(merged) : merged;
      checkSpan(doc.text, updated);
      const annotations = [...doc.annotations];
      annotations[at] = updated;
      return { ...doc, annotations };
    }
    case 'addRelation': {
      if (doc.relations.some((r) => r.id === op.relation.id)) return doc;
      for (const end of [op.relation.from, op.relation.to])
        if (!doc.annotations.some((a) => a.id === end)) throw new OperationError(`relation ${op.relation.id}: annotation ${end} does not exist`);
      return { ...doc, relations: [...doc.relations, op.relation] };
    }
    case 'removeRelation':
      return { ...doc, relations: doc.relations.filter((r) => r.id !== op.relation.id) };
    case 'updateDocument':
      return { ...doc, ...op.after };
    default:
      return assertNever(op);
  }
}

function withoutNote(a: Annotation): Annotation {
  const { note: _note, ...rest } = a;
  return rest;
}

/**
 * Applies operations in order, all or nothing.
 * @throws OperationError from the first operation that does not fit; nothing is applied then
 */
export function applyOperations(doc: DocumentData, ops: readonly Operation[]): DocumentData {
  return ops.reduce(applyOperation, doc);
}
