import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveStatic, type StaticServer } from '../../test-utils/serveStatic.js';
import { packPackages } from '../lib/packPackages.mjs';
import { startCollector } from '../lib/startCollector.mjs';
import { createConsumerApp, runIn } from './createConsumerApp.mjs';
import { formatImportSizes, measureImports } from './measureImports.mjs';

// One fresh app for the whole file: packing, installing and building is the slow part, so the checks share it.
test.describe.configure({ mode: 'serial' });

let tarballDir: string;
let tarballs: Map<string, string>;
let appDir: string;
let site: StaticServer | undefined;
let collector: Awaited<ReturnType<typeof startCollector>> | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  tarballDir = mkdtempSync(join(tmpdir(), 'pronto-tarballs-'));
  tarballs = await packPackages(tarballDir);
  appDir = await createConsumerApp(tarballs);
});

test.afterAll(async () => {
  await site?.close();
  await collector?.close();
  if (!process.env.PRONTO_KEEP_CONSUMER) {
    rmSync(tarballDir, { recursive: true, force: true });
    if (appDir) rmSync(appDir, { recursive: true, force: true });
  }
});

test('installs from the tarballs, not from workspace links', async () => {
  const { stdout } = await runIn(appDir, 'npm', ['ls', '--json', '--depth=0', ...tarballs.keys()]);
  const dependencies = JSON.parse(stdout).dependencies as Record<string, { resolved: string }>;
  for (const [name, tarball] of tarballs) {
    expect(dependencies[name]?.resolved, name).toBe(`file:${tarball}`);
  }
});

test('type-checks against React 19 types (app and vite.config.ts)', async () => {
  test.setTimeout(90_000);
  const { stdout } = await runIn(appDir, 'npx', ['tsc', '-p', 'tsconfig.json', '--listFiles']);
  expect(stdout).toContain('/node_modules/@types/react/index.d.ts');
  expect(stdout).toContain('/node_modules/@pronto/virtual-list/dist/VirtualList.d.ts');
  await runIn(appDir, 'npx', ['tsc', '-p', 'tsconfig.node.json']);
});

test('type-checks against React 18 types', async () => {
  test.setTimeout(90_000);
  const { stdout } = await runIn(appDir, 'npx', ['tsc', '-p', 'tsconfig.react18.json', '--listFiles']);
  // The check means something only if React 18's declarations, and not the app's React 19 ones, were used.
  const files = stdout.split('\n');
  expect(files.filter((file) => file.includes('/react18-types/node_modules/@types/react/index.d.ts'))).toHaveLength(1);
  expect(files.filter((file) => file.endsWith(`${appDir}/node_modules/@types/react/index.d.ts`))).toHaveLength(0);
  const { version } = JSON.parse(
    readFileSync(join(appDir, 'react18-types/node_modules/@types/react/package.json'), 'utf8'),
  ) as { version: string };
  expect(version).toMatch(/^18\./);
});

test('builds with vite, images included', async () => {
  test.setTimeout(90_000);
  const { stdout } = await runIn(appDir, 'npx', ['vite', 'build']);
  expect(stdout).toMatch(/photo-640-\w+\.avif/);
  site = await serveStatic(join(appDir, 'dist'), { fallback: 'index.html' });
  collector = await startCollector(appDir);
});

test('the virtual list scrolls to its last row', async ({ page }) => {
  await page.goto(site!.url);
  const list = page.getByRole('list', { name: 'Rows' });
  await expect(list.getByText('Row 1', { exact: true })).toBeVisible();
  await expect(list.getByText('Row 10000', { exact: true })).toHaveCount(0);
  // The list (role=list) is the tall content; its parent is the scroll box. Scroll it as dragging the scrollbar
  // to the bottom would.
  const scroller = list.locator('..');
  await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  const last = list.getByText('Row 10000', { exact: true });
  await expect(last).toBeInViewport();
  const [row, box] = [await last.boundingBox(), await scroller.boundingBox()];
  // Fully inside the scroll box, not just rendered in the overscan.
  expect(row!.y).toBeGreaterThanOrEqual(box!.y);
  expect(row!.y + row!.height).toBeLessThanOrEqual(box!.y + box!.height + 1);
});

