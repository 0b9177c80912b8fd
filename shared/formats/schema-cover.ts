/**
 * Widening a schema so that imported annotations fit it: labels, attributes, choice values and
 * relation types the schema lacks are added (never changed or removed), so importing a corpus
 * leaves everything already in the workspace as it was. Pure.
 */
import type { AttributeDef, AttributeKind, AttributeValue, DocumentData, LabelDef, RelationTypeDef, Schema } from '../model/types';

/** The colour given to labels added by an import (the Cue grey). */
const ADDED_COLOR = '#8a8f98';

function kindOf(value: AttributeValue): AttributeKind {
  if (Array.isArray(value)) return 'multi';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  return 'text';
}

/**
 * The schema widened to cover documents.
 * @returns the widened schema and a sentence for each addition (empty and the same schema when nothing was needed)
 */
export function coverDocuments(schema: Schema, docs: readonly DocumentData[]): { schema: Schema; added: string[] } {
  const added: string[] = [];
  const labels: LabelDef[] = [...schema.labels];
  const types: RelationTypeDef[] = [...schema.relationTypes];
  const label = (name: string): number => {
    let i = labels.findIndex((l) => l.name === name);
    if (i === -1) {
      i = labels.push({ name, color: ADDED_COLOR, hotkey: '', attributes: [] }) - 1;
      added.push(`label ${name}`);
    }
    return i;
  };
  for (const doc of docs) {
    const labelOf = new Map<string, string>();
    for (const a of doc.annotations) {
      labelOf.set(a.id, a.label);
      const i = label(a.label);
      for (const [name, value] of Object.entries(a.attributes)) {
        if (value === null) continue;
        const l = labels[i]!;
        const at = l.attributes.findIndex((d) => d.name === name);
        if (at === -1) {
          labels[i] = { ...l, attributes: [...l.attributes, { name, kind: kindOf(value), default: null }] };
          added.push(`attribute ${a.label}.${name}`);
          continue;
        }
        const def: AttributeDef = l.attributes[at]!;
        if (def.kind !== 'choice' && def.kind !== 'multi') continue;
        const missing = (Array.isArray(value) ? (value as readonly string[]) : [String(value as string | number | boolean)]).filter(
          (v) => !(def.values ?? []).includes(v),
        );
        if (missing.length === 0) continue;
        const attributes = [...l.attributes];
        attributes[at] = { ...def, values: [...(def.values ?? []), ...new Set(missing)] };
        labels[i] = { ...l, attributes };
        added.push(`value${missing.length > 1 ? 's' : ''} ${[...new Set(missing)].join(', ')} of ${a.label}.${name}`);
      }
    }
    for (const r of doc.relations) {
      const from = labelOf.get(r.from);
      const to = labelOf.get(r.to);
      if (from === undefined || to === undefined) continue;
      const i = types.findIndex((t) => t.name === r.type);
      if (i === -1) {
        types.push({ name: r.type, from: [from], to: [to] });
        added.push(`relation type ${r.type} (${from} -> ${to})`);
        continue;
      }
      const t = types[i]!;
      if (t.from.includes(from) && t.to.includes(to)) continue;
      types[i] = { ...t, from: t.from.includes(from) ? t.from : [...t.from, from], to: t.to.includes(to) ? t.to : [...t.to, to] };
      added.push(`${r.type} from ${from} to ${to}`);
    }
  }
  return added.length === 0 ? { schema, added } : { schema: { ...schema, labels, relationTypes: types }, added };
}
