/** The platform the window runs on, as far as the keyboard is concerned. */

/** True on macOS and iOS: ⌘ where others use Ctrl, ⌥ where others use Alt. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
