/**
 * Sets the window title: "<doc title> — Claimdesk", or "Claimdesk" when no document is open.
 * The title is set after the frame that shows the document (#14): setting it costs 2–3 ms
 * (the browser tells its window), which the open does not wait for.
 */
import { useEffect } from 'react';
import { afterNextPaint } from '../util/next-task';

/** @param title the open document's title, or null */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => afterNextPaint(() => void (document.title = title ? `${title} — Claimdesk` : 'Claimdesk')), [title]);
}
