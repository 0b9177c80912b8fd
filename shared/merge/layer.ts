/**
 * The three-way merge of one layer file (`documents/<id>/layers/<name>.json` or `curated.json`),
 * for the one case git cannot settle line by line: the same annotator's layer changed on two
 * machines. Annotations and relations are merged by id: adds from both sides, deletes applied, a
 * field changed on one side taken. A true conflict on an annotation's label, span (start, end and
 * quote together), note or one attribute keeps ours' value in place and is recorded in that
 * annotation's `conflicts`; one deleted on one side and changed on the other is kept, with a
 * `deleted` conflict. Layer-level status and attributes follow the same rule and are recorded in
 * the layer's `conflicts`, as are relations (a relation whose end is gone after the merge is
 * dropped and recorded). Unset attribute values (isUnset) are dropped from all three versions
 * first, as a layer is read (layerWithoutUnset). The result is in the stable form
 * (canonicalLayer). Pure.
 */
import { canonicalLayer, CONFLICT_FIELDS, type LayerFile } from '../model/layers';
import { layerWithoutUnset } from '../model/migrate';
import type { Annotation, FieldConflict, Relation } from '../model/types';
import {
  asSet,
  byKey,
  deletedConflict,
  later,
  mergeField,
  mergeKeyed,
  mergeObject,
  NONE,
  quietly,
  withConflicts,
  type Base,
  type ConflictLog,
  type FieldRule,
} from './three-way';

/** A merged file and how many conflicts the merge recorded in it. */
export type MergeResult<T> = Readonly<{ merged: T; conflicts: number }>;

/** A rule that leaves a field to the caller. */
const skip: FieldRule = () => undefined;

/** The fields of an annotation merged by their own rule; every other field (label, note, ...) is a field of its own. */
const ANNOTATION_RULES: Readonly<Record<string, FieldRule>> = {
  start: skip,
  end: skip,
  quote: skip,
  conflicts: skip,
  attributes: byKey,
  author: quietly,
  createdAt: quietly,
  updatedAt: later,
};

/** The fields of a relation that are facts of its making, not choices to disagree on. */
const RELATION_RULES: Readonly<Record<string, FieldRule>> = { author: quietly, createdAt: quietly };

/** The fields of a layer merged by their own rule; status and anything else is a field of its own. */
const LAYER_RULES: Readonly<Record<string, FieldRule>> = {
  version: skip,
  annotations: skip,
  relations: skip,
  conflicts: skip,
  rejected: asSet,
  docId: quietly,
  layer: quietly,
  attributes: byKey,
};

const spanOf = (a: Annotation) => ({ start: a.start, end: a.end, quote: a.quote });

/** Counts the conflicts of one layer merge as they are recorded. */
type Tally = { count: number };

function mergeAnnotation(base: Base<Annotation>, ours: Annotation, theirs: Annotation, tally: Tally): Annotation {
  const found: ConflictLog = [];
  const rest = mergeObject('', base, ours, theirs, found, ANNOTATION_RULES);
  const span = mergeField(CONFLICT_FIELDS.span, base === NONE ? NONE : spanOf(base), spanOf(ours), spanOf(theirs), found);
  tally.count += found.length;
  const conflicts = withConflicts(base === NONE ? NONE : base.conflicts, ours.conflicts, theirs.conflicts, found);
  return { ...rest, ...span, conflicts } as unknown as Annotation;
}

/** An annotation one side deleted and the other changed: kept, with a `deleted` conflict. */
function keepChanged(kept: Annotation, oursDeleted: boolean, tally: Tally): Annotation {
  tally.count += 1;
  return { ...kept, conflicts: withConflicts(NONE, kept.conflicts, [], [deletedConflict(CONFLICT_FIELDS.deleted, oursDeleted)]) };
}

/**
 * Merges two versions of a layer file against their common ancestor.
 * @param base the ancestor, or null when both sides added the file
 * @returns the merged layer in its stable form, and how many conflicts were recorded in it (a
 *   dropped relation counts as one)
 */
export function mergeLayer(base: LayerFile | null, oursFile: LayerFile, theirsFile: LayerFile): MergeResult<LayerFile> {
  // Each side as Claimdesk reads it (unset values dropped, the legacy "unset" among them): a side
  // that only saved a file of an older version again changed nothing.
  const b: Base<LayerFile> = base ? layerWithoutUnset(base) : NONE;
  const ours = layerWithoutUnset(oursFile);
  const theirs = layerWithoutUnset(theirsFile);
  const tally: Tally = { count: 0 };
  const layerLog: ConflictLog = [];
  const top = mergeObject('', b, ours, theirs, layerLog, LAYER_RULES) as Pick<LayerFile, 'docId' | 'layer' | 'status' | 'attributes' | 'rejected'>;
  const annotations = mergeKeyed(b === NONE ? NONE : b.annotations, ours.annotations, theirs.annotations, {
    key: (a) => a.id,
    both: (_id, was, o, t) => mergeAnnotation(was, o, t, tally),
    deletedChanged: (_id, kept, oursDeleted) => keepChanged(kept, oursDeleted, tally),
  });
  const merged = mergeKeyed(b === NONE ? NONE : b.relations, ours.relations, theirs.relations, {
    key: (r) => r.id,
    both: (id, was, o, t) => mergeObject(`relations.${id}.`, was, o, t, layerLog, RELATION_RULES) as unknown as Relation,
    deletedChanged: (id, kept, oursDeleted) => {
      layerLog.push(deletedConflict(`relations.${id}.deleted`, oursDeleted));
      return kept;
    },
  });
  const ids = new Set(annotations.map((a) => a.id));
  const relations = merged.filter((r) => ids.has(r.from) && ids.has(r.to));
  for (const r of merged) if (!relations.includes(r)) layerLog.push(droppedConflict(r.id, ours.relations, theirs.relations));
  tally.count += layerLog.length;
  const conflicts = withConflicts(b === NONE ? NONE : b.conflicts, ours.conflicts, theirs.conflicts, layerLog);
  return { merged: canonicalLayer({ ...top, annotations, relations, conflicts }), conflicts: tally.count };
}

/** The record of a relation dropped because an annotation it links was deleted: the relation as each side had it. */
function droppedConflict(id: string, ours: readonly Relation[], theirs: readonly Relation[]): FieldConflict {
  const on = (side: readonly Relation[]) => side.find((r) => r.id === id) ?? null;
  return { field: `relations.${id}.dropped`, values: [on(ours), on(theirs)] };
}
