import type { CDPSession, Page } from '@playwright/test';

/** Waits until a service worker controls the page (reloading once: the first load is never controlled). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (await page.evaluate(() => navigator.serviceWorker.controller !== null)) return;
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * Waits until one of the service worker's caches holds a response for a URL whose path is `pathname` (any query).
 * A page gets its answer before the worker's cache write ends, so a test that goes offline right after the page
 * rendered the data could find the cache still empty.
 */
export async function waitForCachedResponse(page: Page, pathname: string): Promise<void> {
  await page.waitForFunction(async (path) => {
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      if (requests.some((request) => new URL(request.url).pathname === path)) return true;
    }
    return false;
  }, pathname);
}

/**
 * Fires a Background Sync event in the page's service worker through the DevTools protocol, so a test
 * decides when replay happens instead of waiting for the browser's own schedule. `page` only carries the
 * DevTools session: it may be a blank page, so that no page of the app can send the outbox itself.
 */
export async function dispatchSync(page: Page, origin: string, tag: string): Promise<void> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    session.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const registration = registrations.find(
        (candidate) => candidate.scopeURL.startsWith(origin) && !candidate.isDeleted,
      );
      if (registration) resolve(registration.registrationId);
    });
  });
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.dispatchSyncEvent', {
    origin,
    registrationId: await registrationId,
    tag,
    lastChance: false,
  });
  await session.detach();
}
