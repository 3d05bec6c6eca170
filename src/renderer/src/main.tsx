// Renderer entry: choose the transport, start the services, render the app.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/create-client';
import { App } from './app/App';
import { createServices } from './app/services';
import { applyDisplay, readDisplayHint } from './settings/display-hint';
import './styles/theme.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/controls.css';
import './styles/table.css';
import './styles/views.css';
import './styles/analysis.css';
import './styles/casework.css';
import './styles/suggestions.css';
import './flow/flow.css';
import './unlock/unlock.css';

// Paint in the last theme and language before the settings arrive.
applyDisplay(readDisplayHint());

// A file dropped anywhere but the drop zone must not make the window navigate to it.
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

const services = createServices(createApiClient());
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <App services={services} />
  </StrictMode>,
);