test('the image loads only when scrolled near', async ({ page }) => {
  const images: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/photo-/.test(request.url())) images.push(request.url());
  });
  await page.goto(site!.url);
  // The reserved box is there at once; the <img> only once the image is in view or the scroll is about to reach it.
  const box = page.locator('span[data-status]');
  await expect(box).toHaveAttribute('data-status', 'loading');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(images).toEqual([]);
  await box.scrollIntoViewIfNeeded();
  const image = page.getByRole('img', { name: 'A generated gradient' });
  await expect(box).toHaveAttribute('data-status', 'loaded');
  await expect
    .poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth))
    .toBeGreaterThan(0);
  // Chromium picks one format from <picture>; AVIF is listed first and supported.
  expect(images.some((url) => url.endsWith('.avif'))).toBe(true);
});

test('the RUM beacon reaches a collector started from the packed @pronto/rum-collector', async ({ page }) => {
  const metric = async (name: string) => {
    const text = await (await fetch(`${collector!.url}/metrics`)).text();
    return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  };
  expect(await metric('pronto_rum_beacons_stored_total')).toBe(0);
  await page.goto(`${site!.url}/?collector=${encodeURIComponent(collector!.collectUrl)}`);
  await page.getByRole('button', { name: 'Track' }).click();
  // Closing the tab fires pagehide/visibilitychange: the moment RUM sends with sendBeacon.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => metric('pronto_rum_beacons_stored_total')).toBeGreaterThanOrEqual(1);
  expect(await metric('pronto_rum_events_stored_total')).toBeGreaterThanOrEqual(1);
  // The vitals web-vitals measured in the page are queryable for the page's route.
  const summary = (await (await fetch(`${collector!.url}/rum/api/summary`)).json()) as {
    routes: string[];
    percentiles: { metric: string; count: number }[];
  };
  expect(summary.routes).toContain('/');
  expect(summary.percentiles.map((row) => row.metric)).toEqual(expect.arrayContaining(['TTFB', 'FCP']));
  // The packed collector also ships its dashboard.
  const dashboard = await fetch(`${collector!.url}/rum/`);
  expect(dashboard.status).toBe(200);
  expect(await dashboard.text()).toContain('<html');
});

test('per-import sizes, tree-shaken from the installed packages', async ({}, testInfo) => {
  const rows = await measureImports(appDir, [...tarballs.keys()]);
  const table = formatImportSizes(rows);
  console.log(`\nWhat a consumer pays per import (esbuild --minify, React external):\n${table}`);
  writeFileSync(testInfo.outputPath('import-sizes.txt'), `${table}\n`);
  await testInfo.attach('import-sizes', { body: table, contentType: 'text/plain' });
  const createRum = rows.find((row) => row.specifier === '@pronto/rum' && row.name === 'createRum');
  const whole = rows.find((row) => row.specifier === '@pronto/virtual-list' && row.name.startsWith('*'));
  const helper = rows.find((row) => row.specifier === '@pronto/virtual-list' && row.name === 'detectMaxScrollSize');
  expect(createRum?.brotli).toBeGreaterThan(0);
  // Tree-shaking works from the tarball: a small helper costs far less than the whole entry.
  expect(helper!.brotli!).toBeLessThan(whole!.brotli! / 4);
});

// The packages that declare `react: ^18 || ^19` must also run on React 18, not only type-check against it.
test.describe('on React 18 at runtime', () => {
  let site18: StaticServer | undefined;
  test.afterAll(async () => site18?.close());

  test('installs React 18 and rebuilds', async () => {
    test.setTimeout(90_000);
    // No --legacy-peer-deps: npm itself must accept React 18 next to every package's peer range.
    await runIn(appDir, 'npm', [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      'react@18',
      'react-dom@18',
    ]);
    const { stdout } = await runIn(appDir, 'node', [
      '-p',
      "require('react/package.json').version + ' ' + require('react-dom/package.json').version",
    ]);
    expect(stdout.trim()).toMatch(/^18\.\d+\.\d+ 18\.\d+\.\d+$/);
    await runIn(appDir, 'npx', ['vite', 'build', '--outDir', 'dist-react18']);
    site18 = await serveStatic(join(appDir, 'dist-react18'), { fallback: 'index.html' });
  });

  test('renders the list, the image and the RUM provider without errors', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(site18!.url);
    const list = page.getByRole('list', { name: 'Rows' });
    await expect(list.getByText('Row 1', { exact: true })).toBeVisible({ timeout: 5_000 });
    await list.locator('..').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(list.getByText('Row 10000', { exact: true })).toBeInViewport();
    // The <img> exists only once the image is in view: scroll its reserved box there.
    await page.locator('span[data-status]').scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        page
          .getByRole('img', { name: 'A generated gradient' })
          .evaluate((element: HTMLImageElement) => element.naturalWidth),
      )
      .toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
