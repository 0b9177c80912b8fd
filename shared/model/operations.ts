/**
 * Operations: every change an analyst makes to a document is one of these, applied by a pure
 * function and undone by applying its inverse. Operations are idempotent (adding what is there,
 * removing what is gone, setting a value it already has: no change), so a save that is retried
 * after a lost acknowledgement cannot apply twice.
 */
import { assertNever } from '../assert-never';
import type { Annotation, Attributes, DocStatus, DocumentData, Relation } from './types';
import { patchAttributes } from './attribute-patch';

/** The fields of an annotation an update may change. */
export type AnnotationPatch = Readonly<
  Partial<Pick<Annotation, 'label' | 'start' | 'end' | 'quote' | 'attributes' | 'note' | 'updatedAt' | 'conflicts'>>
>;
/** The document fields an update may change (`rejected`: the curated layer's rejected candidates). */
export type DocumentPatch = Readonly<{ title?: string; status?: DocStatus; attributes?: Attributes; rejected?: readonly string[] }>;

export type Operation =
  | Readonly<{ op: 'addAnnotation'; annotation: Annotation }>
  | Readonly<{ op: 'removeAnnotation'; annotation: Annotation }>
  | Readonly<{ op: 'updateAnnotation'; id: string; before: AnnotationPatch; after: AnnotationPatch }>
  | Readonly<{ op: 'addRelation'; relation: Relation }>
  | Readonly<{ op: 'removeRelation'; relation: Relation }>
  | Readonly<{ op: 'updateDocument'; before: DocumentPatch; after: DocumentPatch }>;

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
 * An operation that adds an annotation or relation whose id is already taken by one with other
 * content: replaying the identical operation is a no-op, a different one is refused, never
 * acknowledged as if it had been stored.
 */
export class OperationConflict extends OperationError {
  override name = 'OperationConflict';
}

/** True when UTF-16 `offset` falls between the two halves of a surrogate pair (an emoji, say). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * Checks that an annotation fits the document's text.
 * @throws OperationError when its range is outside the text, an edge splits a surrogate pair
 *   (no export could write it), or its quote differs from the text
 */
export function checkSpan(text: string, a: Pick<Annotation, 'id' | 'start' | 'end' | 'quote'>): void {
  if (!(Number.isInteger(a.start) && Number.isInteger(a.end) && a.start >= 0 && a.start < a.end && a.end <= text.length))
    throw new OperationError(`annotation ${a.id}: [${a.start}, ${a.end}) is not a non-empty range inside the text (length ${text.length})`);
  for (const edge of [a.start, a.end])
    if (splitsSurrogatePair(text, edge))
      throw new OperationError(
        `annotation ${a.id}: offset ${edge} falls inside a character (between the halves of a surrogate pair, such as an emoji); move the edge before or after the whole character`,
      );
  if (text.slice(a.start, a.end) !== a.quote)
    throw new OperationError(`annotation ${a.id}: its quote does not match the text at [${a.start}, ${a.end})`);
}

/** Looks up the label of an annotation in the document as changed so far (for schema checks). */
export type LabelOf = (annotationId: string) => string | undefined;

/**
 * Applies one operation.
 * @returns the new document (the input is not modified; the same object when nothing changed)
 * @throws OperationError when the operation does not fit (bad range, unknown annotation,
 *   dangling relation); OperationConflict when it reuses an id for other content
 */
export function applyOperation(doc: DocumentData, op: Operation): DocumentData {
  return applyOperations(doc, [op]);
}

/**
 * Applies operations in order, all or nothing, in time linear in the document and the
 * operations (a batch of 30,000 costs what 30,000 map updates cost, not 30,000 array copies).
 * @param check called before each operation with a label lookup over the document as changed so
 *   far (the service checks the schema with it); throws to refuse the operation
 * @returns the new document; the same object when no operation changed anything (a replay)
 * @throws OperationError from the first operation that does not fit; nothing is applied then
 */
export function applyOperations(doc: DocumentData, ops: readonly Operation[], check?: (op: Operation, labelOf: LabelOf) => void): DocumentData {
  const draft = new Draft(doc, ops);
  ops.forEach((op, at) => {
    check?.(op, (id) => draft.annotations.get(id)?.label);
    draft.apply(op, at);
  });
  return draft.result();
}

