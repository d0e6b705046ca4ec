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
      const db = open.result;
      const tx = db.transaction('outbox', 'readwrite');
      const store = tx.objectStore('outbox');
      const get = store.get(0);
      get.onsuccess = () => store.put(next(get.result ?? []), 0);
      tx.onerror = tx.onabort = () => reject(tx.error);
      tx.oncomplete = () => {
        db.close();
        resolve(get.result ?? []);
      };
    };
  });
}

/**
 * Appends beacons to the IndexedDB outbox, keeping the newest `max`: the oldest go first and their
 * number (plus the counts they carried) moves into the oldest kept beacon's `dropped`, which is the
 * next to be sent, so the collector learns of the loss.
 * @internal
 */
export function storeBeacons(records: StoredBeacon[], max: number): Promise<unknown> {
  return update((list) => {
    const all = [...list, ...records];
    const kept = all.slice(-max);
    for (const { beacon } of all.slice(0, -max)) {
      const first = kept[0]!.beacon;
      first.dropped = (first.dropped ?? 0) + 1 + (beacon.dropped ?? 0);
    }
    return kept;
  });
}

/** Removes and returns every stored beacon, oldest first. @internal */
export function takeBeacons(): Promise<StoredBeacon[]> {
  return update(() => []);
}
