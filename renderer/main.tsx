/**
 * The renderer's entry: loads the styles, connects to the services (Electron bridge or the
 * browser host's HTTP API with the URL's token) and mounts the app, or explains how to open
 * it when there is no way to connect.
 *
 * The first load of the document list starts before React DOM and the app are evaluated: they
 * are imported dynamically (the build keeps them in the one bundle and evaluates them on import),
 * so the service prepares the list while their code starts. The entry waits briefly for the
 * workspace's answer first, because the list is asked for in that answer's callback, which would
 * otherwise wait until the app's code has run; and briefly for the list before the first render,
 * so that render shows it rather than an empty list drawn and laid out once more right after.
 */
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';
import './controls.css';
import './dialogs.css';
import { StrictMode } from 'react';
import { connect } from './api/client';
import { preloadWorkspace } from './api/workspace-preload';
import { NoApiMessage } from './components/NoApiMessage';

/** The longest the entry waits for the service at each of the two points, before going on without it. */
const PRELOAD_WAIT_MS = 150;

const atMost = (promise: Promise<void>) => Promise.race([promise, new Promise<void>((resolve) => setTimeout(resolve, PRELOAD_WAIT_MS))]);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const api = connect(window);
const preload = api ? preloadWorkspace(api) : null;
if (preload) await atMost(preload.listRequested);
const [{ createRoot }, { App }] = await Promise.all([import('react-dom/client'), import('./App')]);
if (preload) await atMost(preload.settled);
createRoot(container).render(<StrictMode>{api ? <App api={api} /> : <NoApiMessage />}</StrictMode>);
