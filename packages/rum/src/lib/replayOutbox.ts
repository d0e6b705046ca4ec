import { sendBody } from './sendBody.js';
import { storeBeacons, takeBeacons } from './outbox.js';

/**
 * Sends the outbox's beacons one after another (keepalive quota, and the collector sees `seq` in
 * order); on the first failure the rest go back untouched. Resolves with how many are still kept.
 * @internal
 */
export async function replayOutbox(max: number): Promise<number> {
  const records = await takeBeacons();
  while (records[0] && (await sendBody(records[0].url, JSON.stringify(records[0].beacon)))) records.shift();
  if (records[0]) await storeBeacons(records, max);
  return records.length;
}

const ignore = () => {};

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
