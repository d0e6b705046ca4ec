import { fetchSummary, readFilters, toQuery, type Filters } from './api.js';
import { renderCards } from './renderCards.js';
import { renderFilters } from './renderFilters.js';
import { renderLoss, renderRouteTable, renderTargets } from './renderTables.js';
import { renderTrends } from './renderTrends.js';
import './style.css';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
let requestId = 0;

async function load(filters: Filters): Promise<void> {
  const id = ++requestId;
  status.textContent = 'Loading…';
  document.body.dataset['state'] = 'loading';
  try {
    const summary = await fetchSummary(filters);
    if (id !== requestId) return; // a newer filter change won the race
    renderFilters($('filters'), filters, summary.routes, update);
    renderCards($('cards'), summary);
    renderTrends($('trends'), summary);
    renderRouteTable($('routes'), summary);
    renderTargets($('targets'), summary);
    renderLoss($('loss'), summary);
    status.textContent = `Updated ${new Date(summary.generatedAt).toLocaleTimeString()}`;
    document.body.dataset['state'] = 'ready';
  } catch (error) {
    status.textContent = `Could not load data: ${(error as Error).message}`;
    document.body.dataset['state'] = 'error';
  }
}

function update(filters: Filters): void {
  const query = toQuery(filters);
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
  void load(filters);
}

void load(readFilters(location.search));
// Field data trickles in: refresh while the tab is visible (every 10 s, or ?refresh=<seconds>, at least 2).
const refreshSeconds = Math.max(2, Number(new URLSearchParams(location.search).get('refresh')) || 10);
setInterval(() => {
  if (document.visibilityState === 'visible' && document.body.dataset['state'] !== 'loading') {
    void load(readFilters(location.search));
  }
}, refreshSeconds * 1000);
