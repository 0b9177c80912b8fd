/**
 * The schema editor's footer: what is unsaved (or the problems to fix first), Cancel and Save;
 * or, after closing with unsaved changes, the question whether to discard them.
 */
import { formatQuantity } from '../util/format';
import type { SchemaEditorIds } from './schema-editor-dom';

export type SchemaEditorFootProps = Readonly<{
  ids: SchemaEditorIds;
  isDiscarding: boolean;
  problemCount: number;
  /** Whether Save was pressed: then the problems are what stands between the user and saving. */
  hasTriedSave: boolean;
  /** What saving would change, or null when nothing is changed. */
  changeSummary: string | null;
  isSaving: boolean;
  onGoToProblem: () => void;
  onCancel: () => void;
  onSave: () => void;
  onDiscard: () => void;
  onKeepEditing: () => void;
}>;

/** Renders the footer's contents. */
export function SchemaEditorFoot(props: SchemaEditorFootProps) {
  const { ids, problemCount, hasTriedSave, changeSummary, isSaving } = props;
  if (props.isDiscarding)
    return (
      <footer className="cd-dialog-foot">
        <span className="cd-dialog-foot-note cd-dialog-foot-question" role="alert">
          Discard your changes to the schema?
        </span>
        <span className="cd-dialog-foot-spacer" />
        <button type="button" className="cd-button cd-button--destructive" onClick={props.onDiscard}>
          Discard
        </button>
        <button id={ids.keepEditing} type="button" className="cd-button" onClick={props.onKeepEditing}>
          Keep editing
        </button>
      </footer>
    );
  return (
    <footer className="cd-dialog-foot">
      {problemCount > 0 ? (
        <button type="button" className="cd-link-button cd-dialog-foot-problems" onClick={props.onGoToProblem}>
          {hasTriedSave ? `Fix ${formatQuantity(problemCount, 'problem')} to save` : formatQuantity(problemCount, 'problem')}
        </button>
      ) : (
        <span className="cd-dialog-foot-note">{changeSummary ?? 'No changes'}</span>
      )}
      <span className="cd-dialog-foot-spacer" />
      <button type="button" className="cd-button" onClick={props.onCancel}>
        Cancel
      </button>
      <button type="button" className="cd-button cd-button--primary" disabled={isSaving} onClick={props.onSave}>
        {isSaving ? 'Saving…' : 'Save'}
      </button>
    </footer>
  );
}