/** How many look-ups a batch makes by scanning before it builds an index (one edit should cost one scan, not an index). */
const SCANS_BEFORE_INDEX = 8;

/**
 * A document's annotations or relations while a batch changes them: copied on the first change,
 * found by a scan while look-ups are few (a single edit costs what one scan of the list costs)
 * and through an index once they are many (a batch of thousands stays linear). A removed item
 * leaves a hole until the end, so that removing never shifts positions.
 */
class KeyedList<T extends Readonly<{ id: string }>> {
  private items: (T | undefined)[] | null = null;
  private index: Map<string, number> | null = null;
  private scans = 0;

  constructor(private readonly original: readonly T[]) {}

  /** True once the list differs from the document's. */
  get changed(): boolean {
    return this.items !== null;
  }

  /** The items in order (the document's own array when nothing changed). */
  values(): readonly T[] {
    return this.items ? this.items.filter((x): x is T => x !== undefined) : this.original;
  }

  get(id: string): T | undefined {
    const at = this.positionOf(id);
    return at === -1 ? undefined : this.current()[at];
  }

  has(id: string): boolean {
    return this.positionOf(id) !== -1;
  }

  add(item: T): void {
    const items = this.writable();
    items.push(item);
    this.index?.set(item.id, items.length - 1);
  }

  /** Replaces the item with `item.id` (which must exist). */
  replace(item: T): void {
    this.writable()[this.positionOf(item.id)] = item;
  }

  remove(id: string): void {
    const at = this.positionOf(id);
    if (at === -1) return;
    this.writable()[at] = undefined;
    this.index?.delete(id);
  }

  private current(): readonly (T | undefined)[] {
    return this.items ?? this.original;
  }

  private writable(): (T | undefined)[] {
    return (this.items ??= [...this.original]);
  }

  private positionOf(id: string): number {
    const list = this.current();
    if (!this.index && ++this.scans > SCANS_BEFORE_INDEX) {
      this.index = new Map();
      list.forEach((x, i) => x && this.index!.set(x.id, i));
    }
    if (this.index) return this.index.get(id) ?? -1;
    for (let i = 0; i < list.length; i++) if (list[i]?.id === id) return i;
    return -1;
  }
}

/** A document being changed by a batch of operations (see KeyedList); the result is built once at the end. */
class Draft {
  readonly annotations: KeyedList<Annotation>;
  private readonly relations: KeyedList<Relation>;
  /** How many relations end at each annotation (a linked annotation cannot be removed); counted on the first removal. */
  private links: Map<string, number> | null = null;
  private linkScans = 0;
  private fields: DocumentPatch = {};
  private changedFields = false;
  /** True once the batch sets the status or document attributes: the analyst's choice settles the document-level conflicts a merge left. */
  private settlesConflicts = false;
  /** Where each annotation is updated in the batch (built on the first replayed add that needs it). */
  private updatesById: Map<string, number[]> | null = null;

  constructor(
    private readonly doc: DocumentData,
    private readonly ops: readonly Operation[],
  ) {
    this.annotations = new KeyedList(doc.annotations);
    this.relations = new KeyedList(doc.relations);
  }

  apply(op: Operation, at: number): void {
    switch (op.op) {
      case 'addAnnotation': {
        const existing = this.annotations.get(op.annotation.id);
        if (existing) {
          if (!isSameJson(existing, this.asUpdatedLater(op.annotation, at)))
            throw new OperationConflict(`annotation ${op.annotation.id} already exists with other content; give the new annotation its own id`);
          return;
        }
        checkSpan(this.doc.text, op.annotation);
        this.annotations.add(op.annotation);
        return;
      }
      case 'removeAnnotation': {
        if (!this.annotations.has(op.annotation.id)) return;
        if (this.hasLinks(op.annotation.id)) throw new OperationError(`annotation ${op.annotation.id} still has links; remove them first`);
        this.annotations.remove(op.annotation.id);
        return;
      }
      case 'updateAnnotation': {
        const current = this.annotations.get(op.id);
        if (!current) throw new OperationError(`annotation ${op.id} does not exist`);
        const updated = patched(current, afterByKey(current.attributes, op.before, op.after));
        checkSpan(this.doc.text, updated);
        this.annotations.replace(updated);
        return;
      }
      case 'addRelation': {
        const existing = this.relations.get(op.relation.id);
        if (existing) {
          if (!isSameJson(existing, op.relation))
            throw new OperationConflict(`relation ${op.relation.id} already exists with other content; give the new relation its own id`);
          return;
        }
        for (const end of [op.relation.from, op.relation.to])
          if (!this.annotations.has(end)) throw new OperationError(`relation ${op.relation.id}: annotation ${end} does not exist`);
        this.relations.add(op.relation);
        if (this.links) this.link(this.links, op.relation, 1);
        return;
      }
      case 'removeRelation': {
        const existing = this.relations.get(op.relation.id);
        if (!existing) return;
        this.relations.remove(op.relation.id);
        if (this.links) this.link(this.links, existing, -1);
        return;
      }
      case 'updateDocument':
        this.fields = { ...this.fields, ...afterByKey(this.fields.attributes ?? this.doc.attributes, op.before, op.after) };
        this.changedFields = true;
        if (op.after.status !== undefined || op.after.attributes !== undefined) this.settlesConflicts = true;
        return;
      default:
        return assertNever(op);
    }
  }

