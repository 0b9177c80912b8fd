/**
 * The operations that turn one version of a document into another: what a session tells its
 * listeners (the article's highlights, the panels) when it takes a version saved by another window
 * (#12). Pure; it reads the two versions and never changes either.
 */
import type { AnnotationPatch, DocumentPatch, Operation } from '../../shared/model/operations';
import type { Annotation, DocumentData, Relation } from '../../shared/model/types';

/** The annotation fields an update may change (AnnotationPatch); the others (author, creation) make it another annotation. */
const PATCHABLE = ['label', 'start', 'end', 'quote', 'attributes', 'note', 'updatedAt', 'conflicts'] as const;
/** The document fields an update may change (DocumentPatch). */
const DOCUMENT_FIELDS = ['title', 'status', 'attributes', 'rejected'] as const;

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The change from `before` to `after` (two versions of one document's layer): relations removed,
 * annotations removed, added and updated, relations added, document fields updated.
 * @returns the operations, in an order that applies to `before`; empty when the two are the same
 */
export function changesBetween(before: DocumentData, after: DocumentData): Operation[] {
  const ops: Operation[] = [];
  const oldRelations = new Map(before.relations.map((r) => [r.id, r]));
  const newRelations = new Map(after.relations.map((r) => [r.id, r]));
  const relationGone = (r: Relation) => !same(newRelations.get(r.id), r);
  for (const relation of before.relations) if (relationGone(relation)) ops.push({ op: 'removeRelation', relation });

  const oldAnnotations = new Map(before.annotations.map((a) => [a.id, a]));
  const newAnnotations = new Map(after.annotations.map((a) => [a.id, a]));
  const isReplaced = (a: Annotation, b: Annotation | undefined) => !b || a.author !== b.author || a.createdAt !== b.createdAt;
  for (const annotation of before.annotations)
    if (isReplaced(annotation, newAnnotations.get(annotation.id))) ops.push({ op: 'removeAnnotation', annotation });
  for (const annotation of after.annotations) {
    const old = oldAnnotations.get(annotation.id);
    if (!old || isReplaced(old, annotation)) ops.push({ op: 'addAnnotation', annotation });
    else if (!same(old, annotation)) ops.push({ op: 'updateAnnotation', id: annotation.id, ...patches(old, annotation, PATCHABLE) });
  }

  for (const relation of after.relations) if (!same(oldRelations.get(relation.id), relation)) ops.push({ op: 'addRelation', relation });
  const fields = patches(before, after, DOCUMENT_FIELDS);
  if (Object.keys(fields.after).length > 0) ops.push({ op: 'updateDocument', ...fields });
  return ops;
}

/** The named fields that differ between `a` and `b`, as the before and after halves of an update. */
function patches<T extends Annotation | DocumentData, K extends keyof T & keyof (AnnotationPatch & DocumentPatch)>(
  a: T,
  b: T,
  keys: readonly K[],
): { before: Pick<T, K>; after: Pick<T, K> } {
  const before: Partial<Pick<T, K>> = {};
  const after: Partial<Pick<T, K>> = {};
  for (const key of keys)
    if (!same(a[key], b[key])) {
      before[key] = a[key];
      after[key] = b[key];
    }
  return { before: before as Pick<T, K>, after: after as Pick<T, K> };
}
