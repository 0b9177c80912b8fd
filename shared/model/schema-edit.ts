/**
 * The schema editor's model: a draft of the tag schema that remembers each label's original
 * name (so a rename becomes renamedLabels[old] = new) and the labels removed, relation types
 * that point at labels by key (so renames carry over and removals drop out), validation with
 * one message per field, and the conversion back to a Schema plus its SchemaMigration.
 * Pure: keys for new items are made by the caller; no DOM, no clock.
 */
import { reservedHotkeyProblem } from './reserved-keys';
import { choiceValues, suggestedValue, UNSET, type SchemaMigration } from './schema-rules';
import type { AttributeDef, AttributeKind, AttributeValue, LabelDef, Schema } from './types';

/** The attribute kinds, in the order the editor offers them. */
export const ATTRIBUTE_KINDS: readonly AttributeKind[] = ['choice', 'multi', 'boolean', 'number', 'text'];

/** The longest label, attribute or relation type name the workspace accepts. */
export const MAX_NAME_LENGTH = 100;
/** The longest choice value the workspace accepts. */
export const MAX_VALUE_LENGTH = 200;

/** An attribute being edited; `valuesText` is the comma-separated list as typed; `isRequired`: flagged until set. */
export type AttributeDraft = Readonly<{
  key: string;
  name: string;
  kind: AttributeKind;
  valuesText: string;
  default: AttributeValue;
  isRequired: boolean;
}>;

/** A label being edited; `originalName` is its name in the saved schema, or null when new. */
export type LabelDraft = Readonly<{
  key: string;
  originalName: string | null;
  name: string;
  color: string;
  hotkey: string;
  attributes: readonly AttributeDraft[];
}>;

/** A relation type being edited; `from` and `to` hold label keys, not names. */
export type RelationTypeDraft = Readonly<{ key: string; name: string; from: readonly string[]; to: readonly string[] }>;

/** The whole schema being edited, with the original names of the saved labels removed so far. */
export type SchemaDraft = Readonly<{
  labels: readonly LabelDraft[];
  relationTypes: readonly RelationTypeDraft[];
  documentAttributes: readonly AttributeDraft[];
  removedLabels: readonly string[];
}>;

/** A problem with one field: `field` is `<item key>:<field name>` (name, hotkey, color, values, default, from, to). */
export type DraftIssue = Readonly<{ field: string; message: string }>;

/** The field id of an item's field, as used in DraftIssue.field. */
export const fieldId = (key: string, field: string): string => `${key}:${field}`;

/** The draft of a saved attribute; a legacy "unset" value or default is left out (unset needs no value). */
const attributeDraft = (key: string, def: AttributeDef): AttributeDraft => ({
  key,
  name: def.name,
  kind: def.kind,
  valuesText: choiceValues(def).join(', '),
  default: suggestedValue(def),
  isRequired: def.required === true,
});

/** A draft of a saved schema. Keys are `label-<i>`, `label-<i>/attr-<j>`, `rel-<i>`, `doc/attr-<j>`. */
export function draftFromSchema(schema: Schema): SchemaDraft {
  const labels = schema.labels.map((l, i): LabelDraft => ({
    key: `label-${i}`,
    originalName: l.name,
    name: l.name,
    color: l.color,
    hotkey: l.hotkey,
    attributes: l.attributes.map((a, j) => attributeDraft(`label-${i}/attr-${j}`, a)),
  }));
  const keyOf = new Map(labels.map((l) => [l.name, l.key]));
  const keys = (names: readonly string[]) => names.flatMap((n) => keyOf.get(n) ?? []);
  return {
    labels,
    relationTypes: schema.relationTypes.map((t, i) => ({ key: `rel-${i}`, name: t.name, from: keys(t.from), to: keys(t.to) })),
    documentAttributes: schema.documentAttributes.map((a, j) => attributeDraft(`doc/attr-${j}`, a)),
    removedLabels: [],
  };
}

/** The values in a comma-separated list: trimmed, empty entries dropped, order kept. */
export function parseValues(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** `base`, or `base 2`, `base 3`... whichever is not in `taken` (compared case-insensitively). */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.trim().toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  let n = 2;
  while (used.has(`${base} ${n}`.toLowerCase())) n++;
  return `${base} ${n}`;
}

/** A new, empty attribute named `name` (free text, no default). */
export function newAttribute(key: string, name: string): AttributeDraft {
  return { key, name, kind: 'text', valuesText: '', default: null, isRequired: false };
}

