import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { createCollector, type Beacon, type Collector } from '@pronto/rum-collector';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { serveStatic, type ServeStaticOptions, type StaticServer } from '../../../../test-utils/serveStatic.js';

const pkgDir = fileURLToPath(new URL('../..', import.meta.url));
const appDir = join(pkgDir, 'e2e/app');

/** The test pages (built once per worker) and a real collector behind one static test server. */
export interface Site {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  collector: Collector;
  /** Stops listening and drops open connections: the collector is "down". */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  /**
   * Answers 503, as a proxy in front of a stopped collector does, to every beacon POSTed by the page
   * at this URL (its `Referer`), whenever the request arrives; beacons from other pages (a replay at
   * the next visit) are stored. `undefined` ends it.
   */
  refuseBeaconsFrom(pageUrl: string | undefined): void;
  /** Beacons the collector stored for a page view, in seq order. */
  beacons(pageViewId: string): Promise<Beacon[]>;
}

/** Duplicates the collector must count during the test (a replay of a beacon it already has). */
export interface Duplicates {
  /** `undefined`: not checked, for a test whose replays vary in number and that checks delivery itself. @default 0 */
  expected: number | undefined;
}

export const test = base.extend<{ duplicates: Duplicates }, { site: Site }>({
  site: [
    async ({}, use) => {
      for (const dist of ['../rum/dist/index.js', '../rum-collector/dist/index.js'])
        if (!existsSync(join(pkgDir, '..', dist.slice(3))))
          throw new Error(`packages/${dist.slice(3)} is missing: run \`npm run build:packages\` first`);
      const dir = await mkdtemp(join(tmpdir(), 'pronto-rum-e2e-'));
      const www = join(dir, 'www');
      await build({
        configFile: false,
        root: appDir,
        plugins: [react()],
        logLevel: 'warn',
        build: {
          outDir: www,
          emptyOutDir: true,
          rolldownOptions: {
            input: {
              ...Object.fromEntries(
                ['index', 'attribution', 'other', 'sw', 'spa'].map((f) => [f, join(appDir, `${f}.html`)]),
              ),
              // The service worker needs a fixed URL at the root (its scope).
              'service-worker': join(appDir, 'sw.ts'),
            },
            output: {
              entryFileNames: (chunk) => (chunk.name == 'service-worker' ? 'sw.js' : 'assets/[name]-[hash].js'),
            },
          },
        },
      });
      const collector = await createCollector({ dataDir: join(dir, 'data'), rateLimit: false, dashboard: false });
      let refusedPage: string | undefined;
      // The collector answers its routes (/rum/...) first; everything else is a file of the build.
      const options: ServeStaticOptions = {
        onRequest: (req, res, path) => {
          if (path != '/rum/collect' || !refusedPage || req.headers.referer != refusedPage)
            return collector.handle(req, res);
          req.resume();
          res.writeHead(503).end();
          return true;
        },
      };
      let server: StaticServer | undefined = await serveStatic(www, options);
      const { port } = server;
      await use({
        origin: server.url,
        collector,
        down: async () => {
          await server?.close();
          server = undefined;
        },
        up: async () => {
          server = await serveStatic(www, { ...options, port });
        },
        refuseBeaconsFrom: (pageUrl) => {
          refusedPage = pageUrl;
        },
        beacons: async (pageViewId) =>
          (await collector.storage.listBeacons({ pageViewId, limit: 1000 }))
            .map((b) => b.beacon)
            .sort((a, b) => a.seq - b.seq),
      });
      await server?.close();
      await collector.close();
      await rm(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  // Every test ends with the collector having counted no duplicate beacon, unless it expects some.
  duplicates: [
    async ({ site }, use) => {
      const before = await site.collector.storage.countDuplicates();
      const duplicates: Duplicates = { expected: 0 };
      await use(duplicates);
      if (duplicates.expected !== undefined)
        expect(await site.collector.storage.countDuplicates(), 'duplicate beacons at the collector').toBe(
          before + duplicates.expected,
        );
    },
    { auto: true },
  ],
});

export { expect };

/**
 * For a poll that waits on a load-time replay: the client replays 5 s after it starts (its requests
 * must not compete with the page's own loading), so the default poll timeout is too short.
 */
export const afterReplay = { timeout: 20_000 };

/** Every beacon of the page view arrived exactly once: seq is 0..n-1 without gaps. */
export async function expectNoGaps(site: Site, pageViewId: string): Promise<Beacon[]> {
  const beacons = await site.beacons(pageViewId);
  expect(beacons.map((b) => b.seq)).toEqual(beacons.map((_, i) => i));
  return beacons;
}

/** Event names (vitals and custom) the collector holds for a page view. */
export async function eventNames(site: Site, pageViewId: string): Promise<string[]> {
  return (await site.beacons(pageViewId)).flatMap((b) => b.events.map((e) => e.name));
}

/**
 * Hides the page without closing it. Headless Chromium never hides a page by itself (focus
 * emulation, no real windows), so this fires the same visibilitychange a tab switch would, after
 * making `document.visibilityState` say "hidden" as it would then.
 */
export async function hideInPlace(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
  expect(await page.evaluate(() => document.visibilityState)).toBe('hidden');
}

/**
 * Resolves once web-vitals has processed the last interaction: it does so in an idle callback with
 * a 1 s timeout (headless Chromium only runs it then), so an idle callback queued after the
 * browser timed the interaction, with a longer timeout, runs after it.
 */
export async function interactionProcessed(page: Page): Promise<void> {
  await page.waitForFunction(() => window.interactions > 0);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
}

/** Beacons waiting in the page's IndexedDB outbox, as `pageViewId:seq` (runs in the page). */
export function outboxKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('pronto-rum');
        open.onupgradeneeded = () => open.result.createObjectStore('outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('outbox').objectStore('outbox').getAll();
          read.onsuccess = () => {
            open.result.close();
            // Flattened: the previous release kept one list at key 0 (a bench may run against it).
            const records = (read.result as unknown[]).flat() as { beacon: { pageViewId: string; seq: number } }[];
            resolve(records.map(({ beacon }) => `${beacon.pageViewId}:${beacon.seq}`));
          };
        };
      }),
  );
}

/** The five vitals' names the collector holds for a page view, each once. */
export async function vitalNames(site: Site, pageViewId: string): Promise<string[]> {
  const names = (await site.beacons(pageViewId)).flatMap((b) =>
    b.events.flatMap((e) => (e.type == 'vital' ? [e.name] : [])),
  );
  return names.sort();
}

/** The page view id of the page's RUM client. */
export function pageViewIdOf(page: Page): Promise<string> {
  return page.evaluate(() => window.rum.pageViewId);
}
