import { expect, test } from './support/demoServer';

test('the catalog is a keyboard-navigable list of 100,000 products that comes back where the user left it', async ({
  page,
  demo,
}) => {
  await page.goto(demo.url);
  const list = page.getByRole('list', { name: 'Catalog' });
  const rows = list.getByRole('listitem');
  await expect(rows.first()).toHaveAttribute('aria-setsize', '100000');
  await expect(rows.first().getByRole('link')).toBeVisible();

  // One tab stop for the whole list, then arrows and PageDown move a roving focus that stays on a mounted row.
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('PageDown');
  const focused = page.locator('[role="listitem"]:focus');
  await expect(focused).toHaveCount(1);
  const position = Number(await focused.getAttribute('aria-posinset'));
  expect(position).toBeGreaterThan(5);
  const name = await focused.locator('.catalog-name').textContent();

  // Enter opens the focused product.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name ?? '');

  // Back in the catalog: the same row is focused and in view.
  await page.goBack();
  const restored = page.locator('[role="listitem"]:focus');
  await expect(restored).toHaveAttribute('aria-posinset', String(position));
  await expect(restored).toBeInViewport();
});

test('the demo reports its web vitals to the collector it mounts, and the dashboard shows them', async ({
  page,
  demo,
}) => {
  await page.goto(demo.url);
  await expect(page.getByRole('list', { name: 'Catalog' }).getByRole('listitem').first()).toBeVisible();
  await page.getByRole('list', { name: 'Catalog' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Your notes' })).toBeVisible();
  // Leaving the page flushes the beacon (pagehide + visibilitychange).
  await page.goto('about:blank');

  await expect.poll(() => demo.collector().storage.countBeacons(), { timeout: 15_000 }).toBeGreaterThan(0);
  const routes = await demo.collector().storage.routes();
  expect(routes).toEqual(expect.arrayContaining(['/']));

  // The query API behind the dashboard sees the same data.
  const response = await fetch(`${demo.url}rum/api/summary`);
  expect(response.status).toBe(200);
});
