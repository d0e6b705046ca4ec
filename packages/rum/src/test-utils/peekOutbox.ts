import type { StoredBeacon } from '../lib/outbox.js';

/** Reads the outbox without changing it, oldest first (a previous release's list record flattened). */
export function peekOutbox(): Promise<StoredBeacon[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('pronto-rum');
    open.onupgradeneeded = () => open.result.createObjectStore('outbox');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const read = open.result.transaction('outbox').objectStore('outbox').getAll();
      read.onsuccess = () => {
        open.result.close();
        resolve((read.result as (StoredBeacon | StoredBeacon[])[]).flat());
      };
    };
  });
}
