/**
 * Settling a merge conflict on an annotation (#11): a git merge of the same annotator's layer
 * from two machines keeps one value of a field in place and records both in the annotation's
 * `conflicts` (see shared/merge/layer.ts). Choosing one is one `updateAnnotation` operation that
 * sets the field to the chosen value and takes the conflict out of the list (its `before` holds
 * the old values, so undo brings the conflict back); for a `deleted` conflict (deleted on one
 * machine, changed on the other) choosing the deletion deletes the annotation with its links.
 * Also how a conflict's field and values read. Pure: no React, no DOM.
 */
import { deleteSpan } from '../../shared/model/commands';
import { CONFLICT_FIELDS } from '../../shared/model/layers';
import type { AnnotationPatch, Operation } from '../../shared/model/operations';
import type { Annotation, AttributeValue, DocumentData, FieldConflict } from '../../shared/model/types';
import { excerpt, formatAttributeValue } from '../editor/annotation-text';

const { attributePrefix: ATTRIBUTE_PREFIX, deleted: DELETED_FIELD, span: SPAN_FIELD } = CONFLICT_FIELDS;

type Span = Readonly<{ start: number; end: number; quote: string }>;
type PatchDraft = { -readonly [K in keyof AnnotationPatch]: AnnotationPatch[K] };

const isSpan = (v: unknown): v is Span =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Span).start === 'number' &&
  typeof (v as Span).end === 'number' &&
  typeof (v as Span).quote === 'string';

/** The name a user reads for a conflict's field ("label", "attribute check_worthy", "span"). */
export function fieldName(conflict: FieldConflict): string {
  if (conflict.field.startsWith(ATTRIBUTE_PREFIX)) return `attribute ${conflict.field.slice(ATTRIBUTE_PREFIX.length)}`;
  if (conflict.field === DELETED_FIELD) return 'deleted or kept';
  return conflict.field;
}

/** One of a conflict's values as a user reads it. */
export function valueText(conflict: FieldConflict, value: unknown): string {
  if (conflict.field === DELETED_FIELD) return value === true ? 'deleted' : 'kept (changed)';
  if (conflict.field === SPAN_FIELD && isSpan(value)) return `“${excerpt(value.quote, 40)}” (${value.start}–${value.end})`;
  if (conflict.field === 'note') return typeof value === 'string' && value !== '' ? `“${excerpt(value, 40)}”` : '(no note)';
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || Array.isArray(value))
    return formatAttributeValue(value as AttributeValue);
  return JSON.stringify(value);
}

/**
 * The change that settles `a`'s conflict on `field` with the value at `choice` (0: the value this
 * machine had, kept in place by the merge; 1: the other machine's).
 * @param now the time stamped as the annotation's updatedAt
 * @returns the operations, or a sentence saying why that value cannot be taken (a span that no longer fits the text)
 */
export function settleConflict(doc: DocumentData, a: Annotation, field: string, choice: 0 | 1, now: string): Operation[] | string {
  const conflicts = a.conflicts ?? [];
  const conflict = conflicts.find((c) => c.field === field);
  if (!conflict) return 'That conflict is settled already.';
  const value = conflict.values[choice];
  const rest = conflicts.filter((c) => c !== conflict);
  if (field === DELETED_FIELD && value === true) return deleteSpan(doc, a.id) ?? 'That annotation is gone already.';
  const before: PatchDraft = { conflicts, updatedAt: a.updatedAt };
  const after: PatchDraft = { conflicts: rest, updatedAt: now };
  if (field === 'label' && typeof value === 'string') {
    before.label = a.label;
    after.label = value;
  } else if (field === 'note') {
    before.note = a.note ?? '';
    after.note = typeof value === 'string' ? value : '';
  } else if (field === SPAN_FIELD && isSpan(value)) {
    if (doc.text.slice(value.start, value.end) !== value.quote)
      return 'That span no longer fits the article’s text: keep the other one, then adjust it.';
    Object.assign(before, { start: a.start, end: a.end, quote: a.quote });
    Object.assign(after, { start: value.start, end: value.end, quote: value.quote });
  } else if (field.startsWith(ATTRIBUTE_PREFIX)) {
    const name = field.slice(ATTRIBUTE_PREFIX.length);
    before.attributes = a.attributes;
    after.attributes = { ...a.attributes, [name]: (value ?? null) as AttributeValue };
  }
  // Any other field (or a value of an unexpected shape): the value in place stays, the conflict goes.
  return [{ op: 'updateAnnotation', id: a.id, before, after }];
}
