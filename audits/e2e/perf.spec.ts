import type { Page } from '@playwright/test';
import { readVitals } from '../src/vitals/readVitals.js';
import { expect, test } from './support/fixtures.js';

// Each scenario runs under 4x CPU + slow 4G with web-vitals (attribution build) inside the page; figures and
// attribution go to reports/perf/, limits live in audits/audit.config.ts.

/** The catalog: a virtualized list labelled by the page's "Catalog" heading. */
const catalog = (page: Page) => page.getByRole('list', { name: 'Catalog' });

test('first load of the catalog', async ({ demoUrl, audit }) => {
  await audit('first-load', async (context, measure) => {
    const page = await context.newPage();
    await measure(page);
    await page.goto(demoUrl);
    await expect(catalog(page).getByRole('link').first()).toBeVisible();
    return readVitals(page, { expect: ['LCP', 'FCP', 'CLS', 'TTFB'] });
  });
});

test('repeat load through the service worker', async ({ demoUrl, audit }) => {
  await audit('repeat-load', async (context, measure) => {
    // The first visit installs the service worker, unthrottled: only the repeat visit is measured.
    const first = await context.newPage();
    await first.goto(demoUrl);
    const registered = await first.evaluate(() =>
      Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise<boolean>((resolve) => setTimeout(resolve, 15_000, false))]),
    );
    expect(registered, 'the demo registered no working service worker within 15 s (does sw.js evaluate without errors?)').toBe(true);
    await first.close();

    const page = await context.newPage();
    await measure(page);
    await page.goto(demoUrl);
    await expect(catalog(page).getByRole('link').first()).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the repeat visit is served by the service worker').toBe(true);
    return readVitals(page, { expect: ['LCP', 'FCP', 'CLS'] });
  });
});

test('scrolling the catalog with wheel and keyboard', async ({ demoUrl, audit }) => {
  await audit('catalog-scroll', async (context, measure) => {
    const page = await context.newPage();
    await measure(page);
    await page.goto(demoUrl);
    const list = catalog(page);
    await expect(list.getByRole('link').first()).toBeVisible();
    const scroller = page.locator('.catalog-scroller');
    const since = await page.evaluate(() => performance.now());

    const box = await scroller.boundingBox();
    if (!box) throw new Error('the catalog scroller has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
    for (let step = 0; step < 10; step += 1) {
      await page.mouse.wheel(0, 700);
      // One wheel notch per frame pair, like a hand on a wheel, instead of one giant jump.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    }
    await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(3000);
    // Rows at the new position are real rows, not skeletons, once their page of items arrived.
    await expect(list.getByRole('link').first()).toBeVisible();

    // Keyboard and pointer interactions are what INP measures (scrolling is not an interaction): with a row focused
    // (the list's roving tab stop), arrow keys and Page Down move through the list as a keyboard user would.
    await list.getByRole('listitem').filter({ has: page.getByRole('link') }).first().focus();
    for (let step = 0; step < 5; step += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('PageDown');
    await page.getByRole('heading', { name: 'Catalog' }).click();
    return readVitals(page, { expect: ['INP', 'CLS'], since });
  });
});

test('item page with its product image', async ({ demoUrl, audit, request }) => {
  // The demo renders each image size on first request and keeps it on disk; a CDN would too. Warm that cache so
  // the audit measures the page, not the server's first-time image encoding.
  for (const width of [320, 640]) for (const format of ['avif', 'webp']) await request.get(new URL(`api/images/1?w=${width}&format=${format}`, demoUrl).href);

  await audit('item-page', async (context, measure) => {
    const page = await context.newPage();
    await measure(page);
    await page.goto(new URL('items/1', demoUrl).href);
    const image = page.locator('.item-image img');
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0)).toBe(true);
    return readVitals(page, { expect: ['LCP', 'CLS'] });
  });
});
