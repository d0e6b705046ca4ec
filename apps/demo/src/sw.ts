/// <reference lib="webworker" />
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { handleRumSync, replayRumOutbox, routeRumToNetwork } from '@pronto/rum/sw';
import { flushOutbox } from './notes/flushOutbox';
import { SYNC_TAG } from './notes/syncTag';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

// App shell: every built file, revisioned, so a deploy swaps them all at once (never a mix of versions).
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
clientsClaim();

// Beacons go straight to the network: Chromium loses the last beacon of a closing page when a worker
// intercepts it (static routing, where the browser has it).
self.addEventListener('install', (event) => routeRumToNetwork(event, '/rum/collect'));

// Every route, deep links included, renders offline from the precached shell.
registerRoute(
  // /rum/ is the collector's own dashboard, served by the server, not this app.
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//, /^\/rum(\/|$)/, /^\/metrics$/] }),
);

const isGet = (request: Request) => request.method === 'GET';

// Product images never change for a URL: cache first, bounded so a long browse cannot fill the disk.
registerRoute(
  ({ url, request }) => isGet(request) && url.pathname.startsWith('/api/images/'),
  new CacheFirst({
    cacheName: 'images',
    plugins: [
      new CacheableResponsePlugin({ statuses: [200] }),
      new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 30 * 24 * 60 * 60, purgeOnQuotaError: true }),
    ],
  }),
);

// Built images (the hero in several widths and formats) are content-hashed: cache the one this device picks.
registerRoute(
  ({ url, request }) =>
    isGet(request) && url.pathname.startsWith('/assets/') && /\.(avif|webp|jpe?g|png)$/.test(url.pathname),
  new CacheFirst({
    cacheName: 'built-images',
    plugins: [
      new CacheableResponsePlugin({ statuses: [200] }),
      new ExpirationPlugin({ maxEntries: 40, purgeOnQuotaError: true }),
    ],
  }),
);

// Notes change with this user's own writes: the network first (fresh), the cache only when offline.
registerRoute(
  ({ url, request }) => isGet(request) && /^\/api\/items\/\d+\/notes$/.test(url.pathname),
  new NetworkFirst({
    cacheName: 'api-notes',
    networkTimeoutSeconds: 3,
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 200 })],
  }),
);

// Catalog reads: answer from cache at once, refresh in the background.
registerRoute(
  ({ url, request }) => isGet(request) && url.pathname.startsWith('/api/items'),
  new StaleWhileRevalidate({
    cacheName: 'api',
    plugins: [
      new CacheableResponsePlugin({ statuses: [200] }),
      new ExpirationPlugin({ maxEntries: 500, maxAgeSeconds: 7 * 24 * 60 * 60, purgeOnQuotaError: true }),
    ],
  }),
);

// The update prompt: the new worker waits until the user accepts, then takes over (and the page reloads).
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/**
 * How long one sync event may wait for a backoff before handing back to the browser's own retry schedule.
 * Kept short: a worker busy with an event also holds back the activation of an accepted update.
 */
const MAX_WAIT_IN_SYNC_MS = 10_000;

async function sendNotes(): Promise<void> {
  const deadline = Date.now() + MAX_WAIT_IN_SYNC_MS;
  for (;;) {
    const result = await flushOutbox();
    if (result.state === 'done') return;
    // Throwing makes the browser schedule this sync again later.
    if (result.state === 'offline') throw new Error('Notes not sent: offline');
    const retryAt = result.retryAt ?? Date.now();
    if (retryAt > deadline) throw new Error('Notes not sent: server failing, backing off');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, retryAt - Date.now())));
  }
}

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === SYNC_TAG) sync.waitUntil(sendNotes());
  else handleRumSync(sync);
});

// Where Background Sync does not exist, or the browser gave up on it, every worker start tries again.
void flushOutbox().catch(() => undefined);
void replayRumOutbox().catch(() => undefined);
