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
  vitalNames,
} from './support/site.js';

const FIVE = ['CLS', 'FCP', 'INP', 'LCP', 'TTFB'];

test.describe('fast exits', () => {
  test('INP arrives when the page closes right after a click', async ({ page, site }) => {
    // The browser has timed the interaction, but web-vitals has not processed it yet: that waits for
    // an idle callback (1 s timeout), and the page closes now.
    const pageViewId = await loadAndClick(page, `${site.origin}/index.html`);
    await page.close();

    await expect.poll(async () => new Set(await eventNames(site, pageViewId))).toEqual(new Set([...FIVE, 'app-init']));
    const beacons = await expectNoGaps(site, pageViewId);
    const inp = beacons.flatMap((b) => b.events).filter((e) => e.type == 'vital' && e.name == 'INP');
    expect(inp).toHaveLength(1);
    expect(inp[0]?.value).toBeGreaterThanOrEqual(80);
  });

  test('collector down while the page is hidden: the next page view in the tab delivers all of it', async ({
    page,
    site,
  }) => {
    const pageViewId = await loadAndClick(page, `${site.origin}/index.html`);
    await site.down();
    try {
      const failed = page.waitForEvent('requestfailed', (r) => r.url().endsWith('/rum/collect'));
      await hideInPlace(page);
      await failed;
      // The hidden page is alive and read the failure: the write-ahead copy stays.
      expect(await outboxKeys(page)).toEqual([`${pageViewId}:0`]);
    } finally {
      await site.up();
    }
    expect(await site.beacons(pageViewId)).toEqual([]);

    // The next page view in the same tab replays the outbox in idle time.
    await page.goto(`${site.origin}/index.html`);
    expect(await pageViewIdOf(page)).not.toBe(pageViewId);
    await expect.poll(() => vitalNames(site, pageViewId), afterReplay).toEqual(FIVE);
    await expectNoGaps(site, pageViewId);
    await expect.poll(() => outboxKeys(page), afterReplay).toEqual([]);
  });

  test('a beacon whose answer never reached the hidden page is replayed from its copy and stored once', async ({
    context,
    page,
    site,
    duplicates,
  }) => {
    const from = Date.now();
    const duplicatesBefore = await site.collector.storage.countDuplicates();
    // A click makes web-vitals report LCP (input ends it) and INP.
    const pageViewId = await loadAndClick(page, `${site.origin}/index.html`);
    // The collector receives the beacon, but its answer never reaches the page: the connection
    // drops after the request went out.
    await page.route('**/rum/collect', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await hideInPlace(page);
    await expect.poll(() => vitalNames(site, pageViewId)).toEqual(FIVE);
    const delivered = await expectNoGaps(site, pageViewId);
    expect(await outboxKeys(page)).toEqual([`${pageViewId}:0`]);
    await page.close();

    // The next visit replays the copy; the collector recognises it as a duplicate and stores it once.
    duplicates.expected = 1;
    const next = await context.newPage();
    await next.goto(`${site.origin}/index.html`);
    await expect.poll(() => outboxKeys(next), afterReplay).toEqual([]);
    await expect.poll(() => site.collector.storage.countDuplicates(), afterReplay).toBe(duplicatesBefore + 1);
    expect(await site.beacons(pageViewId)).toEqual(delivered);

    // The delivery figures (this window holds only this page view) count every beacon once: no gap, no loss.
    expect(await site.collector.storage.deliveryLoss({ from })).toEqual({
      pageViews: 1,
      expected: delivered.length,
      received: delivered.length,
      missing: 0,
      lossRate: 0,
      clientDropped: 0,
    });
  });

  test('closed while the collector is down: the next visit delivers the last beacons from their copies', async ({
    context,
    page,
    site,
  }) => {
    // Every beacon this page sends is refused, whenever it arrives; the next visit is another URL.
    const closedPage = `${site.origin}/index.html?closed`;
    site.refuseBeaconsFrom(closedPage);
    try {
      const pageViewId = await loadAndClick(page, closedPage);
      await outboxOpened(page);
      await page.close();
      expect(await site.beacons(pageViewId)).toEqual([]);

      // The copies were written in the pagehide task; the next visit replays them in idle time.
      const next = await context.newPage();
      await next.goto(`${site.origin}/index.html`);
      await expect.poll(() => vitalNames(site, pageViewId), afterReplay).toEqual(FIVE);
      await expectNoGaps(site, pageViewId);
      await expect.poll(() => outboxKeys(next), afterReplay).toEqual([]);
    } finally {
      site.refuseBeaconsFrom(undefined);
    }
  });

  test('closed while the collector is up: the copy replayed at the next visit is stored once', async ({
    context,
    page,
    site,
    duplicates,
  }) => {
    const from = Date.now();
    const duplicatesBefore = await site.collector.storage.countDuplicates();
    const pageViewId = await loadAndClick(page, `${site.origin}/index.html`);
    await outboxOpened(page);
    await page.close();
    // Delivered by the close itself: no other page of this browser context replays anything yet.
    await expect.poll(() => vitalNames(site, pageViewId)).toEqual(FIVE);
    const delivered = await expectNoGaps(site, pageViewId);

    // A closed page can confirm nothing, so its copy is replayed: a duplicate, stored once.
    duplicates.expected = delivered.length;
    const next = await context.newPage();
    await next.goto(`${site.origin}/index.html`);
    await expect.poll(() => outboxKeys(next), afterReplay).toEqual([]);
    await expect
      .poll(() => site.collector.storage.countDuplicates(), afterReplay)
      .toBe(duplicatesBefore + delivered.length);
    expect(await site.beacons(pageViewId)).toEqual(delivered);
    // The delivery figures (this window holds only the closed page view) count every beacon once.
    expect(await site.collector.storage.deliveryLoss({ from })).toEqual({
      pageViews: 1,
      expected: delivered.length,
      received: delivered.length,
      missing: 0,
      lossRate: 0,
      clientDropped: 0,
    });
  });
});

/**
 * Resolves once the page's client has opened its outbox (it does as it starts): a copy is written at
 * close only on an open connection. The client's open creates the database in this fresh context,
 * and an open queued after it completes after it.
 */
async function outboxOpened(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name == 'pronto-rum')))
    .toBe(true);
  await outboxKeys(page);
}

/**
 * Loads a test page and clicks its button, waiting until the browser has timed the interaction (it
 * is INP's); web-vitals may not have processed it yet. Resolves with the page view id.
 */
async function loadAndClick(page: Page, url: string): Promise<string> {
  await page.goto(url);
  const pageViewId = await pageViewIdOf(page);
  await page.click('#work');
  await page.waitForFunction(() => window.interactions > 0);
  return pageViewId;
}
