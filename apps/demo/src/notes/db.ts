import type { LocalNote, OutboxEntry } from './types';

// One small IndexedDB database, opened by the page and by the service worker alike: the outbox must be
// readable from both, because either may be the one that is alive when the network comes back.

const DB_NAME = 'pronto-notes';
const DB_VERSION = 1;

export type StoreName = 'notes' | 'outbox';

let opening: Promise<IDBDatabase> | undefined;

/** Opens (once) the notes database. */
export function openNotesDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      const notes = db.createObjectStore('notes', { keyPath: 'id' });
      notes.createIndex('itemId', 'itemId');
      const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      outbox.createIndex('noteId', 'noteId');
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another context upgrading the schema must not be blocked by this connection.
      db.onversionchange = () => {
        db.close();
        opening = undefined;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = undefined;
      reject(request.error ?? new Error('IndexedDB open failed'));
    };
  });
  return opening;
}

/** Wraps an IDBRequest in a promise. */
export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Runs `work` in one read-write (or read-only) transaction and resolves only once the transaction has
 * committed, so that callers never show a change that is not yet on disk.
 */
export async function inTransaction<T>(
  stores: StoreName[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => Promise<T> | T,
): Promise<T> {
  const db = await openNotesDb();
  const tx = db.transaction(stores, mode, { durability: 'strict' });
  const committed = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
  let result: T;
  try {
    result = await work(tx);
  } catch (error) {
    tx.abort();
    await committed.catch(() => undefined);
    throw error;
  }
  await committed;
  return result;
}

export function getAll<T>(tx: IDBTransaction, store: StoreName): Promise<T[]> {
  return requestResult(tx.objectStore(store).getAll() as IDBRequest<T[]>);
}

export function getNotesOfItem(tx: IDBTransaction, itemId: number): Promise<LocalNote[]> {
  return requestResult(tx.objectStore('notes').index('itemId').getAll(itemId) as IDBRequest<LocalNote[]>);
}

export function getOutboxOfNote(tx: IDBTransaction, noteId: string): Promise<OutboxEntry[]> {
  return requestResult(tx.objectStore('outbox').index('noteId').getAll(noteId) as IDBRequest<OutboxEntry[]>);
}
