/**
 * What the window does when stored documents were replaced under it: a schema edit (it rewrites
 * stored annotations: every open document is read afresh), a restored version or a re-import (the
 * open document is read afresh), and a move to the trash (the document closes). Drops sessions
 * from the registry and bumps the window's generation; reloads the list.
 */
import { useCallback } from 'react';
import type { ClaimdeskApi } from '../../shared/api';
import type { SchemaMigration } from '../../shared/model/schema-rules';
import type { DocId, Schema } from '../../shared/model/types';
import type { SessionRegistry } from '../state/session-registry';

export type DocumentReloadsOptions = Readonly<{
  api: ClaimdeskApi;
  registry: SessionRegistry;
  /** The open document, or null. */
  openId: DocId | null;
  /** State setters of the window (stable). */
  setOpenId: (id: DocId | null) => void;
  setGeneration: (update: (g: number) => number) => void;
  /** Reloads the workspace and the list. @throws what the API throws */
  refresh: () => Promise<void>;
  onInfo: (message: string) => void;
}>;

export type DocumentReloads = Readonly<{
  /** Saves the schema (with its migration), then reads every document afresh. @throws what updateSchema throws */
  saveSchema: (next: Schema, migration: SchemaMigration) => Promise<void>;
  /** Reads the open document afresh. */
  reloadOpen: () => void;
  /** The open document went to the trash: closes it. */
  onDeleted: () => void;
}>;

/** The window's reactions to stored documents replaced under it. */
export function useDocumentReloads({ api, registry, openId, setOpenId, setGeneration, refresh, onInfo }: DocumentReloadsOptions): DocumentReloads {
  // A schema edit rewrites stored annotations: read every open document afresh.
  const saveSchema = useCallback(
    async (next: Schema, migration: SchemaMigration) => {
      await api.updateSchema({ schema: next, ...migration });
      registry.drop();
      setGeneration((g) => g + 1);
      await refresh();
    },
    [api, registry, setGeneration, refresh],
  );

  // A restored version replaces the stored document: read it afresh.
  const reloadOpen = useCallback(() => {
    if (openId !== null) registry.drop([openId]);
    setGeneration((g) => g + 1);
    void refresh();
  }, [openId, registry, setGeneration, refresh]);
  const onDeleted = useCallback(() => {
    setOpenId(null);
    void refresh();
    onInfo('Moved to the trash (Trash… brings it back).');
  }, [setOpenId, refresh, onInfo]);
  return { saveSchema, reloadOpen, onDeleted };
}
