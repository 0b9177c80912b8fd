/**
 * Undo and redo of the open document's session, each saying in the status bar what it undid or
 * redid ("Undid: tag Claim “I don't see…”", "Redid: link attributed_to"). A step that no longer fits
 * the document (another window removed what it changes) is dropped by the session, and its
 * sentence is said instead. No DOM.
 */
import { startTransition, useCallback } from 'react';
import { describeChange } from '../../shared/model/describe-change';
import type { DocumentSession } from '../state/document-session';
import { useLatest } from './use-latest';

export type UndoRedo = Readonly<{ undo: () => void; redo: () => void }>;

/**
 * @param session the open document's session (null: nothing to undo)
 * @param onInfo told what was undone or redone, or that there was nothing to
 * @param onStep called after each undo or redo that changed something
 */
export function useUndoRedo(session: DocumentSession | null, onInfo: (message: string) => void, onStep: () => void): UndoRedo {
  const latest = useLatest({ session, onInfo, onStep });
  const step = useCallback(
    (direction: 'undo' | 'redo') => {
      const { session: target, onInfo: say, onStep: after } = latest.current;
      if (!target) return;
      const result = direction === 'undo' ? target.undo() : target.redo();
      if (result.status === 'empty') return say(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      if (result.status === 'dropped') return say(result.message);
      say(`${direction === 'undo' ? 'Undid' : 'Redid'}: ${describeChange(result.change)}`);
      after();
    },
    [latest],
  );
  // Like the article's keys, undo and redo re-render the panels as a transition (the article draws the change at once).
  const undo = useCallback(() => startTransition(() => step('undo')), [step]);
  const redo = useCallback(() => startTransition(() => step('redo')), [step]);
  return { undo, redo };
}
