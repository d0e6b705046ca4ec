import { emulateNetwork, expect, SLOW_3G, test } from './support/fixtures.js';
import { fakeConnection, frames } from './support/pageHelpers.js';

test.use({ deviceScaleFactor: 2 });

test('on a fast connection a 2x screen gets the 640w candidate for a 320 px image', async ({ page, server }) => {
  await page.goto('/?s=adaptive');
  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'loaded');
  expect(server.requestsFor('/thumb-7-').map((r) => r.path)).toEqual(['/img/thumb-7-640.jpg']);
});

test('with Save-Data the smaller candidate is picked', async ({ page, server }) => {
  await fakeConnection(page, { saveData: true, effectiveType: '4g' });
  await page.setExtraHTTPHeaders({ 'Save-Data': 'on' });
  await page.goto('/?s=adaptive');
  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'loaded');
  expect(server.requestsFor('/thumb-7-').map((r) => [r.path, r.headers['save-data']])).toEqual([
    ['/img/thumb-7-320.jpg', 'on'],
  ]);
});

test('on an emulated 3G link (CDP) the smaller candidate is picked', async ({ page, server }) => {
  await emulateNetwork(page, SLOW_3G);
  await page.goto('/?s=adaptive');
  expect(
    await page.evaluate(() => (navigator as { connection?: { effectiveType: string } }).connection?.effectiveType),
  ).toBe('3g');
  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'loaded', { timeout: 20_000 });
  expect(server.requestsFor('/thumb-7-').map((r) => r.path)).toEqual(['/img/thumb-7-320.jpg']);
});

test('with Save-Data offscreen images wait for the viewport instead of loading early', async ({ page, server }) => {
  await page.setViewportSize({ width: 1000, height: 600 });
  await fakeConnection(page, { saveData: true, effectiveType: '4g' });
  await page.goto('/?s=grid');
  await expect(page.locator('[data-status]').first()).toHaveAttribute('data-status', 'loaded');
  await frames(page);
  const visible = await page
    .locator('[data-status]')
    .evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().top < innerHeight).length);
  expect(server.requestsFor('/thumb-')).toHaveLength(visible);
  expect(visible).toBeLessThan(24);
});
