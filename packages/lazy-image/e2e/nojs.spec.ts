import { collectErrors, expect, test } from './support/fixtures.js';
import { scrollThrough } from './support/pageHelpers.js';

const allImagesShown = (page: import('@playwright/test').Page) =>
  page.evaluate(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const scenario of ['grid', 'grid-observer', 'hero']) {
    test(`the server-rendered ${scenario} page shows its images`, async ({ page }) => {
      // Tall enough for every image to be near the viewport: the browser's own lazy loading then starts them.
      await page.setViewportSize({ width: 1000, height: 3000 });
      await page.goto(`/ssr-${scenario}.html`);
      expect(await page.locator('img').count()).toBeGreaterThanOrEqual(12);
      await expect.poll(() => allImagesShown(page)).toBe(true);
    });
  }
});

test('a server-rendered page hydrates without errors and then loads lazily', async ({ page, server }) => {
  const errors = collectErrors(page);
  await page.goto('/ssr-grid-observer.html');
  await scrollThrough(page);
  await expect.poll(() => page.locator('[data-status="loaded"]').count()).toBe(24);
  // Revealed images drop their <noscript> copy.
  await expect(page.locator('noscript')).toHaveCount(0);
  // Each image was requested once: the <noscript> copies never load with JavaScript on.
  expect(server.requestsFor('/thumb-').length).toBe(24);
  expect(errors).toEqual([]);
});
