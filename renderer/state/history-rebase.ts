/**
 * What a DocumentSession's undo/redo history and unsaved changes become when it takes in a version
 * of its layer another window saved (#12). An undo step stores whole attribute objects and document
 * fields, and an update applies its `after` side whatever is stored: undone or replayed as it was
 * recorded, it would overwrite what the other window changed. So a step that touches anything the
 * other window changed (an annotation, a relation, a document field), or that no longer applies, is
 * dropped from the history; an unsaved attribute change is replayed with only the keys this window
 * changed. Pure: no React, no DOM, nothing is mutated.
 */
import { describeChange } from '../../shared/model/describe-change';
import { applyOperations, invertAll, type Operation } from '../../shared/model/operations';
import { patchAttributes } from '../../shared/model/attribute-patch';
import type { DocumentData } from '../../shared/model/types';

/** What a list of operations touches: annotation ids, relation ids and document fields. */
export type Touched = Readonly<{ annotations: ReadonlySet<string>; relations: ReadonlySet<string>; fields: ReadonlySet<string> }>;

/** What an undo or redo did: nothing (empty history), the change (`ops`: what was applied), or dropped a step that no longer fits, with a sentence saying so. */
export type StepResult =
  | Readonly<{ status: 'empty' }>
  | Readonly<{ status: 'done'; change: readonly Operation[]; ops: readonly Operation[] }>
  | Readonly<{ status: 'dropped'; message: string }>;

/** What taking in another window's version did (see DocumentSession.rebase). */
export type RebaseResult = Readonly<{ isTaken: boolean; historyCleared: string | null }>;

/** The status bar's sentence for undo/redo steps dropped because another window changed what they touch, or null for none. */
export function historyClearedMessage(dropped: readonly Operation[][]): string | null {
  if (dropped.length === 0) return null;
  const what = dropped.length === 1 ? describeChange(dropped[0]!) : `${dropped.length} changes`;
  return `Undo history for ${what} was cleared: another window changed it.`;
}

/** The status bar's sentence for an undo or redo step that no longer fits the document (`err`: why) and was dropped. */
export function stepDroppedMessage(verb: 'undo' | 'redo', change: readonly Operation[], err: unknown): string {
  const why = err instanceof Error ? err.message : String(err);
  return `Could not ${verb} ${describeChange(change)} (${why}); it was taken off the ${verb} history.`;
}

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The annotations, relations and document fields `ops` change. */
export function touchedBy(ops: readonly Operation[]): Touched {
  const annotations = new Set<string>();
  const relations = new Set<string>();
  const fields = new Set<string>();
  for (const op of ops) {
    if (op.op === 'addAnnotation' || op.op === 'removeAnnotation') annotations.add(op.annotation.id);
    else if (op.op === 'updateAnnotation') annotations.add(op.id);
    else if (op.op === 'addRelation' || op.op === 'removeRelation') relations.add(op.relation.id);
    else for (const key of [...Object.keys(op.before), ...Object.keys(op.after)]) fields.add(key);
  }
  return { annotations, relations, fields };
}

/** True when `step` changes something in `touched`. */
function overlaps(step: readonly Operation[], touched: Touched): boolean {
  const mine = touchedBy(step);
  const meets = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((x) => b.has(x));
  return meets(mine.annotations, touched.annotations) || meets(mine.relations, touched.relations) || meets(mine.fields, touched.fields);
}

/** An undo and a redo stack, each with its next step last. */
export type History = Readonly<{ undo: readonly Operation[][]; redo: readonly Operation[][] }>;

/**
 * The history that still holds on `doc` (the version just taken in, with this window's unsaved
 * changes on top) after another window made the changes `remote`: steps that touch what `remote`
 * touches are dropped, and so are steps that no longer apply where they would run (each undo step's
 * inverse after the undo steps above it, each redo step after the redo steps above it).
 * @returns the kept stacks (same order) and the dropped steps, as the analyst made them
 */
export function rebaseHistory(doc: DocumentData, history: History, remote: readonly Operation[]): History & { dropped: Operation[][] } {
  // Nothing changed elsewhere (a catch-up that found nothing new): every step still applies where it did.
  if (remote.length === 0) return { undo: [...history.undo], redo: [...history.redo], dropped: [] };
  const touched = touchedBy(remote);
  const dropped: Operation[][] = [];
  /** Keeps, from the top of `stack` down, each step that does not meet `touched` and whose `run` applies after the kept ones above it. */
  const keep = (stack: readonly Operation[][], run: (step: Operation[]) => Operation[]): Operation[][] => {
    let at = doc;
    const kept: Operation[][] = [];
    for (const step of [...stack].reverse()) {
      if (!overlaps(step, touched)) {
        try {
          at = applyOperations(at, run(step));
          kept.unshift(step);
          continue;
        } catch {
          // The step does not apply any more (what it needs was removed or replaced): dropped below.
        }
      }
      dropped.push(step);
    }
    return kept;
  };
  const undo = keep(history.undo, invertAll);
  const redo = keep(history.redo, (step) => step);
  return { undo, redo, dropped };
}

/** `op` with its attribute change (if any) rebased onto the attributes `doc` holds now (key by key, as the service applies it: patchAttributes). */
function rebaseOperation(doc: DocumentData, op: Operation): Operation {
  if (op.op === 'updateAnnotation' && op.before.attributes && op.after.attributes) {
    const current = doc.annotations.find((a) => a.id === op.id)?.attributes;
    if (!current || same(current, op.before.attributes)) return op;
    const attributes = patchAttributes(current, op.before.attributes, op.after.attributes);
    return { ...op, before: { ...op.before, attributes: current }, after: { ...op.after, attributes } };
  }
  if (op.op === 'updateDocument' && op.before.attributes && op.after.attributes) {
    if (same(doc.attributes, op.before.attributes)) return op;
    const attributes = patchAttributes(doc.attributes, op.before.attributes, op.after.attributes);
    return { ...op, before: { ...op.before, attributes: doc.attributes }, after: { ...op.after, attributes } };
  }
  return op;
}

/**
 * Replays unsaved batches on `stored`, each attribute change rebased onto the attributes as they
 * stand when it applies, so that saving them changes only the keys this window changed.
 * @returns the document with the batches applied, and the batches as rebased (the same objects
 *   when nothing needed rebasing)
 * @throws OperationError when a batch does not fit `stored`
 */
export function rebasePending(stored: DocumentData, queue: readonly Operation[][]): { doc: DocumentData; queue: Operation[][] } {
  let doc = stored;
  const rebased = queue.map((batch) => {
    const next = batch.map((op) => rebaseOperation(doc, op));
    const changed = next.some((op, i) => op !== batch[i]);
    doc = applyOperations(doc, next);
    return changed ? next : batch;
  });
  return { doc, queue: rebased };
}
