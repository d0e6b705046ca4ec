import { expect, test } from './support/demoServer';

// The server answers a first visit with the shell of its route, so the route's lazy chunk is requested while the
// entry chunks download instead of after they run. The preload must be the request the app then uses: a mismatch
// (e.g. in crossorigin) would fetch the chunk twice and log "preloaded but not used".
test('a first visit to an item preloads the item route with the entry, and the app uses that one request', async ({
  page,
  demo,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  const shell = await (await page.request.get(`${demo.url}items/7`, { headers: { Accept: 'text/html' } })).text();
  const itemChunk = /<link rel="modulepreload" crossorigin href="(\/assets\/ItemPage-[\w-]+\.js)">/.exec(shell)?.[1];
  expect(itemChunk, 'the item shell preloads the ItemPage chunk').toBeDefined();

  await page.goto(`${demo.url}items/7`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const fetched = await page.evaluate(
    (chunk) =>
      performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname === chunk).length,
    itemChunk,
  );
  expect(fetched).toBe(1);
  expect(warnings.filter((text) => /preload/i.test(text))).toEqual([]);
});
