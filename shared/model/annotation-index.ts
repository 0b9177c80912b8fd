/**
 * The annotation list's index of one document, as the Annotations sidebar shows it: entries in
 * text order with their label colour, "no source" flag and unset required attributes, label chips with counts, the values
 * each filterable attribute takes, and (built on the first search) lower-cased search texts; the
 * filter tests and the short attribute summary under a quote. Pure: the sidebar renders it.
 */
import { attributeText } from './claims-table';
import { isUnset, missingRequired } from './schema-rules';
import { inTextOrder } from './spans';
import type { Annotation, AttributeValue, DocumentData, LabelDef, Schema } from './types';
import { isUnsourcedClaim, relationsByEnd } from './vocabulary';

/** Attribute values shown under a quote, at most. */
const MAX_KEY_ATTRIBUTES = 3;
/** The colour of a label the schema does not know. */
export const UNKNOWN_LABEL_COLOR = '#9a9b9e';

/** One annotation in the list. */
export type Entry = Readonly<{
  kind: 'entry';
  a: Annotation;
  /** The entry's place in text order, which indexes the lazily built search texts. */
  order: number;
  color: string;
  isUnsourced: boolean;
  /** The required attributes it leaves unset (empty: none). */
  missing: readonly string[];
  /** Position of the label among the chips, for grouping. */
  labelOrder: number;
}>;

/** A label filter chip: the label, its colour, how many annotations have it, and whether the schema knows it. */
export type LabelChip = Readonly<{ name: string; color: string; count: number; isInSchema: boolean }>;
/** One value an attribute takes in the document, with its count (a filter option). */
export type AttributeOption = Readonly<{ key: string; name: string; value: string; count: number }>;

/** True when an annotation's value of an attribute is, or (for multi) includes, `value`. */
export function hasValue(v: AttributeValue | undefined, value: string): boolean {
  if (typeof v === 'string') return v === value;
  if (typeof v === 'boolean' || typeof v === 'number') return attributeText(v) === value;
  return Array.isArray(v) && (v as readonly string[]).includes(value);
}

/**
 * The values worth showing under a quote: set, non-text attribute values, "name: value · ...".
 * A value equal to the schema's default is shown too: it was chosen (defaults are never stored).
 */
export function keyAttributes(a: Annotation, def: LabelDef | undefined): string {
  const shown: string[] = [];
  for (const d of def?.attributes ?? []) {
    if (shown.length === MAX_KEY_ATTRIBUTES) break;
    const v = a.attributes[d.name];
    if (d.kind === 'text' || v === undefined || isUnset(v)) continue;
    const text = attributeText(v);
    if (text !== '') shown.push(`${d.name}: ${text}`);
  }
  return shown.join(' · ');
}

/** The index of one document (see indexDocument). */
export type AnnotationIndex = ReturnType<typeof indexDocument>;

/**
 * Everything the sidebar derives from one document: entries in text order, label chips,
 * attribute filter options and, on first search, the lower-cased search texts. Only what
 * opening needs is computed up front; row details are computed for the rows in view.
 */
export function indexDocument(doc: DocumentData, schema: Schema) {
  const labelDefs = new Map(schema.labels.map((l) => [l.name, l]));
  const order = new Map(schema.labels.map((l, i) => [l.name, i]));
  const counts = new Map<string, number>(schema.labels.map((l) => [l.name, 0]));
  // isUnsourcedClaim scans the relations it is given: hand it only the annotation's own links,
  // so 10,000 annotations cost one pass over the relations instead of one per annotation.
  const byEnd = relationsByEnd(doc.relations);
  // Values present per filterable attribute (choice, multi, boolean), counted per label's own attributes.
  const filterable = new Map<string, Map<string, number>>();
  const filterableOf = new Map<string, readonly string[]>();
  for (const l of schema.labels) {
    const names = l.attributes.filter((d) => d.kind === 'choice' || d.kind === 'multi' || d.kind === 'boolean').map((d) => d.name);
    filterableOf.set(l.name, names);
    for (const name of names) if (!filterable.has(name)) filterable.set(name, new Map());
  }

  const sorted = inTextOrder(doc.annotations);
  let unsourcedCount = 0;
  let incompleteCount = 0;
  const entries = sorted.map((a, i): Entry => {
    counts.set(a.label, (counts.get(a.label) ?? 0) + 1);
    if (!order.has(a.label)) order.set(a.label, order.size);
    for (const name of filterableOf.get(a.label) ?? []) {
      const v = a.attributes[name];
      if (v === null || v === undefined) continue;
      const values = filterable.get(name)!;
      if (Array.isArray(v)) for (const value of v as readonly string[]) values.set(value, (values.get(value) ?? 0) + 1);
      else {
        const value = attributeText(v as string | number | boolean);
        values.set(value, (values.get(value) ?? 0) + 1);
      }
    }
    const isUnsourced = isUnsourcedClaim(a, byEnd.from(a.id));
    if (isUnsourced) unsourcedCount++;
    const missing = missingRequired(a, labelDefs.get(a.label));
    if (missing.length > 0) incompleteCount++;
    return {
      kind: 'entry',
      a,
      order: i,
      color: labelDefs.get(a.label)?.color ?? UNKNOWN_LABEL_COLOR,
      isUnsourced,
      missing,
      labelOrder: order.get(a.label) ?? 0,
    };
  });

  const chips: LabelChip[] = [...order.keys()].map((name) => ({
    name,
    color: labelDefs.get(name)?.color ?? UNKNOWN_LABEL_COLOR,
    count: counts.get(name) ?? 0,
    isInSchema: labelDefs.has(name),
  }));
  const attributeOptions: AttributeOption[] = [];
  for (const [name, values] of filterable) {
    const known = schema.labels.flatMap((l) => l.attributes.filter((d) => d.name === name).flatMap((d) => d.values ?? []));
    const rank = (v: string) => {
      const i = known.indexOf(v);
      return i < 0 ? known.length : i;
    };
    for (const [value, count] of [...values].sort(([x], [y]) => rank(x) - rank(y) || x.localeCompare(y)))
      attributeOptions.push({ key: JSON.stringify([name, value]), name, value, count });
  }
  let searchTexts: readonly string[] | null = null;
  /** Lower-cased quote and note of each entry, built on the first search. */
  const searchText = (): readonly string[] => (searchTexts ??= sorted.map((a) => (a.note ? `${a.quote}\n${a.note}` : a.quote).toLowerCase()));
  const orderById = new Map(sorted.map((a, i) => [a.id, i]));
  return { entries, chips, attributeOptions, unsourcedCount, incompleteCount, labelDefs, orderById, searchText };
}
