import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App.js';
import './page.css';

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
const scenario = root.dataset.scenario ?? new URLSearchParams(location.search).get('s') ?? 'grid';
const app = (
  <StrictMode>
    <App scenario={scenario} />
  </StrictMode>
);
// Pre-rendered pages (ssr-*.html) hydrate; the others render on the client.
if (root.dataset.scenario) hydrateRoot(root, app);
else createRoot(root).render(app);
