import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { serveStatic } from '../../../../test-utils/serveStatic.js';

const appRoot = fileURLToPath(new URL('../app', import.meta.url));

interface Fixtures {
  /** Opens a scenario's page (`app/<scenario>/index.html`) with an optional query, and fails the test on any
   *  console error or page error. */
  open: (scenario: string, query?: string) => Promise<Page>;
}

/** The scenario pages, built once per worker with Vite (production build) and served by the static test server. */
export const test = base.extend<Fixtures, { baseUrl: string }>({
  baseUrl: [
    async ({}, use) => {
      const outDir = mkdtempSync(join(tmpdir(), 'virtual-list-e2e-'));
      // One page per scenario: every folder of app/ with an index.html.
      const pages = readdirSync(appRoot, { withFileTypes: true }).filter((entry) => entry.isDirectory());
      const input = Object.fromEntries(pages.map((entry) => [entry.name, join(appRoot, entry.name, 'index.html')]));
      await build({
        root: appRoot,
        logLevel: 'error',
        plugins: [react()],
        build: { outDir, emptyOutDir: true, rolldownOptions: { input } },
      });
      const server = await serveStatic(outDir);
      await use(`${server.url}/`);
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  open: async ({ page, baseUrl }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    // "ResizeObserver loop" reaches window.onerror without being an uncaught exception.
    await page.addInitScript(() => {
      addEventListener('error', (event) => console.error(`window error: ${event.message}`));
    });
    await use(async (scenario, query = '') => {
      await page.goto(`${baseUrl}${scenario}/${query ? `?${query}` : ''}`);
      await page.locator('[role="listitem"]').first().waitFor({ timeout: 10_000 });
      return page;
    });
    expect(errors, 'console errors and warnings').toEqual([]);
  },
});

export { expect };

/** The rows whose box intersects the scroller's viewport, with their text. */
export async function visibleRows(page: Page): Promise<{ index: number; text: string; top: number; bottom: number }[]> {
  return page.evaluate(() => {
    const scroller = window.list?.element;
    const box = scroller?.getBoundingClientRect();
    // The scroll box's client area (inside its border), or the window.
    const view =
      scroller && box
        ? { top: box.top + scroller.clientTop, bottom: box.top + scroller.clientTop + scroller.clientHeight }
        : { top: 0, bottom: innerHeight };
    return [...document.querySelectorAll<HTMLElement>('[role="listitem"]')]
      .map((row) => ({ row, rect: row.getBoundingClientRect() }))
      .filter(({ rect }) => rect.bottom > view.top && rect.top < view.bottom)
      .map(({ row, rect }) => ({
        index: Number(row.dataset.index),
        text: row.textContent ?? '',
        top: rect.top - view.top,
        bottom: rect.bottom - view.top,
      }))
      .sort((a, b) => a.top - b.top);
  });
}