/** Changes an attribute's kind; the default is cleared, since it rarely fits the new kind. */
export function withKind(attr: AttributeDraft, kind: AttributeKind): AttributeDraft {
  return attr.kind === kind ? attr : { ...attr, kind, default: null };
}

/**
 * Removes a label: it leaves every relation type that names it, and a saved label's original
 * name is recorded so its annotations are deleted on save.
 */
export function removeLabel(draft: SchemaDraft, key: string): SchemaDraft {
  const label = draft.labels.find((l) => l.key === key);
  if (!label) return draft;
  return {
    ...draft,
    labels: draft.labels.filter((l) => l.key !== key),
    relationTypes: draft.relationTypes.map((t) =>
      t.from.includes(key) || t.to.includes(key) ? { ...t, from: t.from.filter((k) => k !== key), to: t.to.filter((k) => k !== key) } : t,
    ),
    removedLabels: label.originalName === null ? draft.removedLabels : [...draft.removedLabels, label.originalName],
  };
}

/**
 * The question asked before removing a label that is in use, e.g.
 * "Remove “Cue”? 3 annotations will be deleted, with their links."
 * @param count annotations of the label in the workspace (formatted by the caller's locale)
 */
export function removalQuestion(name: string, count: number, formatCount: (n: number) => string = String): string {
  const what = count === 1 ? '1 annotation will be deleted, with its links.' : `${formatCount(count)} annotations will be deleted, with their links.`;
  return `Remove “${name}”? ${what}`;
}

function attributeDef(a: AttributeDraft): AttributeDef {
  const name = a.name.trim();
  const required = a.isRequired ? { required: true } : {};
  if (a.kind === 'choice' || a.kind === 'multi') return { name, kind: a.kind, values: parseValues(a.valuesText), default: a.default, ...required };
  return { name, kind: a.kind, default: a.default, ...required };
}

/** The schema a draft describes: names trimmed, relation ends as label names. */
export function schemaFromDraft(draft: SchemaDraft): Schema {
  const nameOf = new Map(draft.labels.map((l) => [l.key, l.name.trim()]));
  const names = (keys: readonly string[]) => keys.flatMap((k) => nameOf.get(k) ?? []);
  return {
    labels: draft.labels.map((l): LabelDef => ({
      name: l.name.trim(),
      color: l.color,
      hotkey: l.hotkey,
      attributes: l.attributes.map(attributeDef),
    })),
    relationTypes: draft.relationTypes.map((t) => ({ name: t.name.trim(), from: names(t.from), to: names(t.to) })),
    documentAttributes: draft.documentAttributes.map(attributeDef),
  };
}

/** What saving the draft does to stored annotations: saved labels whose name changed, and saved labels removed. */
export function migrationFromDraft(draft: SchemaDraft): SchemaMigration {
  const renamedLabels: Record<string, string> = {};
  for (const l of draft.labels) if (l.originalName !== null && l.originalName !== l.name.trim()) renamedLabels[l.originalName] = l.name.trim();
  return { renamedLabels, removedLabels: [...draft.removedLabels] };
}

/** True when saving the draft would change the schema or stored annotations. */
export function isDraftChanged(original: Schema, draft: SchemaDraft): boolean {
  const migration = migrationFromDraft(draft);
  if (migration.removedLabels.length > 0 || Object.keys(migration.renamedLabels).length > 0) return true;
  return JSON.stringify(schemaFromDraft(draftFromSchema(original))) !== JSON.stringify(schemaFromDraft(draft));
}

function nameIssue(what: string, name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return `Give the ${what} a name.`;
  if (trimmed.length > MAX_NAME_LENGTH) return `Use at most ${MAX_NAME_LENGTH} characters.`;
  return null;
}

/** Reports names that occur more than once (case-insensitively), on every item after the first. */
function duplicateIssues(items: readonly Readonly<{ key: string; name: string }>[], message: (name: string) => string, issues: DraftIssue[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    const folded = item.name.trim().toLowerCase();
    if (folded === '') continue;
    if (seen.has(folded)) issues.push({ field: fieldId(item.key, 'name'), message: message(item.name.trim()) });
    seen.add(folded);
  }
}

