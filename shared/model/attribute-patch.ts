/**
 * Attribute changes applied key by key. An update records whole attribute objects (`before` and
 * `after`), but what it means is the keys whose value it changed: applied to attributes that
 * another window or machine changed meanwhile, only those keys change, so two analysts' edits of
 * different attributes of one annotation both stand. Pure.
 */
import type { Attributes } from './types';

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * `current` with the change from `before` to `after` applied key by key: a key whose value
 * differs between `before` and `after` takes its `after` value (removed when `after` has none);
 * every other key keeps its `current` value. Key order is kept; new keys come last.
 */
export function patchAttributes(current: Attributes, before: Attributes, after: Attributes): Attributes {
  const changed = new Set([...Object.keys(before), ...Object.keys(after)].filter((key) => !same(before[key], after[key])));
  if (changed.size === 0) return current;
  const entries: [string, Attributes[string]][] = [];
  for (const [key, value] of Object.entries(current)) {
    if (!changed.has(key)) entries.push([key, value]);
    else if (Object.hasOwn(after, key)) entries.push([key, after[key]!]);
  }
  for (const key of changed) if (!Object.hasOwn(current, key) && Object.hasOwn(after, key)) entries.push([key, after[key]!]);
  // fromEntries defines own properties, so an attribute named like an Object.prototype member stays data.
  return Object.fromEntries(entries);
}
