/**
 * Closes a transient panel by itself: after a few seconds, or at the analyst's next action in the
 * article (a key or a click in the reader), whichever comes first, but never while the panel is
 * held (hovered or focused: someone is reading it), counting afresh once it is let go.
 */
import { useEffect } from 'react';
import { READER_SELECTOR } from '../util/reader-pane';
import { useLatest } from './use-latest';

/** How long a transient panel stays when nobody looks at it. */
export const AUTO_DISMISS_MS = 5000;

/**
 * @param isActive false while the panel must stay (it is held, or it reports something to act on)
 * @param onDismiss called once to close it
 */
export function useAutoDismiss(isActive: boolean, onDismiss: () => void): void {
  const dismiss = useLatest(onDismiss);
  useEffect(() => {
    if (!isActive) return;
    const timer = setTimeout(() => dismiss.current(), AUTO_DISMISS_MS);
    // Acting in the article means the panel was seen and is done with.
    const onAction = (event: Event) => {
      if (event.target instanceof Element && event.target.closest(READER_SELECTOR)) dismiss.current();
    };
    document.addEventListener('pointerdown', onAction, true);
    document.addEventListener('keydown', onAction, true);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('pointerdown', onAction, true);
      document.removeEventListener('keydown', onAction, true);
    };
  }, [isActive, dismiss]);
}