function defaultIssue(a: AttributeDraft, values: readonly string[]): string | null {
  const d = a.default;
  if (d === null) return null;
  switch (a.kind) {
    case 'choice':
      return typeof d === 'string' && values.includes(d) ? null : `The default “${String(d)}” is not one of the values.`;
    case 'multi': {
      if (!Array.isArray(d)) return 'The default must be a list of values.';
      const stray = (d as readonly string[]).find((v) => !values.includes(v));
      return stray === undefined ? null : `The default “${stray}” is not one of the values.`;
    }
    case 'boolean':
      return typeof d === 'boolean' ? null : 'The default must be yes or no.';
    case 'number':
      return typeof d === 'number' && Number.isFinite(d) ? null : 'The default must be a number.';
    case 'text':
      return typeof d === 'string' ? null : 'The default must be text.';
    default:
      return a.kind satisfies never;
  }
}

function attributeIssues(attrs: readonly AttributeDraft[], issues: DraftIssue[]): void {
  for (const a of attrs) {
    const name = nameIssue('attribute', a.name);
    if (name) issues.push({ field: fieldId(a.key, 'name'), message: name });
    const values = parseValues(a.valuesText);
    if (a.kind === 'choice' || a.kind === 'multi') {
      const seen = new Set<string>();
      let problem: string | null = values.length === 0 ? 'List at least one value, separated by commas.' : null;
      for (const v of values) {
        if (problem) break;
        if (seen.has(v)) problem = `“${v}” is listed twice.`;
        else if (v.toLowerCase() === UNSET) problem = `Leave out “${v}”: every attribute can be left unset without it.`;
        else if (v.length > MAX_VALUE_LENGTH) problem = `Values are at most ${MAX_VALUE_LENGTH} characters.`;
        seen.add(v);
      }
      if (problem) issues.push({ field: fieldId(a.key, 'values'), message: problem });
    }
    const d = defaultIssue(a, values);
    if (d) issues.push({ field: fieldId(a.key, 'default'), message: d });
  }
  duplicateIssues(attrs, (n) => `Another attribute here is called “${n}”.`, issues);
}

/**
 * Everything that would stop the draft from being saved, by section: labels, their
 * attributes, relation types, document attributes.
 * @returns an empty array when the draft can be saved
 */
export function draftIssues(draft: SchemaDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const hotkeyOwner = new Map<string, string>();
  for (const l of draft.labels) {
    const name = nameIssue('label', l.name);
    if (name) issues.push({ field: fieldId(l.key, 'name'), message: name });
    if (!/^#[0-9a-fA-F]{6}$/.test(l.color)) issues.push({ field: fieldId(l.key, 'color'), message: 'Use a colour like #3b82f6.' });
    if (l.hotkey.length > 1) issues.push({ field: fieldId(l.key, 'hotkey'), message: 'A hotkey is a single character.' });
    else if (l.hotkey !== '' && l.hotkey.trim() === '') issues.push({ field: fieldId(l.key, 'hotkey'), message: 'A hotkey cannot be a space.' });
    else if (l.hotkey !== '') {
      const folded = l.hotkey.toLowerCase();
      const owner = hotkeyOwner.get(folded);
      const reserved = reservedHotkeyProblem(l.hotkey);
      if (reserved) issues.push({ field: fieldId(l.key, 'hotkey'), message: reserved });
      else if (owner !== undefined)
        issues.push({ field: fieldId(l.key, 'hotkey'), message: `“${l.hotkey}” is already the hotkey of ${owner || 'another label'}.` });
      else hotkeyOwner.set(folded, l.name.trim());
    }
  }
  duplicateIssues(draft.labels, (n) => `Another label is called “${n}”.`, issues);
  for (const l of draft.labels) attributeIssues(l.attributes, issues);

  const labelKeys = new Set(draft.labels.map((l) => l.key));
  for (const t of draft.relationTypes) {
    const name = nameIssue('relation type', t.name);
    if (name) issues.push({ field: fieldId(t.key, 'name'), message: name });
    if (!t.from.some((k) => labelKeys.has(k))) issues.push({ field: fieldId(t.key, 'from'), message: 'Pick at least one label it links from.' });
    if (!t.to.some((k) => labelKeys.has(k))) issues.push({ field: fieldId(t.key, 'to'), message: 'Pick at least one label it links to.' });
  }
  duplicateIssues(draft.relationTypes, (n) => `Another relation type is called “${n}”.`, issues);
  attributeIssues(draft.documentAttributes, issues);
  return issues;
}
