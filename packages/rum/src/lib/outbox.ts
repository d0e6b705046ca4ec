import type { Beacon } from '../types.js';

/** What the outbox keeps: the beacon and the absolute URL it was for, so a service worker can send it. */
export interface StoredBeacon {
  url: string;
  beacon: Beacon;
}

/**
 * Replaces the outbox list by `next(list)` in one readwrite transaction (so two tabs, or a tab and
 * the service worker, never both take the same beacons) and resolves with the previous list once
 * committed. The list is one record: outbox writes are rare and small, and one get + put is atomic.
 */
function update(next: (list: StoredBeacon[]) => StoredBeacon[]): Promise<StoredBeacon[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('pronto-rum');
    open.onupgradeneeded = () => open.result.createObjectStore('outbox');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('outbox', 'readwrite');
      // The connection closes once its transactions are done, so nothing stays open.
      open.result.close();
      const store = tx.objectStore('outbox');
      let list: StoredBeacon[];
      const get = store.get(0);
      get.onsuccess = () => store.put(next((list = get.result ?? [])), 0);
      // A failed request aborts the transaction (nothing calls preventDefault), so abort covers errors too.
      tx.onabort = () => reject(tx.error);
      tx.oncomplete = () => resolve(list);
    };
  });
}

/**
 * Appends beacons to the IndexedDB outbox, keeping the newest `max`: the oldest go first and their
 * number (plus the counts they carried) moves into the oldest kept beacon's `dropped`, which is the
 * next to be sent, so the collector learns of the loss.
 * @internal
 */
export const storeBeacons = (records: StoredBeacon[], max: number): Promise<unknown> =>
  update((list) => {
    const all = list.concat(records);
    const kept = all.slice(-max);
    const first = kept[0]?.beacon;
    // Runs only when something is dropped, and then `kept` holds `max` (>= 1) beacons.
    for (const { beacon } of all.slice(0, -max)) first!.dropped = (first!.dropped ?? 0) + 1 + (beacon.dropped ?? 0);
    return kept;
  });

/**
 * Removes the copy of a beacon the collector confirmed. (Should the outbox overflow while the send
 * is in flight and make this copy the carrier of a `dropped` count, that count goes with it.)
 * @internal
 */
export const forgetBeacon = ({ pageViewId, seq }: Beacon): Promise<unknown> =>
  update((list) => list.filter(({ beacon: b }) => b.pageViewId != pageViewId || b.seq != seq));

/** Removes and returns every stored beacon, oldest first. @internal */
export const takeBeacons = (): Promise<StoredBeacon[]> => update(() => []);
