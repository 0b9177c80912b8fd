/**
 * The three-way rules every workspace file merge is built from: a field, an object field by
 * field, a list of items keyed by id or name, a set of strings, and the lists of conflicts a file
 * already holds. A value changed on one side only is taken; changed the same way on both, kept;
 * changed differently on both (a true conflict), ours is kept and both values are recorded as a
 * FieldConflict in the log the caller passes, which decides where the file keeps them. Pure: no
 * I/O, and inputs are never changed in place.
 */
import type { FieldConflict } from '../model/types';

/** Stands for the base of something that has no common ancestor (added on both sides): equal to nothing. */
export const NONE: unique symbol = Symbol('no common ancestor');
/** A base value, or NONE when there is no base. */
export type Base<T> = T | typeof NONE;

/** Where the conflicts of one merge are collected, in the order they are found. */
export type ConflictLog = FieldConflict[];

type Json = Readonly<Record<string, unknown>>;

/** A field-level rule: the merged value of the field at `path` (undefined: the field is left out). */
export type FieldRule = (path: string, base: unknown, ours: unknown, theirs: unknown, log: ConflictLog) => unknown;

/** True when `v` is a JSON object (not an array, not null). */
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep equality of JSON values (object key order ignored; undefined equals undefined; NONE equals nothing). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'symbol';
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}

/** A value as a conflict records it: JSON has no undefined, so an absent value is null. */
const recorded = (v: unknown): unknown => (v === undefined ? null : v);

/**
 * The merged value of one field: equal sides or a one-sided change need no choice; otherwise ours
 * is kept and `{ field: path, values: [ours, theirs] }` is logged.
 */
export function mergeField<T>(path: string, base: Base<T> | undefined, ours: T, theirs: T, log: ConflictLog): T {
  if (sameJson(ours, theirs)) return ours;
  if (sameJson(base, ours)) return theirs;
  if (sameJson(base, theirs)) return ours;
  log.push({ field: path, values: [recorded(ours), recorded(theirs)] });
  return ours;
}

/** A field rule that settles a conflict by keeping ours without recording it (authorship, creation times). */
export const quietly: FieldRule = (path, base, ours, theirs) => mergeField(path, base, ours, theirs, []);

/** A field rule for ISO times: a one-sided change taken, else the later time (edits on both sides: the last edit). */
export const later: FieldRule = (_path, base, ours, theirs) => {
  if (sameJson(ours, theirs) || sameJson(base, theirs)) return ours;
  if (sameJson(base, ours)) return theirs;
  return typeof ours === 'string' && typeof theirs === 'string' && theirs > ours ? theirs : ours;
};

/** Sets a member on a plain object even when the key is `__proto__` (keys are user words). */
export function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The keys of ours in order, then the keys only theirs has. */
function unionKeys(ours: Json, theirs: Json): string[] {
  const keys = Object.keys(ours);
  for (const k of Object.keys(theirs)) if (!Object.hasOwn(ours, k)) keys.push(k);
  return keys;
}

/**
 * Merges two objects key by key: `rules` gives a key its own rule, every other key is a field
 * (mergeField at `prefix + key`). A key both sides removed stays removed; ours' key order is kept,
 * with the keys only theirs has appended.
 * @param base the common ancestor, or NONE when there is none
 */
export function mergeObject(
  prefix: string,
  base: Base<Json>,
  ours: Json,
  theirs: Json,
  log: ConflictLog,
  rules: Readonly<Record<string, FieldRule>> = {},
): Record<string, unknown> {
  // A side that changed nothing takes the other whole, in its own key order.
  if (base !== NONE && sameJson(base, ours)) return { ...theirs };
  if (base !== NONE && sameJson(base, theirs)) return { ...ours };
  const out: Record<string, unknown> = {};
  for (const key of unionKeys(ours, theirs)) {
    const b = base === NONE ? NONE : Object.hasOwn(base, key) ? base[key] : undefined;
    const rule = Object.hasOwn(rules, key) ? rules[key]! : mergeField;
    const value = rule(`${prefix}${key}`, b, ours[key], theirs[key], log);
    if (value !== undefined) setMember(out, key, value);
  }
  return out;
}

