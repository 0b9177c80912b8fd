/**
 * `claimdesk validate`: checks a stored document against its text and the schema: every span's
 * range and quote, unique ids, labels and attribute values the schema allows (an unset value,
 * isUnset, is no value and always allowed), required attributes that are set, relation ends that
 * exist with types that may join their labels, and attributed claims that have a source
 * (SCHEMA.md: a Claim with attribution=attributed and no attributed_to link). Pure.
 */
import { offsetMap } from '../anchoring/code-points';
import { checkSpan, OperationError } from '../model/operations';
import { findLabel, incompleteAnnotations, isUnset } from '../model/schema-rules';
import type { AttributeDef, AttributeValue, DocumentData, Schema } from '../model/types';
import { unsourcedClaimIds } from '../model/vocabulary';

/** What kind of rule a problem breaks. */
export type ValidationKind = 'quote' | 'duplicate_id' | 'schema' | 'required' | 'relation' | 'attribution';

/** One problem found in a document; `at` is [start, end) in code points when it concerns a span. */
export type ValidationProblem = Readonly<{ docId: string; kind: ValidationKind; id: string; at: readonly [number, number] | null; message: string }>;

/** Why a value does not fit an attribute definition, or null when it fits (an unset value, isUnset, always does). */
export function attributeValueProblem(def: AttributeDef, value: AttributeValue): string | null {
  if (isUnset(value)) return null;
  switch (def.kind) {
    case 'choice':
      return typeof value === 'string' && (def.values ?? []).includes(value)
        ? null
        : `${JSON.stringify(value)} is not one of ${(def.values ?? []).join(', ')}`;
    case 'multi':
      return Array.isArray(value) && (value as readonly string[]).every((v) => (def.values ?? []).includes(v))
        ? null
        : `${JSON.stringify(value)} is not a list of ${(def.values ?? []).join(', ')}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${JSON.stringify(value)} is not true or false`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${JSON.stringify(value)} is not a number`;
    case 'text':
      return typeof value === 'string' ? null : `${JSON.stringify(value)} is not text`;
    default:
      return `unknown attribute kind ${String(def.kind)}`;
  }
}

/**
 * Checks one document.
 * @returns every problem found, in document order; empty when the document is valid
 */
export function validateDocument(doc: DocumentData, schema: Schema): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const map = offsetMap(doc.text);
  const at = (start: number, end: number): readonly [number, number] | null => {
    try {
      return [map.codePointFromUtf16(start), map.codePointFromUtf16(end)];
    } catch {
      return null; // offsets outside the text: the quote problem already says so
    }
  };
  const seen = new Set<string>();
  const incomplete = incompleteAnnotations(doc, schema);
  for (const a of doc.annotations) {
    const where = at(a.start, a.end);
    const add = (kind: ValidationKind, message: string) => problems.push({ docId: doc.id, kind, id: a.id, at: where, message });
    try {
      checkSpan(doc.text, a);
    } catch (err) {
      if (!(err instanceof OperationError)) throw err;
      add('quote', err.message);
    }
    if (seen.has(a.id)) add('duplicate_id', `span id ${a.id} is used more than once`);
    seen.add(a.id);
    const label = findLabel(schema, a.label);
    if (!label) {
      add('schema', `the schema has no label "${a.label}"`);
      continue;
    }
    for (const [name, value] of Object.entries(a.attributes)) {
      const def = label.attributes.find((d) => d.name === name);
      const why = def ? attributeValueProblem(def, value) : `${a.label} has no attribute "${name}"`;
      if (why) add('schema', `attribute ${name}: ${why}`);
    }
    for (const name of incomplete.get(a.id) ?? []) add('required', `required attribute ${name} not set`);
  }
  const byId = new Map(doc.annotations.map((a) => [a.id, a]));
  for (const r of doc.relations) {
    const add = (kind: ValidationKind, message: string) => problems.push({ docId: doc.id, kind, id: r.id, at: null, message });
    const from = byId.get(r.from);
    const to = byId.get(r.to);
    if (!from || !to) {
      add('relation', `relation ${r.id} (${r.type}) links ${!from ? r.from : r.to}, which is not a span of this document`);
      continue;
    }
    const type = schema.relationTypes.find((t) => t.name === r.type);
    if (!type) add('schema', `the schema has no relation type "${r.type}"`);
    else if (!type.from.includes(from.label) || !type.to.includes(to.label)) add('schema', `"${r.type}" does not link ${from.label} to ${to.label}`);
  }
  const unsourced = unsourcedClaimIds(doc);
  for (const a of doc.annotations)
    if (unsourced.has(a.id))
      problems.push({
        docId: doc.id,
        kind: 'attribution',
        id: a.id,
        at: at(a.start, a.end),
        message: 'the claim is attributed but has no attributed_to link to a source',
      });
  return problems;
}
