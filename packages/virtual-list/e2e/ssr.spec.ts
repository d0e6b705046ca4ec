import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { SsrList } from './app/SsrList.js';
import { expect, test, visibleRows } from './support/fixtures.js';

test('server-rendered rows hydrate without a mismatch or a layout shift', async ({ open, page }) => {
  const markup = renderToString(createElement(SsrList));
  expect(markup).toContain('Row 19');
  // Serve the built page with the server markup in #root, plus a classic script that records where the
  // server's rows are before any module runs.
  await page.route('**/ssr/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '<div id="root"></div>',
      `<div id="root">${markup}</div><script>window.serverRows = [...document.querySelectorAll('[data-index]')].map((row) => [row.dataset.index, row.getBoundingClientRect().top]);</script>`,
    );
    await route.fulfill({ response, body: html, headers: { ...response.headers(), 'content-type': 'text/html' } });
  });
  await open('ssr');
  await expect.poll(() => page.evaluate(() => window.list !== null && window.list !== undefined)).toBe(true);
  const server = await page.evaluate(() => (window as unknown as { serverRows: [string, number][] }).serverRows);
  expect(server.length).toBeGreaterThanOrEqual(20);
  const after = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-index]')].map(
      (row) => [row.dataset.index, row.getBoundingClientRect().top] as [string, number],
    ),
  );
  const now = new Map(after);
  for (const [index, top] of server) expect(now.get(index), `row ${index}`).toBe(top);
  expect((await visibleRows(page))[0]?.text).toBe('Row 0');
});
