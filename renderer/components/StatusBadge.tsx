/** A document's status as a small coloured badge: New, In progress, Done. */
import type { DocStatus } from '../../shared/model/types';
import { statusLabel } from '../util/format';
import './StatusBadge.css';

/** Shows `status`; its text is the accessible name. */
export function StatusBadge({ status }: Readonly<{ status: DocStatus }>) {
  return <span className={`cd-badge cd-badge--${status}`}>{statusLabel(status)}</span>;
}
