import { collectErrors, expect, test } from './support/fixtures.js';

test('a failing image is retried with backoff, then falls back, then shows its alt text, with no unhandled errors', async ({
  page,
  server,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?s=retry');
  const boxes = page.locator('[data-status]');

  await expect(boxes.nth(0)).toHaveAttribute('data-status', 'loaded');
  const recovered = server.requestsFor('/fail/2/img/thumb-1-320.jpg');
  expect(recovered.map((r) => r.status)).toEqual([503, 503, 200]);
  const [a, b, c] = recovered.map((r) => r.at) as [number, number, number];
  expect(b - a).toBeGreaterThanOrEqual(90);
  expect(c - b).toBeGreaterThanOrEqual(190);

  await expect(boxes.nth(1)).toHaveAttribute('data-status', 'loaded');
  expect(server.requestsFor('/fail/99/img/thumb-2-320.jpg')).toHaveLength(3);
  expect(
    await boxes
      .nth(1)
      .locator('img')
      .evaluate((img: HTMLImageElement) => [img.getAttribute('src'), img.naturalWidth]),
  ).toEqual(['/img/thumb-3-320.jpg', 320]);

  await expect(boxes.nth(2)).toHaveAttribute('data-status', 'failed');
  await expect(boxes.nth(2)).toHaveText('Gone for good');
  expect(server.requestsFor('/fail/99/img/thumb-5-320.jpg')).toHaveLength(1);
  expect(errors).toEqual([]);
});
