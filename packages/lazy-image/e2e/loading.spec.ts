import { expect, test } from './support/fixtures.js';
import { frames } from './support/pageHelpers.js';

test('an offscreen image is not requested until within the distance, and 600px starts it before it is visible', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto('/?s=distance');
  const box = page.locator('[data-status]');
  await frames(page);
  expect(server.requestsFor('/thumb-5-')).toEqual([]);

  const top = await box.evaluate((el) => el.getBoundingClientRect().top + scrollY);
  // 700 px below the viewport: outside the 600 px distance.
  await page.evaluate((y) => scrollTo(0, y), top - 800 - 700);
  await frames(page);
  expect(server.requestsFor('/thumb-5-')).toEqual([]);

  // 400 px below the viewport: inside the distance, still invisible.
  await page.evaluate((y) => scrollTo(0, y), top - 800 - 400);
  await expect.poll(() => server.requestsFor('/thumb-5-').length).toBe(1);
  expect(await box.evaluate((el) => el.getBoundingClientRect().top - innerHeight)).toBeGreaterThan(300);
  await expect(box).toHaveAttribute('data-status', 'loaded');
});

test('by default an image in view gets an eager <img>, decoding=async, with its measured width as sizes', async ({
  page,
}) => {
  await page.goto('/?s=grid');
  const img = page.locator('img').first();
  await expect(img).toHaveAttribute('loading', 'eager');
  await expect(img).toHaveAttribute('decoding', 'async');
  await expect(img).toHaveAttribute('sizes', /^\d+px$/);
  await expect(page.locator('[data-status]').first()).toHaveAttribute('data-status', 'loaded');
  // The measured width: a ~230 px wide cell at 1x takes the 320w file, not the 640w one.
  expect(await img.evaluate((el: HTMLImageElement) => el.currentSrc)).toMatch(/thumb-0-320\.jpg$/);
});
