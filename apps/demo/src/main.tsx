import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startNotesSync } from './notes/syncInPage';
import { reloadOnStaleChunk } from './pwa/reloadOnStaleChunk';
import './styles.css';

reloadOnStaleChunk();
startNotesSync();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
