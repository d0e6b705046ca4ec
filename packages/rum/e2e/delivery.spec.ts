import type { Page } from '@playwright/test';
import {
  afterReplay,
  eventNames,
  expect,
  expectNoGaps,
  hideInPlace,
  outboxKeys,
  pageViewIdOf,
  test,
} from './support/site.js';

test.describe('delivery', () => {
  test('closing the page right after load still delivers', async ({ page, site }) => {
    await page.goto(`${site.origin}/index.html`);
    const pageViewId = await pageViewIdOf(page);
    await page.close();

    await expect
      .poll(() => eventNames(site, pageViewId))
      .toEqual(expect.arrayContaining(['TTFB', 'FCP', 'LCP', 'CLS']));
    await expectNoGaps(site, pageViewId);
  });

  test('a beacon produced offline arrives after reconnecting', async ({ page, context, site }) => {
    await page.goto(`${site.origin}/index.html`);
    const pageViewId = await pageViewIdOf(page);
    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await page.evaluate(() => window.rum.track('made-offline', 1));
    await hideInPlace(page);
    // Kept in IndexedDB, not lost to a sendBeacon that could not go out.
    await expect.poll(() => outboxCount(page)).toBeGreaterThan(0);
    expect(await site.beacons(pageViewId)).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => eventNames(site, pageViewId)).toContain('made-offline');
    await expect.poll(() => outboxCount(page)).toBe(0);
    await expectNoGaps(site, pageViewId);
  });

  test('a beacon that failed while the collector was down arrives once it is back', async ({
    page,
    site,
    duplicates,
  }) => {
    await page.goto(`${site.origin}/index.html`);
    const pageViewId = await pageViewIdOf(page);
    await site.down();
    try {
      await page.evaluate(() => {
        window.rum.track('while-down', 1);
        return window.rum.flush();
      });
      expect(await outboxCount(page)).toBe(1);
    } finally {
      await site.up();
    }
    expect(await site.beacons(pageViewId)).toEqual([]);
    // The next page load replays the outbox in idle time.
    await page.reload();
    await expect.poll(() => eventNames(site, pageViewId), afterReplay).toContain('while-down');
    await expect.poll(() => outboxCount(page), afterReplay).toBe(0);
    const beacons = await expectNoGaps(site, pageViewId);
    // The reload unloaded the page, which cannot confirm what it sent then: those copies (every
    // beacon after the first) were replayed too, and the collector stored them once.
    duplicates.expected = beacons.length - 1;
  });

  test('nothing leaves before consent; everything queued does after it', async ({ page, site }) => {
    await page.goto(`${site.origin}/index.html?consent`);
    const pageViewId = await pageViewIdOf(page);
    await page.evaluate(() => window.rum.track('before-consent', 1));
    await hideInPlace(page);
    expect(await outboxCount(page)).toBe(0);
    expect(await site.beacons(pageViewId)).toEqual([]);

    await page.evaluate(() => window.rum.setConsent(true));
    await page.close();
    await expect.poll(() => eventNames(site, pageViewId)).toEqual(expect.arrayContaining(['before-consent', 'TTFB']));
    await expectNoGaps(site, pageViewId);
  });
});

/** Beacons waiting in the page's IndexedDB outbox. */
const outboxCount = async (page: Page): Promise<number> => (await outboxKeys(page)).length;
