import { replayOutbox, SYNC_TAG } from './lib/replayOutbox.js';

/** The Background Sync tag that pages register when they park beacons in the outbox. */
export const RUM_SYNC_TAG: string = SYNC_TAG;

/**
 * Sends the beacons that pages of this origin parked in IndexedDB (offline, collector down),
 * oldest first; stops at the first failure and keeps the rest. For a service worker (or a page).
 * Each copy is removed once the collector confirms it, so a replay cut short loses nothing.
 * Resolves with how many are still kept (0: all delivered); rejects only if IndexedDB fails (with
 * the failing request's event: `event.target.error` is the `DOMException`).
 * @param maxStored outbox bound applied as the outbox is read: the oldest beyond it are dropped and
 * counted in the next beacon's `dropped`. @default 50
 */
export function replayRumOutbox(maxStored = 50): Promise<number> {
  return replayOutbox(maxStored);
}

/** The part of a Background Sync `SyncEvent` this needs (its type is not in TypeScript's DOM lib). */
export interface RumSyncEvent {
  readonly tag: string;
  waitUntil(promise: Promise<unknown>): void;
}

/**
 * For a service worker's `sync` listener: replays the RUM outbox when the event is ours and
 * returns whether it was. If beacons are still kept (collector unreachable) the sync fails, so
 * the browser retries it later with backoff.
 *
 * @example
 * self.addEventListener('sync', (event) => handleRumSync(event));
 */
export function handleRumSync(event: RumSyncEvent): boolean {
  if (event.tag != SYNC_TAG) return false;
  event.waitUntil(
    replayOutbox(50).then((kept) => {
      if (kept) throw new Error(`@pronto/rum: ${kept} beacons still waiting for the collector`);
    }),
  );
  return true;
}
