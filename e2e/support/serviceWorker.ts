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
