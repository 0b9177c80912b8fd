/**
 * Window-wide shortcuts (undo / redo): bindings like "Mod+Z", "Mod+Shift+Z", "Ctrl+Y", where
 * Mod is Cmd on macOS and Ctrl elsewhere. They fire anywhere except while typing in a text
 * field, where the field's own undo applies. Also how a key press matches a label's hotkey.
 */
import { useEffect } from 'react';
import { useLatest } from './use-latest';
import { IS_MAC } from '../util/platform';

/** True on macOS (and iOS), whose key chords differ: Cmd for Ctrl, and Alt(+Shift)+arrows move (extend) by word. */
const NOT_TYPING = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** True when `target` takes typed text (text inputs, textareas, editable content). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target.isContentEditable) return true;
  return target instanceof HTMLInputElement && !NOT_TYPING.has(target.type);
}

/** The binding an event matches: modifiers in the order Mod, Ctrl, Alt, Shift, then the key upper-cased. */
function comboOf(event: KeyboardEvent): string {
  const parts: string[] = [];
  const mod = IS_MAC ? event.metaKey : event.ctrlKey;
  if (mod) parts.push('Mod');
  if (event.ctrlKey && IS_MAC) parts.push('Ctrl');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey) parts.push('Shift');
  parts.push(event.key.length === 1 ? event.key.toUpperCase() : event.key);
  return parts.join('+');
}

/**
 * Listens on the window while mounted.
 * @param bindings combo -> action; "Ctrl+Y" is accepted as a synonym of "Mod+Y" off macOS
 */
export function useHotkeys(bindings: Readonly<Record<string, () => void>>): void {
  const latest = useLatest(bindings);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const combo = comboOf(event);
      const action = latest.current[combo] ?? (IS_MAC ? undefined : latest.current[combo.replace(/^Mod\+/, 'Ctrl+')]);
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [latest]);
}

/** The keys that only modify others: pressed alone they mean nothing (and dismiss nothing). */
export const MODIFIER_KEYS: ReadonlySet<string> = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);

/** Keys that move between annotations or start a link when no text is selected, even if a label uses them as its hotkey. */
export const NAVIGATION_KEYS: ReadonlySet<string> = new Set(['j', 'k', 'l', 'L']);

/** True when the key event is the label hotkey `hotkey` (by key, or by physical key so Alt+digit works on every layout). */
export function matchesHotkey(event: KeyboardEvent, hotkey: string): boolean {
  if (event.key.toLowerCase() === hotkey.toLowerCase()) return true;
  return /^[0-9]$/.test(hotkey) ? event.code === `Digit${hotkey}` : /^[a-z]$/i.test(hotkey) && event.code === `Key${hotkey.toUpperCase()}`;
}
