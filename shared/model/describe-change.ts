/**
 * A change (one undo step: a batch of operations) in a few words, as the status bar says what
 * undo and redo did: "tag Claim “I don't see…”", "link attributed_to", "set quote_form",
 * "delete Source “Hill”". Describes the change as the analyst made it (undo passes the change
 * it reverts, not its inverse). Pure; never reads the document.
 */
import { assertNever } from '../assert-never';
import { excerpt } from './excerpt';
import type { AnnotationPatch, DocumentPatch, Operation } from './operations';
import type { Annotation } from './types';

/** How much of a quote a description shows. */
const QUOTE_CHARS = 24;

const quoted = (a: Annotation) => `${a.label} “${excerpt(a.quote, QUOTE_CHARS)}”`;

/** The keys of `after` whose values differ from `before` (of an attributes object). */
function changedKeys(before: Readonly<Record<string, unknown>> | undefined, after: Readonly<Record<string, unknown>> | undefined): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null));
}

function describeAnnotationUpdate(before: AnnotationPatch, after: AnnotationPatch): string {
  if (after.label !== undefined) return `relabel as ${after.label}`;
  if (after.start !== undefined || after.end !== undefined) return `resize to “${excerpt(after.quote ?? '', QUOTE_CHARS)}”`;
  if (after.attributes !== undefined) {
    const names = changedKeys(before.attributes, after.attributes);
    return names.length > 0 ? `set ${names.join(', ')}` : 'set attributes';
  }
  if (after.note !== undefined) return after.note === '' ? 'remove note' : 'edit note';
  if (after.conflicts !== undefined) return 'settle a merge conflict';
  return 'edit annotation';
}

function describeDocumentUpdate(before: DocumentPatch, after: DocumentPatch): string {
  if (after.status !== undefined) return `set status ${after.status}`;
  if (after.attributes !== undefined) {
    const names = changedKeys(before.attributes, after.attributes);
    return names.length > 0 ? `set ${names.join(', ')}` : 'set document attributes';
  }
  if (after.title !== undefined) return 'rename';
  if (after.rejected !== undefined) return 'reject a candidate';
  return 'edit document';
}

/** One operation in words. */
export function describeOperation(op: Operation): string {
  switch (op.op) {
    case 'addAnnotation':
      return `tag ${quoted(op.annotation)}`;
    case 'removeAnnotation':
      return `delete ${quoted(op.annotation)}`;
    case 'updateAnnotation':
      return describeAnnotationUpdate(op.before, op.after);
    case 'addRelation':
      return `link ${op.relation.type}`;
    case 'removeRelation':
      return `unlink ${op.relation.type}`;
    case 'updateDocument':
      return describeDocumentUpdate(op.before, op.after);
    default:
      return assertNever(op);
  }
}

/**
 * A change in words. An annotation added or deleted names the change (a deletion takes its
 * links with it, and says how many); several of them are counted; then a label change names it
 * (it may remove links the new label cannot have, and says so); otherwise the first operation.
 * @returns the description, or '' for an empty change
 */
export function describeChange(ops: readonly Operation[]): string {
  const spans = ops.filter((op) => op.op === 'addAnnotation' || op.op === 'removeAnnotation');
  const relabel = ops.find((op) => op.op === 'updateAnnotation' && op.after.label !== undefined);
  const first = spans[0] ?? relabel ?? ops[0];
  if (!first) return '';
  if (spans.length > 1)
    return `${spans.every((op) => op.op === first.op) ? (first.op === 'addAnnotation' ? 'tag' : 'delete') : 'change'} ${spans.length} annotations`;
  const links = spans.length === 1 || first === relabel ? ops.filter((op) => op.op === 'addRelation' || op.op === 'removeRelation').length : 0;
  const text = describeOperation(first);
  if (links === 0) return text;
  if (first === relabel) return `${text}, removing ${links === 1 ? 'a link' : `${links} links`}`;
  return `${text} and ${links === 1 ? 'its link' : `its ${links} links`}`;
}
