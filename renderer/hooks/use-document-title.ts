/** Sets the window title: "<doc title> — Claimdesk", or "Claimdesk" when no document is open. */
import { useEffect } from 'react';

/** @param title the open document's title, or null */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} — Claimdesk` : 'Claimdesk';
  }, [title]);
}