/** A field rule that merges an object-valued field by `rules` (every other key a field of its own). */
export const objectBy =
  (rules: Readonly<Record<string, FieldRule>>): FieldRule =>
  (path, base, ours, theirs, log) =>
    isObject(ours) && isObject(theirs)
      ? mergeObject(`${path}.`, isObject(base) ? base : base === NONE ? NONE : {}, ours, theirs, log, rules)
      : mergeField(path, base, ours, theirs, log);

/** A field rule that merges an object-valued field key by key (a record of attributes, settings). */
export const byKey: FieldRule = objectBy({});

/** How the items of a keyed list are merged. */
export type KeyedRules<T> = Readonly<{
  key: (item: T) => string;
  /** Merges an item both sides have (base: NONE when both added it). */
  both: (key: string, base: Base<T>, ours: T, theirs: T) => T;
  /** The item one side deleted and the other changed, as kept (the rule records the conflict). */
  deletedChanged: (key: string, kept: T, oursDeleted: boolean) => T;
}>;

/**
 * Merges two lists of items with unique keys: adds from both sides, deletes applied, an item on
 * both sides merged by `rules.both`; an item deleted on one side and changed on the other is kept.
 * Ours' order, then the items only theirs added, in theirs' order.
 */
export function mergeKeyed<T>(base: Base<readonly T[]>, ours: readonly T[], theirs: readonly T[], rules: KeyedRules<T>): T[] {
  // A side that changed nothing takes the other whole, in its own order.
  if (base !== NONE && sameJson(base, ours)) return [...theirs];
  if (base !== NONE && sameJson(base, theirs)) return [...ours];
  const index = (items: readonly T[]) => new Map(items.map((item) => [rules.key(item), item]));
  const [b, o, t] = [index(base === NONE ? [] : base), index(ours), index(theirs)];
  const out: T[] = [];
  for (const [key, mine] of o) {
    const other = t.get(key);
    const was = b.get(key);
    if (other !== undefined) out.push(rules.both(key, base === NONE || was === undefined ? NONE : was, mine, other));
    else if (was === undefined) out.push(mine);
    else if (!sameJson(was, mine)) out.push(rules.deletedChanged(key, mine, false));
  }
  for (const [key, other] of t) {
    if (o.has(key)) continue;
    const was = b.get(key);
    if (was === undefined) out.push(other);
    else if (!sameJson(was, other)) out.push(rules.deletedChanged(key, other, true));
  }
  return out;
}

/** A field rule for a list of distinct strings (a choice's values, a relation type's labels): merged as a set. */
export const asSet: FieldRule = (path, base, ours, theirs, log) => {
  const strings = (v: unknown): v is readonly string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (!strings(ours) || !strings(theirs)) return mergeField(path, base, ours, theirs, log);
  const b: Base<readonly string[]> = strings(base) ? base : base === NONE ? NONE : [];
  return mergeKeyed(b, ours, theirs, { key: (s) => s, both: (_k, _b, o) => o, deletedChanged: (_k, kept) => kept });
};

/**
 * Merges the conflict lists a file already holds (an analyst settles a conflict by removing it),
 * keyed by field, then adds the conflicts this merge found: a new conflict on a field replaces
 * the older one, since it holds the values as they are now.
 */
export function withConflicts(base: unknown, ours: unknown, theirs: unknown, found: readonly FieldConflict[]): FieldConflict[] {
  const list = (v: unknown): readonly FieldConflict[] => (Array.isArray(v) ? (v as FieldConflict[]) : []);
  const kept = mergeKeyed(base === NONE ? NONE : list(base), list(ours), list(theirs), {
    key: (c) => c.field,
    both: (_k, _b, o) => o,
    deletedChanged: (_k, kept) => kept,
  });
  const fresh = new Set(found.map((c) => c.field));
  return [...kept.filter((c) => !fresh.has(c.field)), ...found];
}

/** The `{ field: '<path>.deleted', values }` conflict of an item one side deleted and the other changed. */
export const deletedConflict = (path: string, oursDeleted: boolean): FieldConflict => ({ field: path, values: [oursDeleted, !oursDeleted] });
