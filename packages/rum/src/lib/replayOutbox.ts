import { sendBody } from './sendBody.js';
import { storeBeacons, takeBeacons, type StoredBeacon } from './outbox.js';

/**
 * Sends the outbox's beacons one after another (keepalive quota, and the collector sees `seq` in
 * order); on the first failure the rest go back untouched. Resolves with how many are still kept.
 * @internal
 */
export async function replayOutbox(max: number): Promise<number> {
  const records = await takeBeacons();
  let sent = 0;
  while (sent < records.length && (await sendBody(records[sent]!.url, JSON.stringify(records[sent]!.beacon), false))) sent++;
  const kept = records.slice(sent);
  if (kept.length) await storeBeacons(kept, max);
  return kept.length;
}

/** Outbox writes for the page: also asks the service worker, if any, for a Background Sync. @internal */
export function keepBeacons(records: StoredBeacon[], max: number): Promise<void> {
  return storeBeacons(records, max).then(() => {
    // `ready` stays pending on pages without a service worker, which costs nothing.
    void navigator.serviceWorker?.ready.then((r) =>
      (r as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(SYNC_TAG),
    );
  });
}

/** The Background Sync tag the page registers and `replayRumOutbox` answers. */
export const SYNC_TAG = 'pronto-rum';
