/**
 * Keys the app gives a meaning of its own while annotating, which a label hotkey therefore
 * cannot take: **v** starts the attribute keys of the selected annotation (v, the attribute's
 * key, the value's key; renderer/hooks/use-attribute-keys.ts), and within such a sequence **0**
 * clears the attribute. Digits and letters after v are the sequence's own, so only v needs
 * keeping free of labels. **s** asks for suggestions for the open article (#15). Pure.
 */

/** The key that starts an attribute key sequence. */
export const ATTRIBUTE_KEY = 'v';
/** The key that asks for suggestions for the open article (#15). */
export const SUGGEST_KEY = 's';
/** The value key that clears an attribute back to unset (only within a sequence). */
export const UNSET_KEY = '0';

/**
 * Why `hotkey` cannot be a label's hotkey, or null when it can (case-insensitive, as hotkeys match).
 * @returns a sentence that says what the key does and what to do
 */
export function reservedHotkeyProblem(hotkey: string): string | null {
  const key = hotkey.toLowerCase();
  if (key === ATTRIBUTE_KEY)
    return `“${hotkey}” starts the attribute keys of the selected annotation (${ATTRIBUTE_KEY}, the attribute’s key, the value’s key): pick another hotkey.`;
  if (key === SUGGEST_KEY) return `“${hotkey}” asks for suggestions for the open article: pick another hotkey.`;
  return null;
}
