/**
 * The preferences dialog: the author name stamped on every annotation and link the analyst
 * creates (default: the OS user name), and "Suggest on import" (#15: suggestions are turned on
 * for documents as they are imported). A native modal <dialog>: the page behind is inert,
 * Tab stays inside, Escape closes; focus returns to where it was. Saves through `onSave` and
 * shows its error when it fails.
 */
import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent, type SyntheticEvent } from 'react';
import './PreferencesDialog.css';
import type { Preferences } from '../../shared/api';
import { trapTab } from '../util/trap-tab';
import { DialogHead } from './DialogHead';

/** The longest author name the workspace accepts. */
const MAX_AUTHOR_LENGTH = 200;

/** The saved preferences and what to do on save and close. */
export type PreferencesDialogProps = Readonly<{
  /** The saved preferences. */
  preferences: Readonly<{ author: string; suggestOnImport: boolean }>;
  /** Saves them (the name trimmed); the dialog closes (via onClose) when it resolves, shows the error when it rejects. */
  onSave: (next: Preferences) => Promise<void>;
  onClose: () => void;
}>;

/** Renders the dialog, open, for as long as it is mounted. */
export function PreferencesDialog({ preferences, onSave, onClose }: PreferencesDialogProps) {
  const { author } = preferences;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(author);
  const [suggestOnImport, setSuggestOnImport] = useState(preferences.suggestOnImport);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const baseId = useId();

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    inputRef.current?.select();
    return () => {
      dialog.close();
      previous?.focus();
    };
  }, []);

  const trimmed = name.trim();
  const problem =
    trimmed === ''
      ? 'Enter the name to record as the author.'
      : trimmed.length > MAX_AUTHOR_LENGTH
        ? `Use at most ${MAX_AUTHOR_LENGTH} characters.`
        : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (isSaving) return;
    if (problem) {
      setError(problem);
      inputRef.current?.focus();
      return;
    }
    if (trimmed === author && suggestOnImport === preferences.suggestOnImport) {
      onClose();
      return;
    }
    setIsSaving(true);
    setError(null);
    // Only what changed: saving the name alone keeps the saved Suggest on import.
    onSave({ author: trimmed, ...(suggestOnImport === preferences.suggestOnImport ? {} : { suggestOnImport }) }).then(
      () => onClose(),
      (err: unknown) => {
        setIsSaving(false);
        setError(`Could not save the preferences: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
  };

  const onCancel = (e: SyntheticEvent) => {
    e.preventDefault();
    onClose();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') onCancel(e);
    else if (e.key === 'Tab') trapTab(e);
  };

  const errorId = `${baseId}-error`;
  return (
    <dialog ref={dialogRef} className="cd-dialog cd-prefs" aria-modal="true" aria-label="Preferences" onCancel={onCancel} onKeyDown={onKeyDown}>
      <form className="cd-dialog-form" onSubmit={submit} noValidate>
        <DialogHead title="Preferences" onClose={onClose} />
        <div className="cd-dialog-body">
          <div className="cd-field">
            <label className="cd-field-label" htmlFor={`${baseId}-author`}>
              Author name
            </label>
            <input
              ref={inputRef}
              id={`${baseId}-author`}
              className="cd-input"
              value={name}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={error !== null && problem !== null}
              aria-describedby={`${baseId}-hint${error ? ` ${errorId}` : ''}`}
              onChange={(e) => {
                setName(e.target.value);
                if (error) setError(null);
              }}
            />
            <p className="cd-field-hint" id={`${baseId}-hint`}>
              Recorded as the author of every annotation and link you create from now on.
            </p>
          </div>
          <div className="cd-field">
            <label className="cd-export-check">
              <input type="checkbox" checked={suggestOnImport} onChange={(e) => setSuggestOnImport(e.target.checked)} />
              Suggest on import
            </label>
            <p className="cd-field-hint">
              Articles you import get suggested claims, sources, cues and links at once (otherwise press S or Suggest in an article).
            </p>
          </div>
          {error && (
            <p className="cd-dialog-error" id={errorId} role="alert">
              {error}
            </p>
          )}
        </div>
        <footer className="cd-dialog-foot">
          <span className="cd-dialog-foot-spacer" />
          <button type="button" className="cd-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="cd-button cd-button--primary" disabled={isSaving}>
            {isSaving ? 'Saving…' : 'Save'}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
