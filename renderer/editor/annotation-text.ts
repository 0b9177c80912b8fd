/**
 * Short texts about annotations for the chrome: quote excerpts and attribute values as a
 * person reads them. No DOM.
 */
import type { AttributeValue } from '../../shared/model/types';

export { excerpt } from '../../shared/model/excerpt';

/** True when an attribute holds something worth showing (not null, empty, or "unset"). */
export function isSetValue(value: AttributeValue | undefined): boolean {
  if (value === null || value === undefined || value === '' || value === 'unset') return false;
  return !Array.isArray(value) || value.length > 0;
}

/** An attribute value as text: lists joined, booleans as yes / no, unset as "—". */
export function formatAttributeValue(value: AttributeValue): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join(', ');
  return String(value).replace(/_/g, ' ');
}
