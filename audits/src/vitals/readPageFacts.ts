import type { Page } from '@playwright/test';

/** What a visit downloaded: deterministic for a given build at a fixed viewport, so gated exactly. */
export interface PageFacts {
  /** The document plus every resource the page requested (Resource Timing). */
  requests: number;
  /** Encoded (compressed) body bytes of those requests. */
  bytes: number;
  /** Resources the browser marked render-blocking, by path without content hash, in request order. */
  renderBlocking: string[];
}

/** Reads the page's Navigation and Resource Timing entries (Chromium reports `renderBlockingStatus`). */
export async function readPageFacts(page: Page): Promise<PageFacts> {
  const entries = await page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((entry) => {
      const timing = entry as PerformanceResourceTiming & { renderBlockingStatus?: string };
      return { name: timing.name, bytes: timing.encodedBodySize, blocking: timing.renderBlockingStatus === 'blocking' };
    }),
  );
  return {
    requests: entries.length,
    bytes: entries.reduce((sum, entry) => sum + entry.bytes, 0),
    renderBlocking: entries.filter((entry) => entry.blocking).map((entry) => stablePath(entry.name)),
  };
}

/** `/assets/entry-BNKr9Cki.css` -> `/assets/entry.css`: the same resource across builds. */
export function stablePath(url: string): string {
  const { pathname } = new URL(url);
  return pathname.replace(/-[A-Za-z0-9_-]{8}(?=\.[a-z0-9]+$)/, '');
}
