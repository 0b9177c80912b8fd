/**
 * Keeps Tab and Shift+Tab inside a modal dialog: from the last focusable control Tab goes to
 * the first, and from the first Shift+Tab goes to the last.
 */
import type { KeyboardEvent } from 'react';

/** Call from the dialog's onKeyDown when the key is Tab. */
export function trapTab(e: KeyboardEvent<HTMLElement>): void {
  const focusables = [...e.currentTarget.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex]')].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
  );
  const first = focusables[0];
  const last = focusables.at(-1);
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
