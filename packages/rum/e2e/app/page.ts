import type { Rum } from '@pronto/rum';

declare global {
  interface Window {
    rum: Rum;
    /** Interactions the browser has timed so far (Event Timing), for tests to wait on. */
    interactions: number;
    /** Set when the page came back from the back/forward cache. */
    restoredFromBfcache: boolean;
  }
}

/** Wires the test page: a late banner (layout shift), a slow button (INP) and a user timing. */
export function setUpPage(rum: Rum): void {
  window.rum = rum;
  window.interactions = 0;
  window.restoredFromBfcache = false;
  addEventListener('pageshow', (e) => (window.restoredFromBfcache ||= e.persisted));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceEventTiming[]) if (e.interactionId) window.interactions++;
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);

  // A banner inserted after the first paint pushes the content down: a layout shift with no input.
  requestAnimationFrame(() =>
    setTimeout(() => {
      const banner = document.createElement('div');
      banner.style.height = '120px';
      banner.textContent = 'Late banner';
      document.body.prepend(banner);
    }, 50),
  );

  document.querySelector('#work')?.addEventListener('click', () => {
    const end = performance.now() + 80;
    while (performance.now() < end);
    document.querySelector('#out')!.textContent = 'done';
  });

  performance.measure('app-init', { start: 0, end: performance.now() });
}
