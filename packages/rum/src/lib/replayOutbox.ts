import { postBeacon } from './postBeacon.js';
import { forgetBeacon, readBeacons } from './outbox.js';
import { ignore } from './ignore.js';

/**
 * Sends the outbox's beacons one after another (keepalive quota, and the collector sees `seq` in
 * order), removing each copy once confirmed; stops at the first failure. Copies stay in the outbox
 * until confirmed, so a replay cut short (the page unloads, the worker stops) loses nothing: two
 * replays at once can send the same copy, which the collector stores once and counts as a duplicate.
 * Resolves with how many are still kept.
 * @internal
 */
export async function replayOutbox(max: number): Promise<number> {
  const records = await readBeacons(max);
  while (records[0] && (await postBeacon(records[0]))) await forgetBeacon(records.shift()!.beacon);
  return records.length;
}

/**
 * Asks the service worker, if any, for a Background Sync, so it replays the outbox even if the page
 * never loads again. `ready` stays pending on pages without a service worker, which costs nothing.
 * register() rejects where the user blocked Background Sync: the page replays at its next load.
 * @internal
 */
export const requestSync = (): void => {
  navigator.serviceWorker?.ready
    .then((r) =>
      (r as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(SYNC_TAG),
    )
    .catch(ignore);
};

/** The Background Sync tag the page registers and `replayRumOutbox` answers. */
export const SYNC_TAG = 'pronto-rum';
