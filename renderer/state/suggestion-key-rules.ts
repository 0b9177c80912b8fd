/**
 * What a key pressed in the article means for suggestions (#15), the rules in one place: **s**
 * asks; while suggestions are shown Tab / Shift+Tab go to the next / previous one, Enter or **a**
 * accepts the one under the cursor, **x** rejects it, Shift+X takes the last rejection back.
 * Against the keys the annotator also uses: in link mode every key is link mode's; a label
 * hotkey keeps its key (a label on a, x or s loses that meaning here; Enter still accepts), but
 * Shift+X takes a rejection back whatever label is on x; a pending link offer keeps Enter; Enter,
 * a and x away from a suggestion pass on. Letters count in either case when Shift is not held
 * (Caps Lock on). While suggestions are being made, s does nothing ('none': no second ask). Pure.
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
  /** The service is making suggestions for the open article. */
  isAsking: boolean;
}>;

/** What the key does: a suggestion action, 'none' (taken, nothing done), or 'pass' (the annotator's meaning). */
export type SuggestionKeyAction = 'ask' | 'next' | 'previous' | 'accept' | 'reject' | 'unreject' | 'none' | 'pass';

/** @returns what `press` does in `state` */
export function suggestionKeyAction(press: SuggestionKeyPress, state: SuggestionKeyState): SuggestionKeyAction {
  if (press.isChord || state.isLinking) return 'pass';
  const { shiftKey } = press;
  // A single letter in either case: Caps Lock turns a into A without Shift, and Shift+X into x.
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (key === 'x' && shiftKey && state.isShown) return 'unreject';
  if (press.isLabelKey) return 'pass';
  if (key === SUGGEST_KEY && !shiftKey) return state.isAsking ? 'none' : 'ask';
  if (!state.isShown || (key === 'Enter' && state.hasOffer)) return 'pass';
  if (key === 'Tab') return shiftKey ? 'previous' : 'next';
  if (shiftKey || !state.hasActive) return 'pass';
  if (key === 'Enter' || key === 'a') return 'accept';
  if (key === 'x') return 'reject';
  return 'pass';
}
