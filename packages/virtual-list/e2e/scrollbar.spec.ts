import { chromiumLaunchOptions } from '../../../test-utils/chromium.js';
import { expect, test, visibleRows } from './support/fixtures.js';

// Playwright hides scrollbars in headless Chromium; these tests need one to drag.
test.use({ launchOptions: { ...chromiumLaunchOptions(), ignoreDefaultArgs: ['--hide-scrollbars'] } });

const rows = 100_000_000;

test('dragging the scrollbar thumb to the bottom reaches the last row; halfway is the middle', async ({ open }) => {
  const page = await open('fixed', `count=${rows}`);
  const box = await page.locator('.scroller').boundingBox();
  if (!box) throw new Error('no scroller box');
  const x = box.x + box.width - 6;
  // Below the scrollbar's arrow button, on the thumb.
  await page.mouse.move(x, box.y + 24);
  await page.mouse.down();
  await page.mouse.move(x, box.y + box.height / 2, { steps: 5 });
  await expect.poll(async () => (await visibleRows(page))[0]?.index ?? 0).toBeGreaterThan(rows * 0.4);
  expect((await visibleRows(page))[0]?.index).toBeLessThan(rows * 0.6);
  await page.mouse.move(x, box.y + box.height + 50, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByText(`Row ${rows - 1}`, { exact: true })).toBeInViewport();
});
