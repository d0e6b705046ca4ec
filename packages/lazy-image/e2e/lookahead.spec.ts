import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { frames } from './support/pageHelpers.js';
import type { TestServer } from './support/startServer.js';

// The default loading of <LazyImage>: what is in view, plus what the scroll will reach within a second. The gallery
// page: a hero, then 60 photos in 400 px cells, three to a row.

/** Gallery cells whose photo was requested, in order. */
function requestedCells(server: TestServer): number[] {
  const cells = server.requestsFor('/img/gallery-').map((r) => Number(/gallery-(\d+)-/.exec(r.path)?.[1]));
  return [...new Set(cells)].sort((a, b) => a - b);
}

/** Cells overlapping the viewport now. */
function cellsInView(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-cell]')]
      .filter((cell) => {
        const box = cell.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      })
      .map((cell) => Number(cell.dataset.cell)),
  );
}

/** Where each cell's top is, relative to the viewport's bottom edge. */
function distancesBelowViewport(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-cell]')].map((cell) => cell.getBoundingClientRect().top - innerHeight),
  );
}

/** Scrolls from the current position to `to` at `speed` px/s, the position set from elapsed time each frame. */
function scrollAt(page: Page, to: number, speed: number): Promise<void> {
  return page.evaluate(
    ([target, pxPerSecond]) =>
      new Promise<void>((resolve) => {
        const from = scrollY;
        let start: number | undefined;
        const step = (now: number): void => {
          start ??= now;
          const y = Math.min(target, from + ((now - start) / 1000) * pxPerSecond);
          scrollTo(0, y);
          if (y >= target) resolve();
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    [to, speed] as const,
  );
}

async function openGallery(page: Page): Promise<number[]> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/?s=scroll-ours');
  const inView = await cellsInView(page);
  for (const cell of inView)
    await expect(page.locator(`[data-cell="${cell}"] > span`)).toHaveAttribute('data-status', 'loaded');
  return inView;
}

test('at rest, only the images in view are requested', async ({ page, server }) => {
  const inView = await openGallery(page);
  expect(inView.length).toBeGreaterThan(0);
  // The scheduler acts on frames: give it several with nothing scrolling.
  await frames(page, 10);
  expect(requestedCells(server)).toEqual(inView);
});

test('a scroll starts the images it will reach within a second, before they enter the viewport', async ({
  page,
  server,
}) => {
  await openGallery(page);
  await scrollAt(page, 1500, 600);
  const below = await distancesBelowViewport(page);
  const requested = requestedCells(server);
  // Started ahead: at least one requested cell is still below the viewport.
  expect(requested.some((cell) => (below[cell] ?? 0) > 0)).toBe(true);
  // ...and no further ahead than one second of this scroll (positions only came closer since).
  for (const cell of requested) expect(below[cell]).toBeLessThanOrEqual(600);
  // Once the scroll stops, nothing more starts but what is in view.
  await frames(page, 10);
  const inView = await cellsInView(page);
  expect(requestedCells(server).filter((cell) => !requested.includes(cell) && !inView.includes(cell))).toEqual([]);
});

test('a fling does not load the images it passes, and loads where it stops', async ({ page, server }) => {
  const before = await openGallery(page);
  const bottom = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  // 8,000 px/s: each row is in view for about 0.14 s, too short to be worth its download.
  await scrollAt(page, bottom, 8000);
  const after = await cellsInView(page);
  for (const cell of after)
    await expect(page.locator(`[data-cell="${cell}"] > span`)).toHaveAttribute('data-status', 'loaded');
  const passed = requestedCells(server).filter((cell) => !before.includes(cell) && !after.includes(cell));
  expect(passed).toEqual([]);
});

test('an image brought into view by a layout change, without a scroll, loads', async ({ page }) => {
  await openGallery(page);
  const target = page.locator('[data-cell="30"] > span');
  await expect(target).toHaveAttribute('data-status', 'loading');
  // Pull the cells up over the hero: cell 30 is now in view, and no scroll event was fired.
  await page.evaluate(() => {
    const cell = document.querySelector<HTMLElement>('[data-cell="30"]');
    const cells = document.querySelector<HTMLElement>('.cells');
    if (!cell || !cells) throw new Error('gallery not rendered');
    cells.style.marginTop = `${-cell.getBoundingClientRect().top + 100}px`;
  });
  await expect(target).toHaveAttribute('data-status', 'loaded');
});