  /**
   * What an annotation added at `at` becomes through the batch's later updates of it: a batch
   * replayed after a lost acknowledgement finds its annotations as the batch left them.
   */
  private asUpdatedLater(added: Annotation, at: number): Annotation {
    if (!this.updatesById) {
      this.updatesById = new Map();
      this.ops.forEach((op, i) => {
        if (op.op === 'updateAnnotation') this.updatesById!.set(op.id, [...(this.updatesById!.get(op.id) ?? []), i]);
      });
    }
    let annotation = added;
    for (const i of this.updatesById.get(added.id) ?? []) {
      const op = this.ops[i]!;
      if (i > at && op.op === 'updateAnnotation') annotation = patched(annotation, afterByKey(annotation.attributes, op.before, op.after));
    }
    return annotation;
  }

  result(): DocumentData {
    if (!this.annotations.changed && !this.relations.changed && !this.changedFields) return this.doc;
    const { conflicts, ...doc } = this.doc;
    return {
      ...doc,
      ...(conflicts && !this.settlesConflicts ? { conflicts } : {}),
      ...this.fields,
      annotations: this.annotations.values(),
      relations: this.relations.values(),
    };
  }

  /** True when a relation starts or ends at the annotation: a scan for the first few removals, then counts kept up to date. */
  private hasLinks(annotationId: string): boolean {
    if (!this.links && ++this.linkScans <= SCANS_BEFORE_INDEX)
      return this.relations.values().some((r) => r.from === annotationId || r.to === annotationId);
    if (!this.links) {
      this.links = new Map();
      for (const r of this.relations.values()) this.link(this.links, r, 1);
    }
    return (this.links.get(annotationId) ?? 0) > 0;
  }

  private link(links: Map<string, number>, r: Relation, by: 1 | -1): void {
    links.set(r.from, (links.get(r.from) ?? 0) + by);
    if (r.to !== r.from) links.set(r.to, (links.get(r.to) ?? 0) + by);
  }
}

/**
 * An annotation with a patch applied. An empty note is no note, and an empty list of conflicts
 * (all settled) is none: the key goes, so JSON round trips and undo agree.
 */
/** An update's `after` with its attributes applied key by key onto `current` (see patchAttributes); other fields as recorded. */
function afterByKey<P extends Readonly<{ attributes?: Attributes }>>(current: Attributes, before: P, after: P): P {
  return before.attributes && after.attributes ? { ...after, attributes: patchAttributes(current, before.attributes, after.attributes) } : after;
}

function patched(a: Annotation, patch: AnnotationPatch): Annotation {
  const { note, conflicts, ...rest } = { ...a, ...patch };
  return { ...rest, ...(note ? { note } : {}), ...(conflicts?.length ? { conflicts } : {}) };
}

/** Deep equality of JSON-like data, key order ignored and undefined-valued keys taken as absent (as JSON has them). */
function isSameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => isSameJson(v, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = (r: Record<string, unknown>) => Object.keys(r).filter((k) => r[k] !== undefined);
  const ka = keys(ra);
  return ka.length === keys(rb).length && ka.every((k) => Object.hasOwn(rb, k) && isSameJson(ra[k], rb[k]));
}
