import { test as base, type CDPSession, type Page } from '@playwright/test';
import { buildSite } from './buildSite.js';
import { startServer, type TestServer } from './startServer.js';

/** Chrome DevTools' "Slow 4G" preset: 150 ms RTT, 1.6 Mbps down, 750 kbps up. */
export const SLOW_4G = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
/** Chrome DevTools' "3G" preset: 300 ms RTT, 780 kbps down (navigator.connection reports 3g). */
export const SLOW_3G = { latency: 300, downloadThroughput: (780 * 1024) / 8, uploadThroughput: (330 * 1024) / 8 };

/** Throttles the page's network through CDP, as DevTools does. */
export async function emulateNetwork(page: Page, conditions: typeof SLOW_4G): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });
  return cdp;
}

/** Collects uncaught page errors, console errors and CSP violations; a test ends by expecting none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A failed image load logs "Failed to load resource"; that is the scenario, not a bug.
    if (message.type() === 'error' && !message.text().includes('Failed to load resource')) errors.push(message.text());
  });
  return errors;
}

export const test = base.extend<{ server: TestServer }, { site: TestServer }>({
  site: [
    async ({}, use) => {
      const server = await startServer(await buildSite());
      await use(server);
      await server.close();
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  server: async ({ site }, use) => {
    site.reset();
    await use(site);
  },
  baseURL: async ({ site }, use) => use(site.origin),
});

export { expect } from '@playwright/test';
