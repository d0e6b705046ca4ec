import type { StoredBeacon } from '../lib/outbox.js';

/** Reads the outbox without emptying it (the library only ever takes everything at once). */
export function peekOutbox(): Promise<StoredBeacon[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('pronto-rum');
    open.onupgradeneeded = () => open.result.createObjectStore('outbox');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('outbox').objectStore('outbox').get(0);
      get.onsuccess = () => {
        open.result.close();
        resolve((get.result as StoredBeacon[] | undefined) ?? []);
      };
    };
  });
}
