import type { Page } from '@playwright/test';
import { expect, test, visibleRows } from './support/fixtures.js';

const focusedIndex = (page: Page) =>
  page.evaluate(() => Number((document.activeElement as HTMLElement | null)?.dataset.index ?? -1));

test('keyboard navigation keeps the focused row mounted and visible', async ({ open }) => {
  const page = await open('measured', 'count=100000');
  await page.locator('[data-index="0"]').focus();
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowDown');
  expect(await focusedIndex(page)).toBe(25);
  await expect(page.locator(':focus')).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  const afterPages = await focusedIndex(page);
  expect(afterPages).toBeGreaterThan(30);
  await expect(page.locator(':focus')).toBeInViewport({ ratio: 1 });
  // Scroll far away: the focused row leaves the rendered window but stays mounted and focused.
  await page.evaluate(() => window.list?.scrollToIndex(50_000, { align: 'start' }));
  await expect(page.getByText('Row 50000', { exact: true })).toBeInViewport();
  expect(await focusedIndex(page)).toBe(afterPages);
  await page.keyboard.press('ArrowDown');
  expect(await focusedIndex(page)).toBe(afterPages + 1);
  await expect(page.locator(':focus')).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('End');
  expect(await focusedIndex(page)).toBe(99_999);
  await expect(page.locator(':focus')).toBeInViewport({ ratio: 1 });
});

test('sticky group headers stick to the top and are pushed out by the next one', async ({ open }) => {
  const page = await open('sticky', 'count=1000');
  const sticky = page.locator('[data-sticky]');
  const topOf = async () =>
    page.evaluate(() => {
      const header = document.querySelector('[data-sticky]');
      const scroller = window.list?.element;
      if (!header || !scroller) return Number.NaN;
      return header.getBoundingClientRect().top - scroller.getBoundingClientRect().top - scroller.clientTop;
    });
  await page.evaluate(() => window.list?.scrollToOffset(30 * 15));
  await expect(sticky).toHaveText('Group 1');
  await expect.poll(topOf).toBe(0);
  // Group 2's header starts at 600 px: 10 px below the top edge it pushes Group 1 up by 20 px.
  await page.evaluate(() => window.list?.scrollToOffset(30 * 19 + 20));
  await expect(sticky).toHaveText('Group 1');
  await expect.poll(topOf).toBe(-20);
  await page.evaluate(() => window.list?.scrollToOffset(30 * 35));
  await expect(sticky).toHaveText('Group 3');
  await expect.poll(topOf).toBe(0);
  await expect(page.getByText('Group 3')).toHaveCount(1);
});

test('chat mode starts at the end, keeps its place when older messages are prepended, follows new ones', async ({
  open,
}) => {
  const page = await open('chat');
  await expect(page.getByText('Message 1049', { exact: true })).toBeInViewport();
  await expect.poll(async () => (await visibleRows(page)).at(-1)?.bottom).toBeCloseTo(600, 0);
  await page.evaluate(() => window.list?.scrollToIndex(30, { align: 'start' }));
  await expect.poll(async () => (await visibleRows(page))[0]?.text).toBe('Message 1030');
  const before = (await visibleRows(page))[0];
  await page.getByRole('button', { name: 'Load older' }).click();
  await expect(page.locator('[role="listitem"]').first()).toHaveAttribute('aria-setsize', '70');
  // Same message, same place on screen, before and after the older ones are measured.
  await expect
    .poll(async () => (await visibleRows(page)).find((row) => row.text === before?.text)?.top)
    .toBeCloseTo(before?.top ?? Number.NaN, 0);
  await page.evaluate(() => window.list?.scrollToIndex(69, { align: 'end' }));
  await expect(page.getByText('Message 1049', { exact: true })).toBeInViewport();
  await expect.poll(() => page.evaluate(() => window.list?.getState().isScrolling)).toBe(false);
  await page.getByRole('button', { name: 'New message' }).click();
  await expect(page.getByText('Message 1050', { exact: true })).toBeInViewport();
  await expect.poll(async () => (await visibleRows(page)).at(-1)?.bottom).toBeCloseTo(600, 0);
});

test('onEndReached fires for content shorter than the viewport, once per page', async ({ open }) => {
  const page = await open('end-reached');
  await expect(page.getByText('Row 8', { exact: true })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.endReached)).toEqual([3, 6, 9]);
});

test('the position is restored after navigating away and back', async ({ open }) => {
  const page = await open('restore', 'count=10000');
  await page.evaluate(() => window.list?.scrollToIndex(5000, { align: 'start' }));
  const box = await page.locator('.scroller').boundingBox();
  if (!box) throw new Error('no scroller');
  await page.mouse.move(box.x + 100, box.y + 100);
  await page.mouse.wheel(0, 137);
  await expect.poll(async () => (await visibleRows(page))[0]?.index).toBeGreaterThan(5000);
  await expect.poll(() => page.evaluate(() => window.list?.getState().isScrolling)).toBe(false);
  const before = await visibleRows(page);
  await page.getByRole('button', { name: `Item ${before[2]?.index}` }).click();
  await expect(page.getByRole('heading', { name: `Item ${before[2]?.index}` })).toBeVisible();
  // In-app back.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect.poll(async () => (await visibleRows(page)).slice(0, 5)).toEqual(before.slice(0, 5));
  // A real navigation away and the browser's back button (a fresh page load).
  await page.getByRole('button', { name: `Item ${before[2]?.index}` }).click();
  await page.goto(page.url().replace('/restore/', '/fixed/'));
  await page.goBack();
  await expect.poll(async () => (await visibleRows(page)).slice(0, 5)).toEqual(before.slice(0, 5));
});

