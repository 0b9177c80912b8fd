/**
 * Mounts the app (or, with no way to reach the services, the message that explains how to open it)
 * into the page. The renderer's entry (main.tsx) imports this module dynamically, so React, the app
 * and its formatters are a separate file the page fetches beside the entry (vite.config.ts preloads
 * it): the entry, a few kilobytes, asks for the workspace and its list before this file has arrived
 * or been evaluated (#14).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ClaimdeskApi } from '../shared/api';
import { App } from './App';
import { NoApiMessage } from './components/NoApiMessage';

/** Renders the app over `api` into `container`, or NoApiMessage when `api` is null. */
export function mount(container: HTMLElement, api: ClaimdeskApi | null): void {
  createRoot(container).render(<StrictMode>{api ? <App api={api} /> : <NoApiMessage />}</StrictMode>);
}
