/**
 * An annotation's merge conflicts in its details panel (#11): for each field two machines changed
 * differently, "Changed on two machines: label Claim | Source" and one button per value ("Keep
 * Claim", "Keep Source"). A click settles it through `onApply` (one undoable operation, see
 * state/settle-conflict.ts). In a read-only layer the buttons are disabled.
 */
import type { Operation } from '../../shared/model/operations';
import type { Annotation, DocumentData } from '../../shared/model/types';
import { fieldName, settleConflict, valueText } from '../state/settle-conflict';
import './ConflictList.css';

export type ConflictListProps = Readonly<{
  annotation: Annotation;
  doc: DocumentData;
  isReadOnly: boolean;
  onApply: (change: readonly Operation[] | string | null) => void;
}>;

/** Renders the conflicts, or nothing when there are none. */
export function ConflictList({ annotation: a, doc, isReadOnly, onApply }: ConflictListProps) {
  const conflicts = a.conflicts ?? [];
  if (conflicts.length === 0) return null;
  return (
    <section className="cd-conflicts" aria-label="Merge conflicts">
      <h3 className="cd-conflicts-title">
        <span aria-hidden="true">⚠ </span>Changed on two machines
      </h3>
      <ul className="cd-conflicts-list">
        {conflicts.map((c) => {
          const [here, there] = [valueText(c, c.values[0]), valueText(c, c.values[1])];
          const settle = (choice: 0 | 1) => onApply(settleConflict(doc, a, c.field, choice, new Date().toISOString()));
          return (
            <li key={c.field} className="cd-conflict">
              <p className="cd-conflict-text">
                Changed on two machines: {fieldName(c)} <strong>{here}</strong> | <strong>{there}</strong>
              </p>
              <div className="cd-conflict-actions" role="group" aria-label={`Settle ${fieldName(c)}`}>
                <button
                  type="button"
                  className="cd-button cd-button--small"
                  disabled={isReadOnly}
                  aria-label={`Keep this: ${fieldName(c)} ${here}`}
                  onClick={() => settle(0)}
                >
                  Keep this
                </button>
                <button
                  type="button"
                  className="cd-button cd-button--small"
                  disabled={isReadOnly}
                  aria-label={`Keep that: ${fieldName(c)} ${there}`}
                  onClick={() => settle(1)}
                >
                  Keep that
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