// Tagged @timing: whether a row is painted in every frame depends on the CPU this page gets, so the test runs
// alone, after the parallel projects (playwright.config.ts).
test(
  'no blank viewport while flinging fast through measured rows under 4x CPU throttling',
  { tag: '@timing' },
  async ({ open }) => {
    const page = await open('measured', 'count=100000');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    // Every frame, probe 7 points down the viewport: each must hit a row.
    await page.evaluate(() => {
      const state = { frames: 0, blank: 0, running: true };
      (window as unknown as { probe: typeof state }).probe = state;
      const scroller = window.list?.element;
      if (!scroller) throw new Error('no scroller');
      const box = scroller.getBoundingClientRect();
      const tick = () => {
        if (!state.running) return;
        state.frames++;
        for (let i = 0; i < 7; i++) {
          const hit = document.elementFromPoint(box.left + 50, box.top + 5 + (i * (scroller.clientHeight - 10)) / 6);
          if (!hit?.closest('[role="listitem"]')) {
            state.blank++;
            break;
          }
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const box = await page.locator('.scroller').boundingBox();
    if (!box) throw new Error('no scroller');
    await page.mouse.move(box.x + 100, box.y + 100);
    for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 2000);
    await expect.poll(async () => (await visibleRows(page))[0]?.index ?? 0).toBeGreaterThan(500);
    const result = await page.evaluate(() => {
      const state = (window as unknown as { probe: { frames: number; blank: number; running: boolean } }).probe;
      state.running = false;
      return state;
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(result.frames).toBeGreaterThan(5);
    expect(result.blank).toBe(0);
  },
);

test('window scrolling: rows follow the page scroll and scrollToIndex works', async ({ open }) => {
  const page = await open('window', 'count=100000');
  await page.evaluate(() => window.scrollTo(0, 200 + 60 * 500));
  await expect.poll(async () => (await visibleRows(page))[0]?.index ?? 0).toBeGreaterThan(300);
  await page.evaluate(() => window.list?.scrollToIndex(70_000, { align: 'start' }));
  await expect(page.getByText('Row 70000', { exact: true })).toBeInViewport();
  await expect.poll(async () => (await visibleRows(page))[0]?.index).toBe(70_000);
  await expect.poll(async () => (await visibleRows(page))[0]?.top).toBeCloseTo(0, 0);
});

test('scrolling up through rows taller or shorter than the estimate does not jump', async ({ open }) => {
  const page = await open('measured', 'count=100000');
  await page.evaluate(() => window.list?.scrollToIndex(60_000, { align: 'start' }));
  await expect(page.getByText('Row 60000', { exact: true })).toBeInViewport();
  const box = await page.locator('.scroller').boundingBox();
  if (!box) throw new Error('no scroller');
  await page.mouse.move(box.x + 100, box.y + 100);
  for (let step = 0; step < 8; step++) {
    const before = (await visibleRows(page))[0];
    if (!before) throw new Error('no rows');
    await page.mouse.wheel(0, -100);
    // The row seen before moves down by exactly the wheel's 100 px, whatever got measured above it.
    await expect
      .poll(async () => (await visibleRows(page)).find((row) => row.index === before.index)?.top)
      .toBeCloseTo(before.top + 100, 0);
    await expect.poll(() => page.evaluate(() => window.list?.getState().isScrolling)).toBe(false);
  }
});

test('smooth scrollToIndex lands the measured row exactly where asked', async ({ open }) => {
  const page = await open('measured', 'count=100000');
  await page.evaluate(() => window.list?.scrollToIndex(400, { align: 'center', behavior: 'smooth' }));
  // Rows measured during the animation change the target; it still ends centred.
  const centre = async () => {
    const row = (await visibleRows(page)).find((r) => r.index === 400);
    return row ? Math.round((row.top + row.bottom) / 2) : null;
  };
  await expect.poll(centre).toBeGreaterThanOrEqual(299);
  expect(await centre()).toBeLessThanOrEqual(301);
  await expect.poll(() => page.evaluate(() => window.list?.getState().isScrolling)).toBe(false);
  expect(await centre()).toBeGreaterThanOrEqual(299);
  expect(await centre()).toBeLessThanOrEqual(301);
});

test('horizontal lists scroll left to right with keys and scrollToIndex', async ({ open }) => {
  const page = await open('horizontal', 'count=10000');
  await page.locator('[data-index="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await focusedIndex(page)).toBe(2);
  await page.keyboard.press('End');
  expect(await focusedIndex(page)).toBe(9999);
  await expect(page.getByText('Col 9999', { exact: true })).toBeInViewport({ ratio: 1 });
  await page.evaluate(() => window.list?.scrollToIndex(5000, { align: 'start' }));
  await expect
    .poll(() =>
      page.evaluate(() => {
        const row = document.querySelector('[data-index="5000"]');
        const scroller = window.list?.element;
        return row && scroller
          ? Math.round(row.getBoundingClientRect().left - scroller.getBoundingClientRect().left - scroller.clientLeft)
          : null;
      }),
    )
    .toBe(0);
});
