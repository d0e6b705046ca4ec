import type { Page } from '@playwright/test';

/** What a visit downloaded. The build's own files are deterministic for a given build, so they are gated exactly. */
export interface PageFacts {
  /** The document, scripts, modulepreloaded chunks, stylesheets and preloads: the build's own files. */
  requests: number;
  /** Encoded (compressed) body bytes of those requests. */
  bytes: number;
  /**
   * Every request, images and API answers included. Shown, not gated: on the demo these move between runs of one
   * build (a second hero candidate in 3 of 6 first visits; the items API answered compressed or not).
   */
  allRequests: number;
  allBytes: number;
  /** Resources the browser marked render-blocking, by path without content hash, in request order. */
  renderBlocking: string[];
}

/**
 * Requests made at run time for data and content (images, fetch/XHR, beacons): not the build's files. Everything
 * else is: the document, scripts, `<link>` preloads and stylesheets, and modulepreloaded chunks (which Chromium
 * reports as `other`).
 */
const runtimeInitiators = new Set(['img', 'image', 'fetch', 'xmlhttprequest', 'beacon']);

/** Reads the page's Navigation and Resource Timing entries (Chromium reports `renderBlockingStatus`). */
export async function readPageFacts(page: Page): Promise<PageFacts> {
  const entries = await page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((entry) => {
      const timing = entry as PerformanceResourceTiming & { renderBlockingStatus?: string };
      return {
        name: timing.name,
        type: timing.initiatorType,
        bytes: timing.encodedBodySize,
        blocking: timing.renderBlockingStatus === 'blocking',
      };
    }),
  );
  const shipped = entries.filter((entry) => !runtimeInitiators.has(entry.type));
  return {
    requests: shipped.length,
    bytes: shipped.reduce((sum, entry) => sum + entry.bytes, 0),
    allRequests: entries.length,
    allBytes: entries.reduce((sum, entry) => sum + entry.bytes, 0),
    renderBlocking: entries.filter((entry) => entry.blocking).map((entry) => stablePath(entry.name)),
  };
}

/** `/assets/entry-BNKr9Cki.css` -> `/assets/entry.css`: the same resource across builds. */
export function stablePath(url: string): string {
  const { pathname } = new URL(url);
  return pathname.replace(/-[A-Za-z0-9_-]{8}(?=\.[a-z0-9]+$)/, '');
}
