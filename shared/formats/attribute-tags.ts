/**
 * Attribute values as flat `name=value` tags, for the formats that hold attributes as strings
 * (W3C tagging bodies, brat A lines), and back, typed by the schema. One encoding, one decoding.
 * Pure.
 */
import { isUnset } from '../model/schema-rules';
import type { AttributeValue, Attributes, LabelDef } from '../model/types';

/** One attribute value as tags: a multi value gives one tag per element; unset gives none. */
export type AttributeTag = Readonly<{ name: string; value: string }>;

/**
 * The tags of an annotation's attributes, in the attributes' order; an unset value (isUnset,
 * the legacy "unset" string and an empty list included) gives none, so it reads back absent.
 */
export function tagsFromAttributes(attributes: Attributes): AttributeTag[] {
  const tags: AttributeTag[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (isUnset(value)) continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) tags.push({ name, value: v });
    else tags.push({ name, value: String(value as string | number | boolean) });
  }
  return tags;
}

/**
 * Attribute values from tags, typed by the label's attribute definitions: number and boolean
 * kinds are parsed, multi collects every tag of its name, anything else (or unknown) is a string.
 * @returns the attributes, or a reason naming the first tag that does not fit its kind
 */
export function attributesFromTags(
  tags: readonly AttributeTag[],
  label: LabelDef | undefined,
): { attributes: Record<string, AttributeValue> } | { reason: string } {
  const attributes: Record<string, AttributeValue> = {};
  for (const { name, value } of tags) {
    const kind = label?.attributes.find((a) => a.name === name)?.kind ?? 'text';
    if (kind === 'multi') {
      const prev = attributes[name];
      attributes[name] = Array.isArray(prev) ? [...(prev as readonly string[]), value] : [value];
    } else if (kind === 'number') {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) return { reason: `attribute ${name}: "${value}" is not a number` };
      attributes[name] = n;
    } else if (kind === 'boolean') {
      if (value !== 'true' && value !== 'false') return { reason: `attribute ${name}: "${value}" is not true or false` };
      attributes[name] = value === 'true';
    } else attributes[name] = value;
  }
  return { attributes };
}
