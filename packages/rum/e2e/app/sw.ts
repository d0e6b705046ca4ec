import { handleRumSync, routeRumToNetwork, type RumInstallEvent, type RumSyncEvent } from '@pronto/rum/sw';

// The few service-worker globals used here (the WebWorker lib would clash with the pages' DOM lib).
interface FetchEvent {
  request: Request;
  respondWith(response: Response): void;
}
declare const self: {
  addEventListener(type: 'install', listener: (event: RumInstallEvent) => void): void;
  addEventListener(type: 'activate' | 'sync', listener: (event: RumSyncEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
};

self.addEventListener('install', (event) => {
  // Without this, Chromium loses beacons that closing pages send through the fetch handler below.
  routeRumToNetwork(event);
  void self.skipWaiting();
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
// Background Sync: replay the beacons pages parked in the RUM outbox.
self.addEventListener('sync', (event) => handleRumSync(event));
// A router like an app's (Workbox's): it answers one route and lets every other request go to the network.
self.addEventListener('fetch', (event) => {
  if (new URL(event.request.url).pathname == '/sw-version') event.respondWith(new Response('e2e'));
});
