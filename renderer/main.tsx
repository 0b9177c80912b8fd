/**
 * The renderer's entry: loads the styles, connects to the services (Electron bridge or the
 * browser host's HTTP API with the URL's token) and mounts the app, or explains how to open
 * it when there is no way to connect.
 *
 * The first load of the workspace and its document list (one call, renderer/api/workspace-preload.ts)
 * starts before React and the app have arrived: they are a separate file (mount.tsx and what it
 * imports), which the page fetches beside this small entry (the build adds a modulepreload link
 * for it), so the service prepares the list while the app's code downloads and starts (#14). The
 * entry waits briefly for the list before the first render, so that render shows it rather than
 * an empty list drawn and laid out once more right after.
 */
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';
import './controls.css';
import './dialogs.css';
import { connect } from './api/client';
import { preloadWorkspace } from './api/workspace-preload';

/** The longest the entry waits for the list once the app's code is ready, before rendering without it. */
const PRELOAD_WAIT_MS = 150;

const atMost = (promise: Promise<void>) => Promise.race([promise, new Promise<void>((resolve) => setTimeout(resolve, PRELOAD_WAIT_MS))]);

/** Starts the first load, then mounts the app (no top-level await: with it, the build would split the entry's modules into another file). */
async function start(container: HTMLElement): Promise<void> {
  const api = connect(window);
  const preload = api ? preloadWorkspace(api) : null;
  const app = import('./mount');
  // A window's first Intl object loads the browser's locale data (12-73 ms measured in a fresh
  // window): load it while the list and the app's code are on their way, so the app's formatters
  // (util/format.ts, made when the app is evaluated) cost almost nothing then (#14). In a task of
  // its own: the calls above are sent when this task ends.
  setTimeout(() => new Intl.NumberFormat().format(0));
  const { mount } = await app;
  if (preload) await atMost(preload.settled);
  mount(container, api);
}

/**
 * Says, in the page, that the app could not start (its code could not be loaded, e.g. the host
 * stopped between serving the page and the app's file), and what to do: a blank page says nothing.
 * Plain DOM: React may be what failed to load.
 */
function showStartFailure(container: HTMLElement, err: unknown): void {
  const card = document.createElement('div');
  card.className = 'cd-empty-card';
  card.setAttribute('role', 'alert');
  const title = document.createElement('h1');
  title.className = 'cd-empty-title';
  title.textContent = 'Claimdesk could not start';
  const text = document.createElement('p');
  text.className = 'cd-empty-text';
  text.textContent = `Reload the page; if that does not help, restart Claimdesk (or the host, npm run serve). (${err instanceof Error ? err.message : String(err)})`;
  card.append(title, text);
  const main = document.createElement('main');
  main.className = 'cd-noapi';
  main.append(card);
  container.replaceChildren(main);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
start(root).catch((err: unknown) => showStartFailure(root, err));
