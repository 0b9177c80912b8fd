/**
 * What of a document a format writes, for the report (#12): the spans, relations and attribute
 * values it keeps, so that the report counts what is written as written and everything else under
 * what the format does not keep. Attributes of a kept span are named in full: every attribute its
 * label defines, the unset ones (absent or null) as null, so that the report counts them as unset.
 * These views are for counting only; serializers never see them (and no export fills in a default).
 * Pure.
 */
import type { Annotation, Attributes, AttributeValue, DocumentData, Schema } from '../model/types';

/** The part of a document a format writes (see FormatSpec.keep). */
export type KeptDocument = Readonly<Pick<DocumentData, 'annotations' | 'relations'>>;

/**
 * A span's attributes named in full: `names` (absent ones as null, meaning unset), then any other
 * the span has, unless `only` restricts them to `names`.
 */
export function namedAttributes(attributes: Attributes, names: readonly string[], only = false): Attributes {
  const out: Record<string, AttributeValue> = {};
  for (const name of names) out[name] = attributes[name] ?? null;
  if (!only) for (const [name, value] of Object.entries(attributes)) if (!(name in out)) out[name] = value;
  return out;
}

/** The attribute names a schema gives a label (none for a label it lacks). */
export const attributeNamesOf = (schema: Schema, label: string): string[] =>
  schema.labels.find((l) => l.name === label)?.attributes.map((a) => a.name) ?? [];

/** A span with its attributes named in full (see namedAttributes). */
const withNamedAttributes = (a: Annotation, schema: Schema): Annotation => ({
  ...a,
  attributes: namedAttributes(a.attributes, attributeNamesOf(schema, a.label)),
});

/** Everything: spans with all their attributes, and every relation (JSONL, W3C). */
export function keepEverything(doc: DocumentData, schema: Schema): KeptDocument {
  return { annotations: doc.annotations.map((a) => withNamedAttributes(a, schema)), relations: doc.relations };
}

/** Spans and relations, no attribute values (spaCy). */
export function keepSpansAndRelations(doc: DocumentData): KeptDocument {
  return { annotations: doc.annotations.map((a) => ({ ...a, attributes: {} })), relations: doc.relations };
}

/** Spans only: no relations, no attribute values (CoNLL, Hugging Face). */
export function keepSpansOnly(doc: DocumentData): KeptDocument {
  return { annotations: doc.annotations.map((a) => ({ ...a, attributes: {} })), relations: [] };
}

/** Everything but false booleans, which brat cannot tell from unset (it has only present or absent). */
export function keepForBrat(doc: DocumentData, schema: Schema): KeptDocument {
  const kept = keepEverything(doc, schema);
  return {
    ...kept,
    annotations: kept.annotations.map((a) => ({ ...a, attributes: Object.fromEntries(Object.entries(a.attributes).filter(([, v]) => v !== false)) })),
  };
}
