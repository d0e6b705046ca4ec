import { handleRumSync, type RumSyncEvent } from '@pronto/rum/sw';

// The few service-worker globals used here (the WebWorker lib would clash with the pages' DOM lib).
declare const self: {
  addEventListener(type: 'install' | 'activate' | 'sync', listener: (event: RumSyncEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
};

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
// Background Sync: replay the beacons pages parked in the RUM outbox.
self.addEventListener('sync', (event) => handleRumSync(event));
