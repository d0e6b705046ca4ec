import type { BrowserContext, Page } from '@playwright/test';
import type { Scenario } from './src/vitals/scenario.js';

// The Playwright scenarios of the demo PWA. Each is a visit a person makes; src/vitals/runScenario.ts runs it
// under 4x CPU + slow 4G for web-vitals, and unthrottled under a trace for main-thread CPU time. Limits live in
// audit.config.ts (`vitalsLimits`), keyed by these ids. An app made with create-app edits this file.

/** The catalog: a virtualized list labelled by the page's "Catalog" heading. */
const catalog = (page: Page) => page.getByRole('list', { name: 'Catalog' });

async function firstRowVisible(page: Page): Promise<void> {
  await catalog(page).getByRole('link').first().waitFor({ state: 'visible' });
}

/** Installs the service worker with one unmeasured visit, so the measured visit is a repeat one. */
async function installServiceWorker(context: BrowserContext, origin: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(origin);
  const registered = await page.evaluate(() =>
    Promise.race([
      navigator.serviceWorker.ready.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(resolve, 15_000, false)),
    ]),
  );
  if (!registered)
    throw new Error('the demo registered no working service worker within 15 s (does sw.js evaluate without errors?)');
  await page.close();
}

export const scenarios: readonly Scenario[] = [
  {
    id: 'first-load',
    title: 'first load of the catalog',
    expect: ['LCP', 'FCP', 'CLS', 'TTFB'],
    ci: true,
    cpu: true,
    async visit(page, origin) {
      await page.goto(origin);
      await firstRowVisible(page);
    },
  },
  {
    id: 'repeat-load',
    title: 'repeat load through the service worker',
    expect: ['LCP', 'FCP', 'CLS'],
    prepare: installServiceWorker,
    async visit(page, origin) {
      await page.goto(origin);
      await firstRowVisible(page);
      if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null)))
        throw new Error('the repeat visit was not served by the service worker');
    },
  },
  {
    id: 'catalog-scroll',
    title: 'scrolling the catalog with wheel and keyboard',
    expect: ['INP', 'CLS'],
    ci: true,
    cpu: true,
    async visit(page, origin, markInteractions) {
      await page.goto(origin);
      await firstRowVisible(page);
      await page.waitForLoadState('networkidle');
      await markInteractions();
      const scroller = page.locator('.catalog-scroller');
      const box = await scroller.boundingBox();
      if (!box) throw new Error('the catalog scroller has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
      for (let step = 0; step < 10; step += 1) {
        await page.mouse.wheel(0, 700);
        // One wheel notch per frame pair, like a hand on a wheel, instead of one giant jump.
        await page.evaluate(
          () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
      }
      await page.waitForFunction(() => (document.querySelector('.catalog-scroller')?.scrollTop ?? 0) > 3000);
      // Rows at the new position are real rows, not skeletons, once their page of items arrived.
      await firstRowVisible(page);
      // Keyboard and pointer interactions are what INP measures (scrolling is not an interaction): with a row
      // focused (the list's roving tab stop), arrow keys and Page Down move through the list as a person would.
      await catalog(page)
        .getByRole('listitem')
        .filter({ has: page.getByRole('link') })
        .first()
        .focus();
      for (let step = 0; step < 5; step += 1) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('PageDown');
      await page.getByRole('heading', { name: 'Catalog' }).click();
    },
  },
  {
    id: 'item-page',
    title: 'item page with its product image',
    expect: ['LCP', 'CLS'],
    // The demo renders each image size on first request and keeps it on disk; a CDN would too. Warm that cache
    // so the audit measures the page, not the server's first-time image encoding.
    async prepare(context, origin) {
      for (const width of [320, 640])
        for (const format of ['avif', 'webp'])
          await context.request.get(new URL(`api/images/1?w=${width}&format=${format}`, origin).href);
    },
    async visit(page, origin) {
      await page.goto(new URL('items/1', origin).href);
      await page.waitForFunction(() => {
        const image = document.querySelector<HTMLImageElement>('.item-image img');
        return image !== null && image.complete && image.naturalWidth > 0;
      });
    },
  },
];
