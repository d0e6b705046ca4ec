import { StrictMode, type ReactElement } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import type { VirtualListHandle } from '../../src/index.js';

// Each scenario is its own page (`<scenario>/index.html`); the handle is exposed as window.list for the specs.
declare global {
  interface Window {
    list: VirtualListHandle | null;
    endReached: number[];
  }
}
window.endReached = [];

/** Row count from `?count=`, else 1,000. */
export const count = Number(new URLSearchParams(location.search).get('count') ?? 1000);

/** Deterministic uneven heights, 24..123 px, so measured lists differ from their estimate. */
export const heightOf = (index: number) => 24 + ((index * 7919) % 100);

/** Ref callback that exposes the list's handle to the specs. */
export const exposeList = (handle: VirtualListHandle | null) => {
  window.list = handle;
};

function rootElement(): HTMLElement {
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  return root;
}

/** Renders the scenario into #root. */
export function mount(element: ReactElement): void {
  createRoot(rootElement()).render(<StrictMode>{element}</StrictMode>);
}

/** Hydrates server-rendered markup in #root. */
export function hydrate(element: ReactElement): void {
  hydrateRoot(rootElement(), <StrictMode>{element}</StrictMode>);
}
