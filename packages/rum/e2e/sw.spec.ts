import { afterReplay, eventNames, expect, expectNoGaps, outboxKeys, pageViewIdOf, test } from './support/site.js';

test('the service worker replays the outbox on Background Sync', async ({ page, context, site, duplicates }) => {
  await page.goto(`${site.origin}/sw.html`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const firstView = await pageViewIdOf(page);
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const pageViewId = await pageViewIdOf(page);
  // The reload unloaded the first view, whose copies the new one replays: stored once, each a duplicate.
  await expect.poll(() => outboxKeys(page), afterReplay).toEqual([]);
  const replayedCopies = (await expectNoGaps(site, firstView)).length;
  const duplicatesBefore = await site.collector.storage.countDuplicates();

  const cdp = await context.newCDPSession(page);
  const registration = new Promise<string>((resolve) =>
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const id = registrations.find((r) => r.scopeURL.startsWith(site.origin))?.registrationId;
      if (id) resolve(id);
    }),
  );
  await cdp.send('ServiceWorker.enable');
  const registrationId = await registration;

  await site.down();
  try {
    await page.evaluate(() => {
      window.rum.track('parked-for-sw', 1);
      return window.rum.flush();
    });
  } finally {
    await site.up();
  }
  expect(await site.beacons(pageViewId)).toEqual([]);

  // The page does not reload or go online again: only the service worker can deliver it now.
  await cdp.send('ServiceWorker.dispatchSyncEvent', {
    origin: site.origin,
    registrationId,
    tag: 'pronto-rum',
    lastChance: false,
  });
  await expect.poll(() => eventNames(site, pageViewId)).toContain('parked-for-sw');
  await expectNoGaps(site, pageViewId);
  // Chromium may also fire the registered sync by itself, and two replays at once can both send the
  // parked copy: the collector stores it once, and counts at most that one duplicate.
  const duplicatesAfter = await site.collector.storage.countDuplicates();
  expect(duplicatesAfter - duplicatesBefore).toBeLessThanOrEqual(1);
  expect(duplicatesBefore).toBeGreaterThanOrEqual(replayedCopies);
  duplicates.expected = undefined;
});

test('pages closed under a service worker with a fetch handler deliver their last beacon', async ({
  context,
  site,
  duplicates,
}) => {
  // Each page replays the copies the closed ones left (one cut short by its own navigation is resent
  // later): those duplicates vary in number. Delivery is checked close by close instead.
  duplicates.expected = undefined;
  const first = await context.newPage();
  await first.goto(`${site.origin}/sw.html`);
  await first.evaluate(() => navigator.serviceWorker.ready);
  await first.close();

  // One close is not enough to see the loss: without the route, 4 of 6 runs of this test lost at least one
  // page view (Chromium 156). Each page view must arrive before the next page opens: a page of this
  // origin would replay the copies the closed one left, and deliver what the close itself lost.
  for (let i = 0; i < 20; i++) {
    const page = await context.newPage();
    await page.goto(`${site.origin}/sw.html`);
    expect(await page.evaluate(() => fetch('/sw-version').then((r) => r.text()))).toBe('e2e');
    const pageViewId = await pageViewIdOf(page);
    // Painted, so FCP is reported by the time the page goes (on a loaded machine it can be later).
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    await page.goto('about:blank');
    await page.close();
    await expect.poll(() => eventNames(site, pageViewId)).toEqual(expect.arrayContaining(['FCP', 'TTFB', 'app-init']));
    await expectNoGaps(site, pageViewId);
  }
});
