import type { Beacon } from '../types.js';

/** What the outbox keeps: the beacon and the absolute URL it was for, so a service worker can send it. */
export interface StoredBeacon {
  url: string;
  beacon: Beacon;
}

// One record per beacon, so a copy is written or removed by a single request with no read before it:
// one that an unloading document can still commit. The key sorts the outbox oldest first: a page view
// id starts with its start time in base 36 (createRumCore), and seq counts within it.
const keyOf = ({ pageViewId, seq }: Beacon): IDBValidKey => [pageViewId, seq];

// The connection stays open because a document being unloaded runs no callback again: its copy must
// be requested in the pagehide task itself, and committed at once. (Chromium 156, 10 navigations
// each: a write that first opened the database at pagehide landed 0 times; one on an open
// connection, without commit(), 0 times; with commit(), 10 times.)
let db: IDBDatabase | undefined;

/**
 * Opens the outbox database and keeps the connection for the page (or worker). A client opens it as
 * it starts: a copy can be written at pagehide only on a connection that is already open. Failures
 * reject with the failing request's or transaction's event (its `target.error` says why): the bytes
 * of unwrapping it are not worth it in code whose callers only ever ignore or log it.
 * @internal
 */
export const openOutbox = (): Promise<IDBDatabase> =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open('pronto-rum');
    open.onupgradeneeded = () => open.result.createObjectStore('outbox');
    open.onerror = reject;
    open.onsuccess = () => {
      const opened = (db = open.result);
      // The database is being deleted (site data cleared by a script) or upgraded: let go, and
      // reconnect at the next use. (A connection the browser closes by itself, data cleared from its
      // settings, fails this page's later copies until the next load.)
      opened.onversionchange = () => {
        opened.close();
        db = undefined;
      };
      resolve(opened);
    };
  });

/**
 * Runs `use` in one readwrite transaction on the outbox and resolves once it commits. When the
 * database is already open, the transaction starts in the caller's task.
 */
const inOutbox = (use: (store: IDBObjectStore) => void, connection = db): Promise<unknown> =>
  connection
    ? new Promise((resolve, reject) => {
        const tx = connection.transaction('outbox', 'readwrite');
        tx.oncomplete = resolve;
        // A failed request aborts the transaction (nothing calls preventDefault), so abort covers errors too.
        tx.onabort = reject;
        use(tx.objectStore('outbox'));
      })
    : openOutbox().then((opened) => inOutbox(use, opened));

/**
 * Writes the copy of a beacon about to be sent, committed at once: a document being unloaded may run
 * no callback again. The bound applies when the outbox is read.
 * @internal
 */
export const keepBeacon = (record: StoredBeacon): Promise<unknown> =>
  inOutbox((store) => {
    store.put(record, keyOf(record.beacon));
    // Every browser with ES2022 has commit() (Chromium 76, Firefox 74, Safari 15).
    store.transaction.commit();
  });

/**
 * Removes the copy of a beacon the collector confirmed. (Should the outbox overflow while the send
 * is in flight and make this copy the carrier of a `dropped` count, that count goes with it.)
 * @internal
 */
export const forgetBeacon = (beacon: Beacon): Promise<unknown> => inOutbox((store) => store.delete(keyOf(beacon)));

/**
 * The outbox's newest `max` beacons, oldest first; they stay until forgotten. The oldest beyond `max`
 * are dropped and counted (with the counts they carried) into the oldest kept beacon's `dropped`: it
 * is the next to be sent, so the collector learns of the loss. The outbox is rewritten with what is
 * kept, in the same transaction (at most `max` small records), which also turns the previous
 * release's single list (one value at key 0, flattened here) into records.
 * @internal
 */
export const readBeacons = (max: number): Promise<StoredBeacon[]> => {
  let kept: StoredBeacon[] = [];
  return inOutbox((store) => {
    const read = store.getAll();
    read.onsuccess = () => {
      const all = (read.result as (StoredBeacon | StoredBeacon[])[]).flat();
      kept = all.slice(-max);
      const first = kept[0]?.beacon;
      // Runs only when something is dropped, and then `kept` holds `max` (>= 1) beacons.
      for (const { beacon } of all.slice(0, -max)) first!.dropped = (first!.dropped ?? 0) + 1 + (beacon.dropped ?? 0);
      store.clear();
      for (const record of kept) store.put(record, keyOf(record.beacon));
    };
  }).then(() => kept);
};
