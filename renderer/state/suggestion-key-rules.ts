/**
 * What a key pressed in the article means for suggestions (#15), the rules in one place: **s**
 * asks; while suggestions are shown Tab / Shift+Tab go to the next / previous one, Enter or **a**
 * accepts the one under the cursor, **x** rejects it, Shift+X takes the last rejection back.
 * Against the keys the annotator also uses: in link mode every key is link mode's; a label
 * hotkey keeps its key (a label on a, x or s loses that meaning here; Enter still accepts); a
 * pending link offer keeps Enter; Enter, a and x away from a suggestion pass on. Pure.
 */
import { SUGGEST_KEY } from '../../shared/model/reserved-keys';

/** A key press, as far as the rules read it. */
export type SuggestionKeyPress = Readonly<{
  key: string;
  shiftKey: boolean;
  /** Ctrl, Meta or Alt held, or an IME composing: never a suggestion key. */
  isChord: boolean;
  /** The key is a label's hotkey. */
  isLabelKey: boolean;
}>;

/** What the window is in when the key comes. */
export type SuggestionKeyState = Readonly<{
  isLinking: boolean;
  /** The status bar offers a link (Enter takes it). */
  hasOffer: boolean;
  /** Suggestions are shown and some are left. */
  isShown: boolean;
  /** The selection or caret is on a suggestion. */
  hasActive: boolean;
}>;

/** What the key does: a suggestion action, or 'pass' (the annotator's meaning). */
export type SuggestionKeyAction = 'ask' | 'next' | 'previous' | 'accept' | 'reject' | 'unreject' | 'pass';

/** @returns what `press` does in `state` */
export function suggestionKeyAction(press: SuggestionKeyPress, state: SuggestionKeyState): SuggestionKeyAction {
  if (press.isChord || state.isLinking || press.isLabelKey) return 'pass';
  const { key, shiftKey } = press;
  if (key === SUGGEST_KEY && !shiftKey) return 'ask';
  if (!state.isShown || (key === 'Enter' && state.hasOffer)) return 'pass';
  if (key === 'Tab') return shiftKey ? 'previous' : 'next';
  if (key === 'X' && shiftKey) return 'unreject';
  if (shiftKey || !state.hasActive) return 'pass';
  if (key === 'Enter' || key === 'a') return 'accept';
  if (key === 'x') return 'reject';
  return 'pass';
}
