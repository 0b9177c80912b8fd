/**
 * The status bar's message: one line, either information (cleared after a few seconds) or
 * an error (kept until dismissed or replaced, so it is never missed).
 */
import { useCallback, useEffect, useState } from 'react';

export type StatusMessage = Readonly<{ kind: 'info' | 'error'; text: string; id: number }>;

/** How long an information message stays. */
const INFO_MS = 8000;

export type StatusMessages = Readonly<{
  message: StatusMessage | null;
  showInfo: (text: string) => void;
  showError: (text: string) => void;
  clear: () => void;
}>;

let nextId = 1;

/** Holds the current status message. */
export function useStatusMessage(): StatusMessages {
  const [message, setMessage] = useState<StatusMessage | null>(null);

  useEffect(() => {
    if (message?.kind !== 'info') return;
    const timer = setTimeout(() => setMessage((m) => (m?.id === message.id ? null : m)), INFO_MS);
    return () => clearTimeout(timer);
  }, [message]);

  const showInfo = useCallback((text: string) => setMessage({ kind: 'info', text, id: nextId++ }), []);
  const showError = useCallback((text: string) => setMessage({ kind: 'error', text, id: nextId++ }), []);
  const clear = useCallback(() => setMessage(null), []);
  return { message, showInfo, showError, clear };
}
