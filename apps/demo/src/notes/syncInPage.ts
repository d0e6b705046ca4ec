import { retryDelay } from './backoff';
import { flushOutbox } from './flushOutbox';
import { SYNC_TAG } from './syncTag';

// The page's part of delivery. Background Sync (Chromium) wakes the service worker even after the tab is
// closed; where it does not exist (Firefox, Safari) the page sends on start, on `online`, and after a backoff.

let retryTimer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> | undefined;
/** Consecutive runs that could not reach the server although the browser said it was online. */
let unreachableRuns = 0;

/** Asks for the outbox to be sent now, and registers a Background Sync so it goes even if this tab closes. */
export function requestNotesSync(): Promise<void> {
  void registerBackgroundSync();
  running ??= sendFromPage().finally(() => {
    running = undefined;
  });
  return running;
}

async function sendFromPage(): Promise<void> {
  clearTimeout(retryTimer);
  try {
    const result = await flushOutbox();
    if (result.state === 'backoff' && result.retryAt !== undefined) {
      retryTimer = setTimeout(() => void requestNotesSync(), Math.max(0, result.retryAt - Date.now()));
    }
    // "Online" but unreachable (server down, captive portal): no `online` event will come, so poll with backoff.
    unreachableRuns = result.state === 'offline' && navigator.onLine ? unreachableRuns + 1 : 0;
    if (unreachableRuns > 0) retryTimer = setTimeout(() => void requestNotesSync(), retryDelay(unreachableRuns + 1));
  } catch (error) {
    // Storage failures (quota, private mode) must not break the page; the outbox is retried on the next trigger.
    console.warn('[pronto] sending notes failed', error);
  }
}

async function registerBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  const sync = (
    registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined
  )?.sync;
  await sync?.register(SYNC_TAG).catch(() => undefined);
}

/** Starts the page-side triggers once: now, and on every return of the network. */
export function startNotesSync(): void {
  window.addEventListener('online', () => void requestNotesSync());
  void requestNotesSync();
}
