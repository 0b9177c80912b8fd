/**
 * The window's dialogs opened from the top bar (and the merge notice): the schema editor,
 * export, agreement, trash and preferences, at most one at a time. Renders the one asked for;
 * which is open, and what a saved schema or a restored document means for the window, stay
 * with the window.
 */
import { memo } from 'react';
import type { ClaimdeskApi, Preferences } from '../../shared/api';
import type { SchemaMigration } from '../../shared/model/schema-rules';
import type { DocId, DocumentRow, Schema } from '../../shared/model/types';
import { useLabelCounts } from '../hooks/use-label-counts';
import { AgreementDialog } from './AgreementDialog';
import { ExportDialog } from './ExportDialog';
import { PreferencesDialog } from './PreferencesDialog';
import { SchemaEditor } from './SchemaEditor';
import { TrashDialog } from './TrashDialog';

/** The dialogs the window can show, one at a time. */
export type AppDialog = 'schema' | 'preferences' | 'export' | 'trash' | 'agreement';

export type AppDialogsProps = Readonly<{
  api: ClaimdeskApi;
  /** The dialog shown, or null for none. */
  dialog: AppDialog | null;
  /** The workspace's schema, or null until known (the schema, export and agreement dialogs wait for it). */
  schema: Schema | null;
  /** The open document, the one Export offers first. */
  openId: DocId | null;
  /** The document list and this window's patches over it, for the schema editor's label counts. */
  rows: readonly DocumentRow[] | null;
  patches: ReadonlyMap<DocId, DocumentRow>;
  /** True when a sync left the schema with merge conflicts. */
  hasMergeConflicts: boolean;
  /** The analyst's preferences (name, suggestions on import), as Preferences shows them. */
  preferences: Readonly<{ author: string; suggestOnImport: boolean }>;
  /** How many changes are still on their way to the analyst's layer. */
  unsavedCount: () => number;
  onSaveSchema: (next: Schema, migration: SchemaMigration) => Promise<void>;
  onSavePreferences: (next: Preferences) => Promise<void>;
  onOpenInCuration: (docId: DocId) => void;
  /** Reloads the document list (after a document came back from the trash). */
  refresh: () => Promise<void>;
  onInfo: (message: string) => void;
  onClose: () => void;
}>;

/** The open dialog, if any. Re-rendered only when its props change, not on every render of the window (#14). */
export const AppDialogs = memo(function AppDialogs({
  api,
  dialog,
  schema,
  openId,
  rows,
  patches,
  hasMergeConflicts,
  preferences,
  unsavedCount,
  onSaveSchema,
  onSavePreferences,
  onOpenInCuration,
  refresh,
  onInfo,
  onClose,
}: AppDialogsProps) {
  const labelCounts = useLabelCounts(rows, patches, dialog === 'schema');
  return (
    <>
      {dialog === 'schema' && schema && (
        <SchemaEditor schema={schema} labelCounts={labelCounts} onSave={onSaveSchema} onClose={onClose} hasMergeConflicts={hasMergeConflicts} />
      )}
      {dialog === 'export' && schema && (
        <ExportDialog api={api} schema={schema} currentDocId={openId} selectedDocIds={openId ? [openId] : []} onClose={onClose} />
      )}
      {dialog === 'agreement' && schema && <AgreementDialog api={api} schema={schema} onOpenInCuration={onOpenInCuration} onClose={onClose} />}
      {dialog === 'trash' && (
        <TrashDialog
          api={api}
          onRestored={(row) => {
            void refresh();
            onInfo(`Restored “${row.title}”`);
          }}
          onClose={onClose}
        />
      )}
      {dialog === 'preferences' && (
        <PreferencesDialog
          preferences={preferences}
          onSave={(next) => {
            // Your name names your layer: changes still on their way to it would go to another one.
            const unsaved = next.author === preferences.author ? 0 : unsavedCount();
            if (unsaved > 0)
              return Promise.reject(
                new Error(
                  `${unsaved} change${unsaved === 1 ? ' is' : 's are'} still being saved to your layer; wait until the status bar says Saved, then change your name`,
                ),
              );
            return onSavePreferences(next);
          }}
          onClose={onClose}
        />
      )}
    </>
  );
});
