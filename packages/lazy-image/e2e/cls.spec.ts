import { emulateNetwork, expect, SLOW_4G, test } from './support/fixtures.js';
import { scrollThrough, trackLayoutShifts } from './support/pageHelpers.js';

for (const page of ['/?s=grid', '/?s=grid-observer', '/?s=hero', '/ssr-grid.html']) {
  test(`CLS is 0 while ${page} loads on slow 4G`, async ({ page: tab }) => {
    const cls = await trackLayoutShifts(tab);
    await emulateNetwork(tab, SLOW_4G);
    await tab.goto(page);
    await scrollThrough(tab);
    await expect.poll(() => tab.locator('[data-status="loading"]').count(), { timeout: 45_000 }).toBe(0);
    expect(await tab.locator('[data-status="loaded"]').count()).toBeGreaterThanOrEqual(12);
    expect(await cls()).toBe(0);
  });
}

test('the CLS measurement catches shifts: images without a reserved box move the text', async ({ page }) => {
  const cls = await trackLayoutShifts(page);
  await emulateNetwork(page, SLOW_4G);
  await page.goto('/?s=control');
  await expect.poll(() => page.evaluate(() => [...document.images].every((img) => img.complete))).toBe(true);
  expect(await cls()).toBeGreaterThan(0);
});
