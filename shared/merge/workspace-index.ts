/**
 * The three-way merge of `claimdesk.json` (the index, the schema and the settings), which every
 * analyst may change: on import or rename, in the schema editor, in the settings. Documents are
 * merged by id (each row field by field), the schema's labels by name (each label's color and
 * hotkey, and its attributes by attribute name), relation types and document attributes by name,
 * settings key by key. A list keeps ours' order with theirs' new entries appended. A true
 * conflict keeps ours and is listed in the file's top-level `conflicts`
 * (`{ field: 'schema.labels.Claim.color', values: [ours, theirs] }`), for the app to show; an
 * entry one side deleted and the other changed is kept, listed as `<path>.deleted`. Pure.
 */
import type { MergeResult } from './layer';
import {
  asSet,
  byKey,
  deletedConflict,
  isObject,
  mergeField,
  mergeKeyed,
  mergeObject,
  NONE,
  objectBy,
  withConflicts,
  type Base,
  type ConflictLog,
  type FieldRule,
} from './three-way';

/** claimdesk.json as the merge sees it: any JSON object; the members it knows are merged by their own rules. */
export type IndexFileJson = Readonly<Record<string, unknown>>;

type Named = Readonly<Record<string, unknown>>;

/**
 * A field rule for a list of objects keyed by `keyField` (documents by id, labels by name): each
 * entry merged by `rules` at `<path>.<key>.`; one side's deletion of an entry the other changed
 * is undone and logged.
 */
function keyedBy(keyField: string, rules: Readonly<Record<string, FieldRule>>): FieldRule {
  return (path, base, ours, theirs, log) => {
    const isList = (v: unknown): v is readonly Named[] => Array.isArray(v) && v.every((item) => isObject(item) && typeof item[keyField] === 'string');
    if (!isList(ours) || !isList(theirs)) return mergeField(path, base, ours, theirs, log);
    const b: Base<readonly Named[]> = isList(base) ? base : base === NONE ? NONE : [];
    return mergeKeyed(b, ours, theirs, {
      key: (item) => item[keyField] as string,
      both: (key, was, o, t) => mergeObject(`${path}.${key}.`, was, o, t, log, rules),
      deletedChanged: (key, kept, oursDeleted) => {
        log.push(deletedConflict(`${path}.${key}.deleted`, oursDeleted));
        return kept;
      },
    });
  };
}

/** An attribute definition: its kind and default are fields, a choice's values a set. */
const ATTRIBUTE_RULES = { values: asSet };
const attributesByName = keyedBy('name', ATTRIBUTE_RULES);

const SCHEMA_RULES: Readonly<Record<string, FieldRule>> = {
  labels: keyedBy('name', { attributes: attributesByName }),
  relationTypes: keyedBy('name', { from: asSet, to: asSet }),
  documentAttributes: attributesByName,
};

/** The format version: the newer one (a side that migrated the file wrote the newer format). */
const newerVersion: FieldRule = (_path, _base, ours, theirs) =>
  typeof ours === 'number' && typeof theirs === 'number' ? Math.max(ours, theirs) : (ours ?? theirs);

const INDEX_RULES: Readonly<Record<string, FieldRule>> = {
  version: newerVersion,
  schema: objectBy(SCHEMA_RULES),
  documents: keyedBy('id', {}),
  settings: byKey,
  conflicts: () => undefined,
};

/**
 * Merges two versions of claimdesk.json against their common ancestor.
 * @param base the ancestor, or null when both sides added the file
 * @returns the merged file (ours' member order, `conflicts` last and only when there are any),
 *   and how many conflicts this merge added to it
 */
export function mergeIndexFile(base: IndexFileJson | null, ours: IndexFileJson, theirs: IndexFileJson): MergeResult<IndexFileJson> {
  const log: ConflictLog = [];
  const merged = mergeObject('', base ?? NONE, ours, theirs, log, INDEX_RULES);
  const conflicts = withConflicts(base === null ? NONE : base.conflicts, ours.conflicts, theirs.conflicts, log);
  return { merged: conflicts.length > 0 ? { ...merged, conflicts } : merged, conflicts: log.length };
}
