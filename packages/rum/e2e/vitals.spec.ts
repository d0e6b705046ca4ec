import { eventNames, expect, expectNoGaps, interactionProcessed, pageViewIdOf, test } from './support/site.js';

test.describe('web vitals reach a real collector', () => {
  test('all five metrics arrive after a load, a click and leaving the page', async ({ page, site }) => {
    await page.goto(`${site.origin}/index.html`);
    const pageViewId = await pageViewIdOf(page);
    await page.click('#work');
    await expect(page.locator('#out')).toHaveText('done');
    await interactionProcessed(page);
    // Leaving the page is a real hide: pagehide, then visibilitychange.
    await page.click('#next');
    await expect(page.locator('#other')).toBeVisible();

    await expect
      .poll(async () => new Set(await eventNames(site, pageViewId)))
      .toEqual(new Set(['TTFB', 'FCP', 'LCP', 'CLS', 'INP', 'app-init']));
    const beacons = await expectNoGaps(site, pageViewId);
    const vitals = beacons.flatMap((b) => b.events).filter((e) => e.type == 'vital');
    for (const v of vitals) {
      expect(v).toMatchObject({ navigationType: 'navigate', navigationURL: '/index.html', route: '/index.html' });
      expect(v.value).toBeGreaterThanOrEqual(0);
    }
    expect(vitals.find((v) => v.name == 'INP')?.value).toBeGreaterThanOrEqual(80);
    expect(vitals.find((v) => v.name == 'CLS')?.value).toBeGreaterThan(0);
    expect(beacons[0]?.context).toMatchObject({ route: '/index.html', appVersion: 'e2e', deviceClass: 'desktop' });
  });

  test('the attribution entry names the LCP element and the INP target', async ({ page, site }) => {
    await page.goto(`${site.origin}/attribution.html`);
    const pageViewId = await pageViewIdOf(page);
    await page.click('#work');
    await interactionProcessed(page);
    await page.close();

    const vital = async (name: string) =>
      (await site.beacons(pageViewId)).flatMap((b) => b.events).find((e) => e.type == 'vital' && e.name == name);
    await expect.poll(() => vital('LCP')).toMatchObject({ attribution: { target: '#hero' } });
    await expect
      .poll(() => vital('INP'))
      .toMatchObject({ attribution: { target: '#work', interactionType: 'pointer' } });
    await expectNoGaps(site, pageViewId);
  });
});
