import { expect, test, visibleRows } from './support/fixtures.js';

// Past the browser's height cap: 100,000,000 rows of 30 px are 3,000,000,000 px.
const rows = 100_000_000;

test.describe('100,000,000 rows', () => {
  test('scrollToIndex reaches the last row and the first again', async ({ open }) => {
    const page = await open('fixed', `count=${rows}`);
    expect(await page.evaluate(() => window.list?.getState().scaled)).toBe(true);
    await page.evaluate((last) => window.list?.scrollToIndex(last, { align: 'end' }), rows - 1);
    await expect(page.getByText(`Row ${rows - 1}`, { exact: true })).toBeInViewport();
    const bottom = await visibleRows(page);
    expect(bottom.at(-1)?.index).toBe(rows - 1);
    expect(bottom.at(-1)?.bottom).toBeCloseTo(600, 0);
    await page.evaluate(() => window.list?.scrollToIndex(0));
    await expect(page.getByText('Row 0', { exact: true })).toBeInViewport();
  });

  test('the End key on a focused row reaches the last row, Home the first', async ({ open }) => {
    const page = await open('fixed', `count=${rows}`);
    await page.getByText('Row 0', { exact: true }).focus();
    await page.keyboard.press('End');
    const last = page.getByText(`Row ${rows - 1}`, { exact: true });
    await expect(last).toBeFocused();
    await expect(last).toBeInViewport();
    await expect(last).toHaveAttribute('aria-posinset', String(rows));
    await expect(last).toHaveAttribute('aria-setsize', String(rows));
    await page.keyboard.press('ArrowUp');
    await expect(page.getByText(`Row ${rows - 2}`, { exact: true })).toBeFocused();
    await page.keyboard.press('Home');
    await expect(page.getByText('Row 0', { exact: true })).toBeFocused();
  });

  test('one wheel notch moves about one notch of rows, not thousands', async ({ open }) => {
    const page = await open('fixed', `count=${rows}`);
    await page.evaluate(() => window.list?.scrollToIndex(50_000_000, { align: 'start' }));
    await expect(page.getByText('Row 50000000', { exact: true })).toBeInViewport();
    const box = await page.locator('.scroller').boundingBox();
    if (!box) throw new Error('no scroller box');
    await page.mouse.move(box.x + 100, box.y + 100);
    await page.mouse.wheel(0, 100);
    await expect.poll(async () => (await visibleRows(page))[0]?.index).toBeGreaterThan(50_000_000);
    await expect.poll(() => page.evaluate(() => window.list?.getState().isScrolling)).toBe(false);
    const first = (await visibleRows(page))[0]?.index ?? 0;
    // 100 px of wheel is 3-4 rows of 30 px.
    expect(first - 50_000_000).toBeGreaterThanOrEqual(2);
    expect(first - 50_000_000).toBeLessThanOrEqual(5);
    await page.mouse.wheel(0, -100);
    await expect.poll(async () => (await visibleRows(page))[0]?.index).toBe(50_000_000);
  });
});

test('10,000,000 measured rows reach the last row', async ({ open }) => {
  const page = await open('measured', 'count=10000000');
  await page.evaluate(() => window.list?.scrollToIndex(9_999_999, { align: 'end' }));
  const last = page.getByText('Row 9999999', { exact: true });
  await expect(last).toBeInViewport();
  await expect.poll(async () => (await visibleRows(page)).at(-1)?.bottom).toBeCloseTo(600, 0);
});

test('window scrolling past the cap: 10,000,000 measured rows reach the last row and back', async ({ open }) => {
  const page = await open('window', 'count=10000000');
  expect(await page.evaluate(() => window.list?.getState().scaled)).toBe(true);
  await page.evaluate(() => window.list?.scrollToIndex(9_999_999, { align: 'end' }));
  await expect(page.getByText('Row 9999999', { exact: true })).toBeInViewport({ ratio: 1 });
  await page.locator('[data-index="9999999"]').focus();
  await page.keyboard.press('Home');
  await expect(page.locator('[data-index="0"]')).toBeFocused();
  await expect(page.getByText('Row 0', { exact: true })).toBeInViewport({ ratio: 1 });
});
