/**
 * Keeps the window's open documents up to date with what other windows save (#12): for each write
 * the change feed reports from another window, the open sessions of that document's layer read it
 * afresh and keep their own unsaved changes on top (SessionRegistry.reload), without a reload of
 * the window; a schema edit makes every document be read afresh. Imports and deletions reach the
 * document list through useWorkspace. When the feed's stream (re)opens, the shown document's sessions and
 * those with unsaved changes catch up on what they may have missed while it was down; the others are
 * forgotten and read afresh when opened (SessionRegistry.catchUp).
 */
import { useEffect } from 'react';
import type { ChangeEvent, ClaimdeskApi } from '../../shared/api';
import { assertNever } from '../../shared/assert-never';
import type { DocId } from '../../shared/model/types';
import { changeSourceOf } from '../api/change-stream';
import type { ReloadResult, SessionRegistry } from '../state/session-registry';
import { describeError } from '../util/format';
import { useLatest } from './use-latest';

export type ChangeFeedEvents = Readonly<{
  /** The document on screen: its layers are caught up when the stream reopens, with the sessions that have unsaved changes. */
  shown: DocId | null;
  /** Every session was dropped after another window's schema edit: read the open document afresh (bump the generation). */
  onSchemaChanged: () => void;
  /** Says what happened (undo history cleared by another window's change), for the status bar. */
  onInfo: (message: string) => void;
  /** Says what went wrong, for the status bar. */
  onError: (message: string) => void;
}>;

/** Follows the change feed of `api`'s window while mounted (nothing when the client has none). */
export function useChangeFeed(api: ClaimdeskApi, registry: SessionRegistry, events: ChangeFeedEvents): void {
  const latest = useLatest(events);
  useEffect(() => {
    const source = changeSourceOf(api);
    if (!source) return;
    const settle = (reloaded: Promise<ReloadResult>) =>
      reloaded.then(
        ({ isTaken, historyCleared }) => {
          if (!isTaken)
            latest.current.onError(
              'Another window saved changes to an article you are editing here; your unsaved changes are being saved first, and theirs show with the next change (or reopen the article).',
            );
          else if (historyCleared.length > 0) latest.current.onInfo(historyCleared.join(' '));
        },
        (err: unknown) => latest.current.onError(describeError('Could not read a change another window saved', err)),
      );
    const onChange = (event: ChangeEvent) => {
      if (event.clientId === source.clientId) return;
      switch (event.kind) {
        case 'changes':
        case 'restore':
          if (event.docId !== undefined)
            void settle(registry.reload(event.layer === undefined ? { docId: event.docId } : { docId: event.docId, layer: event.layer }));
          return;
        case 'schema':
          registry.drop();
          latest.current.onSchemaChanged();
          return;
        case 'import':
        case 'delete':
          return; // the document list follows (useWorkspace)
        default:
          assertNever(event.kind);
      }
    };
    return source.subscribe({ onChange, onOpen: () => void settle(registry.catchUp(latest.current.shown)) });
  }, [api, registry, latest]);
}
