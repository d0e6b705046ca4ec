import { chromiumLaunchOptions } from '../../../test-utils/chromium.js';
import { expect, expectNoGaps, pageViewIdOf, test } from './support/site.js';

// Playwright starts Chromium with the back/forward cache off; this file turns it back on.
const launchOptions = chromiumLaunchOptions();
test.use({ launchOptions: { ...launchOptions, ignoreDefaultArgs: ['--disable-back-forward-cache'] } });

test('a bfcache restore reports a new navigation with navigationType back-forward-cache', async ({ page, site }) => {
  await page.goto(`${site.origin}/index.html`);
  const pageViewId = await pageViewIdOf(page);
  await page.click('#next');
  await expect(page.locator('#other')).toBeVisible();
  // A restore fires no load event, so wait for the commit and then for pageshow(persisted).
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForFunction(() => window.restoredFromBfcache);
  // Same document, same page view: the restore is told apart by navigationType.
  expect(await pageViewIdOf(page)).toBe(pageViewId);
  await page.close();

  const navigationTypes = async () =>
    (await site.beacons(pageViewId))
      .flatMap((b) => b.events)
      .flatMap((e) => (e.type == 'vital' ? [`${e.name}:${e.navigationType}`] : []));
  await expect
    .poll(navigationTypes)
    .toEqual(
      expect.arrayContaining([
        'TTFB:navigate',
        'FCP:navigate',
        'FCP:back-forward-cache',
        'LCP:back-forward-cache',
        'CLS:back-forward-cache',
      ]),
    );
  const beacons = await expectNoGaps(site, pageViewId);
  // At least one beacon left at the first hide, one after the restore.
  expect(beacons.length).toBeGreaterThanOrEqual(2);
});
