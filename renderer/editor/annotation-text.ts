/**
 * Short texts about annotations for the chrome: quote excerpts and attribute values as a
 * person reads them. No DOM.
 */
import { isUnset } from '../../shared/model/schema-rules';
import type { AttributeValue } from '../../shared/model/types';

export { excerpt } from '../../shared/model/excerpt';

/** An attribute value as text: lists joined, booleans as yes / no, unset (isUnset) as "—". */
export function formatAttributeValue(value: AttributeValue | undefined): string {
  if (isUnset(value)) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(', ');
  return String(value).replace(/_/g, ' ');
}
