/**
 * A document's status as a segmented control: a radio group "Document status" with New,
 * In progress and Done (native radios, so arrow keys move between them).
 */
import { useId } from 'react';
import { DOC_STATUSES, type DocStatus } from '../../shared/model/types';
import { statusLabel } from '../util/format';

export type StatusPickerProps = Readonly<{ value: DocStatus; onChange: (status: DocStatus) => void; disabled?: boolean }>;

/** Renders the three statuses; the checked one is `value`. */
export function StatusPicker({ value, onChange, disabled = false }: StatusPickerProps) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label="Document status" className="cd-segmented">
      {DOC_STATUSES.map((status) => (
        <label key={status} className={`cd-segment cd-segment--${status}`}>
          <input type="radio" name={name} value={status} checked={status === value} disabled={disabled} onChange={() => onChange(status)} />
          <span>{statusLabel(status)}</span>
        </label>
      ))}
    </div>
  );
}
