import { expect, expectNoGaps, pageViewIdOf, test } from './support/site.js';

test('<RumProvider> route changes: soft-navigation vitals and events on the new route', async ({ page, site }) => {
  await page.goto(`${site.origin}/spa.html`);
  const pageViewId = await pageViewIdOf(page);
  await page.click('#to-item');
  await expect(page.locator('#item')).toBeVisible();
  // The browser's Soft Navigation API reports the click + URL change + paint as a soft navigation.
  await page.waitForFunction(() => performance.getEntriesByType('soft-navigation').length > 0);
  await page.close();

  const events = async () => (await site.beacons(pageViewId)).flatMap((b) => b.events);
  await expect.poll(events).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ type: 'custom', name: 'item-view', route: '/spa/items/:id' }),
      expect.objectContaining({ type: 'vital', name: 'FCP', navigationType: 'navigate', route: '/spa.html' }),
      expect.objectContaining({
        type: 'vital',
        navigationType: 'soft-navigation',
        navigationURL: '/spa/items/42',
        route: '/spa/items/:id',
      }),
    ]),
  );
  const beacons = await expectNoGaps(site, pageViewId);
  expect(beacons.at(-1)?.context.route).toBe('/spa/items/:id');
});
