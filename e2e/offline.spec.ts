import { expect, test } from './support/demoServer';
import { waitForCachedResponse, waitForServiceWorkerControl } from './support/serviceWorker';

test('the service worker takes control and every route reloads offline', async ({ page, context, demo }) => {
  await page.goto(demo.url);
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  await waitForServiceWorkerControl(page);
  // The worker may have claimed the page after its catalog request went out, so that answer may not be cached yet.
  await page.reload();
  await expect(page.getByRole('listitem').first()).toBeVisible();
  await waitForCachedResponse(page, '/api/items');

  // Visit an item once online so its API response is cached for offline use.
  await page.goto(`${demo.url}items/123`);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('');
  const itemName = await page.getByRole('heading', { level: 1 }).textContent();
  await waitForCachedResponse(page, '/api/items/123');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(itemName ?? '');
  await expect(page.getByText('Offline: changes are saved and sent later')).toBeVisible();

  await page.goto(demo.url);
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  await expect(page.getByRole('listitem').first()).toBeVisible();

  // A deep link never visited before still gets the app shell (navigation fallback), which reports the item as unavailable.
  await page.goto(`${demo.url}items/99999`);
  await expect(page.getByRole('heading', { name: 'Could not load this product' })).toBeVisible();
});

test('the app runs under the strict Content-Security-Policy without a single violation', async ({ page, demo }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(demo.url);
  await expect(page.getByRole('listitem').first()).toBeVisible();
  await page.getByRole('listitem').first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Your notes' })).toBeVisible();
  expect(violations).toEqual([]);
});
