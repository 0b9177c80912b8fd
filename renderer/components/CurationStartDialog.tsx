/**
 * The dialog that starts curating a document with no curated layer yet (#11): which spans go into
 * the curated layer by themselves, all annotators agree / a majority agrees / none, then Start.
 * A native modal <dialog> like the others: Tab stays inside, Escape cancels, focus returns.
 */
import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { CurationPolicy } from '../../shared/api';
import type { PendingStart } from '../hooks/use-curation-start';
import { trapTab } from '../util/trap-tab';
import { DialogHead } from './DialogHead';
import './CurationStartDialog.css';

const POLICIES: readonly Readonly<{ policy: CurationPolicy; name: string; hint: string }>[] = [
  { policy: 'all', name: 'Where all annotators agree', hint: 'Spans every annotator made with the same label, bounds and attributes.' },
  { policy: 'majority', name: 'Where a majority agrees', hint: 'Spans more than half of the annotators made alike.' },
  { policy: 'none', name: 'Nothing', hint: 'Decide every candidate yourself.' },
];

export type CurationStartDialogProps = Readonly<{
  pending: PendingStart;
  isStarting: boolean;
  onStart: (policy: CurationPolicy) => void;
  onClose: () => void;
}>;

/** Renders the dialog, open, for as long as it is mounted. */
export function CurationStartDialog({ pending, isStarting, onStart, onClose }: CurationStartDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [policy, setPolicy] = useState<CurationPolicy>('all');
  const baseId = useId();

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    dialog.querySelector<HTMLInputElement>('input:checked')?.focus();
    return () => {
      dialog.close();
      previous?.focus();
    };
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onStart(policy);
  };
  const onCancel = (e: SyntheticEvent) => {
    e.preventDefault();
    onClose();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') onCancel(e);
    else if (e.key === 'Tab') trapTab(e);
  };

  const n = pending.annotators.length;
  return (
    <dialog
      ref={dialogRef}
      className="cd-dialog cd-curation-start"
      aria-modal="true"
      aria-label="Start curating"
      onCancel={onCancel}
      onKeyDown={onKeyDown}
    >
      <form className="cd-dialog-form" onSubmit={submit}>
        <DialogHead title="Start curating" onClose={onClose} />
        <div className="cd-dialog-body">
          <p className="cd-curation-start-doc">
            “{pending.title}”:{' '}
            {n === 0
              ? 'no annotator has a layer in it yet.'
              : n === 1
                ? `only ${pending.annotators[0]}'s layer (everything counts as agreed).`
                : `the layers of ${pending.annotators.join(', ')}.`}
          </p>
          <fieldset className="cd-curation-start-policies">
            <legend className="cd-field-label">Accept by themselves</legend>
            {POLICIES.map((p) => (
              <label key={p.policy} className="cd-curation-start-policy">
                <input type="radio" name={`${baseId}-policy`} value={p.policy} checked={policy === p.policy} onChange={() => setPolicy(p.policy)} />
                <span>
                  <span className="cd-curation-start-name">{p.name}</span>
                  <span className="cd-field-hint">{p.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <p className="cd-field-hint">The curated layer is made now; you can edit it like any layer, and Undo takes back what you accept.</p>
        </div>
        <footer className="cd-dialog-foot">
          <span className="cd-dialog-foot-spacer" />
          <button type="button" className="cd-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="cd-button cd-button--primary" disabled={isStarting}>
            {isStarting ? 'Starting…' : 'Start curating'}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
