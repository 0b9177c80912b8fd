/**
 * The change feed as the renderer hears it (#12): every write acknowledged to any window, as
 * ChangeEvents. Over HTTP it is the browser host's event stream (`GET /events`, Server-Sent Events
 * read with fetch, so the token goes in a header, never in a URL), reopened with back-off when it
 * drops, and closed while the tab is hidden. The desktop window has no feed: it is the only window
 * on its workspace (any other process there is read-only). One connection per tab, shared by every
 * subscriber, open while anyone listens (and the tab is shown). The window polls the workspace besides, so a stream that is down delays a change, never
 * loses it.
 */
import { CLIENT_ID_HEADER, EVENTS_PATH, type ChangeEvent, type ClaimdeskApi } from '../../shared/api';

/** What a subscriber hears: each change, and (HTTP) each time the stream (re)opens, to catch up on what it may have missed. */
export type ChangeListener = Readonly<{ onChange: (event: ChangeEvent) => void; onOpen?: () => void }>;

/** The change feed of one window. */
export type ChangeSource = Readonly<{
  /** This window's client id: events carrying it are its own writes. */
  clientId: string;
  /** Listens to the feed. @returns the unsubscribe function */
  subscribe: (listener: ChangeListener) => () => void;
}>;

/** Waits before reopening a dropped stream, by how many attempts failed in a row. */
const REOPEN_DELAYS_MS = [500, 1000, 2000, 5000, 10_000];

const sources = new WeakMap<ClaimdeskApi, ChangeSource>();

/** Remembers the change feed that goes with `api` (set by connect). */
export function setChangeSource(api: ClaimdeskApi, source: ChangeSource): void {
  sources.set(api, source);
}

/** The change feed that goes with `api`, or undefined (a client built without one, as in tests). */
export function changeSourceOf(api: ClaimdeskApi): ChangeSource | undefined {
  return sources.get(api);
}

/** A feed fanned out to many listeners over one connection, opened by `open` on the first subscription and closed after the last. */
function sharedSource(clientId: string, open: (emit: ChangeListener) => () => void): ChangeSource {
  const listeners = new Set<ChangeListener>();
  let close: (() => void) | null = null;
  const emit: ChangeListener = {
    onChange: (event) => listeners.forEach((l) => l.onChange(event)),
    onOpen: () => listeners.forEach((l) => l.onOpen?.()),
  };
  return {
    clientId,
    subscribe(listener) {
      listeners.add(listener);
      close ??= open(emit);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          close?.();
          close = null;
        }
      };
    },
  };
}

/**
 * The browser host's event stream, read with fetch and reopened with back-off whenever it ends or
 * fails. A hidden tab closes it and relies on the workspace poll: each open stream holds one of the
 * six connections Chromium allows per host, and a seventh tab would otherwise wait forever for its
 * API calls. Shown again, the tab reopens it and catches up (onOpen).
 */
export function httpChangeSource(base: string, token: string, clientId: string): ChangeSource {
  return sharedSource(clientId, (emit) => {
    let close: (() => void) | null = null;
    const connect = () => void (close ??= openStream(base, token, clientId, emit));
    const disconnect = () => {
      close?.();
      close = null;
    };
    // No document outside a page (tests in Node): the stream stays open.
    const page = typeof document === 'undefined' ? null : document;
    if (!page) {
      connect();
      return disconnect;
    }
    const follow = () => (page.visibilityState === 'hidden' ? disconnect() : connect());
    follow();
    page.addEventListener('visibilitychange', follow);
    return () => {
      page.removeEventListener('visibilitychange', follow);
      disconnect();
    };
  });
}

/** Opens the host's event stream for `emit`, reopening it with back-off whenever it ends or fails. @returns the function that closes it */
function openStream(base: string, token: string, clientId: string, emit: ChangeListener): () => void {
  const abort = new AbortController();
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async (): Promise<void> => {
    try {
      const res = await fetch(`${base}${EVENTS_PATH}`, {
        headers: { authorization: `Bearer ${token}`, [CLIENT_ID_HEADER]: clientId },
        signal: abort.signal,
      });
      if (!res.ok || !res.body) throw new Error(`the host answered ${res.status}`);
      failures = 0;
      emit.onOpen?.();
      await readEvents(res.body, emit.onChange);
    } catch {
      // The host went away, the stream broke or was closed: reopened below unless closed; polling covers the gap.
    }
    if (abort.signal.aborted) return;
    timer = setTimeout(() => void run(), REOPEN_DELAYS_MS[Math.min(failures++, REOPEN_DELAYS_MS.length - 1)]);
  };
  void run();
  return () => {
    abort.abort();
    clearTimeout(timer);
  };
}

/**
 * Reads Server-Sent Events from `body` until it ends: each event's `data:` lines, joined, are one
 * ChangeEvent as JSON. Comments (`:` lines) and events that are not change events are skipped.
 */
export async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: ChangeEvent) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      const event = data ? parseEvent(data) : null;
      if (event) onEvent(event);
    }
  }
}

/** A ChangeEvent from JSON, or null for anything else. */
function parseEvent(data: string): ChangeEvent | null {
  try {
    const value = JSON.parse(data) as Partial<ChangeEvent> | null;
    return value && typeof value.revision === 'number' && typeof value.kind === 'string' ? (value as ChangeEvent) : null;
  } catch {
    return null; // not JSON: not ours to act on
  }
}
