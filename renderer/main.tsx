/**
 * The renderer's entry: loads the styles, connects to the services (Electron bridge or the
 * browser host's HTTP API with the URL's token) and mounts the app, or explains how to open
 * it when there is no way to connect.
 *
 * The first load of the document list starts before React DOM and the app are evaluated: they
 * are imported dynamically (the build keeps them in the one bundle and evaluates them on import),
 * so the service prepares the list while their code starts. The entry waits briefly for the
 * workspace's answer first, because the list is asked for in that answer's callback, which would
 * otherwise wait until the app's code has run.
 */
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';
import { StrictMode } from 'react';
import { connect } from './api/client';
import { preloadWorkspace } from './api/workspace-preload';
import { NoApiMessage } from './components/NoApiMessage';

/** The longest the entry waits for the workspace's answer before starting the app anyway. */
const PRELOAD_WAIT_MS = 200;

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const api = connect(window);
if (api) await Promise.race([preloadWorkspace(api), new Promise((resolve) => setTimeout(resolve, PRELOAD_WAIT_MS))]);
const [{ createRoot }, { App }] = await Promise.all([import('react-dom/client'), import('./App')]);
createRoot(container).render(<StrictMode>{api ? <App api={api} /> : <NoApiMessage />}</StrictMode>);
