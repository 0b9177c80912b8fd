/**
 * The renderer's entry: loads the styles, connects to the services (Electron bridge or the
 * browser host's HTTP API with the URL's token) and mounts the app, or explains how to open
 * it when there is no way to connect.
 */
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/client';
import { App } from './App';
import { NoApiMessage } from './components/NoApiMessage';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const api = connect(window);
createRoot(container).render(<StrictMode>{api ? <App api={api} /> : <NoApiMessage />}</StrictMode>);
