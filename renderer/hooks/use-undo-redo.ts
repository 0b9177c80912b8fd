/**
 * Undo and redo of the open document's session, each saying in the status bar what it undid or
 * redid ("Undid: tag Claim “I don't see…”", "Redid: link attributed_to"). The change is read from
 * the operations the session applies (heard through its subscription), so nothing here looks
 * inside the session's stacks. No DOM.
 */
import { startTransition, useCallback } from 'react';
import { describeChange } from '../../shared/model/describe-change';
import { invertAll, type Operation } from '../../shared/model/operations';
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
      let applied: readonly Operation[] = [];
      const stop = target.subscribe(({ ops }) => (applied = ops));
      let done: boolean;
      try {
        done = direction === 'undo' ? target.undo() : target.redo();
      } finally {
        stop();
      }
      if (!done) return say(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      // Undo applies the change's inverse: inverted back, it reads as the change that was made.
      say(`${direction === 'undo' ? 'Undid' : 'Redid'}: ${describeChange(direction === 'undo' ? invertAll(applied) : applied)}`);
      after();
    },
    [latest],
  );
  // Like the article's keys, undo and redo re-render the panels as a transition (the article draws the change at once).
  const undo = useCallback(() => startTransition(() => step('undo')), [step]);
  const redo = useCallback(() => startTransition(() => step('redo')), [step]);
  return { undo, redo };
}
